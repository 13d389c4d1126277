package dev.jinju.store.sqlite;

import dev.jinju.event.Level;
import dev.jinju.query.Query;
import dev.jinju.store.HistogramBucket;
import dev.jinju.store.SearchScope;
import dev.jinju.store.StoreException;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Histograms for the embedded store. Without a query they come from the per-minute rollup; the minutes that
 * straddle a bucket edge or the range's ends are counted exactly from the events table, so the counts equal
 * what a search over the same scope returns.
 */
final class SqliteHistogram {
    private static final long MINUTE = 60_000L;
    private static final Level[] LEVELS = Level.values();

    private final DataSource dataSource;
    private final Map<String, Integer> groupIds;
    private final SqliteLogStore store;

    SqliteHistogram(DataSource dataSource, Map<String, Integer> groupIds, SqliteLogStore store) {
        this.dataSource = dataSource;
        this.groupIds = groupIds;
        this.store = store;
    }

    List<HistogramBucket> compute(SearchScope scope, int buckets) {
        long from = scope.from().toEpochMilli();
        long to = scope.to().toEpochMilli();
        long[] bounds = new long[buckets + 1];
        for (int i = 0; i <= buckets; i++) {
            bounds[i] = from + (to - from) * i / buckets;
        }
        List<Map<Level, Long>> counts;
        if (scope.query() instanceof Query.All) {
            counts = fromRollup(scope, bounds);
        } else {
            counts = store.countByScan(scope, bounds);
        }
        List<HistogramBucket> result = new ArrayList<>(buckets);
        for (int i = 0; i < buckets; i++) {
            result.add(new HistogramBucket(Instant.ofEpochMilli(bounds[i]), Instant.ofEpochMilli(bounds[i + 1]),
                    counts.get(i)));
        }
        return result;
    }

    static int bucketOf(long[] bounds, long ts) {
        if (ts < bounds[0] || ts >= bounds[bounds.length - 1]) {
            return -1;
        }
        int lo = 0;
        int hi = bounds.length - 2;
        while (lo < hi) {
            int mid = (lo + hi + 1) >>> 1;
            if (bounds[mid] <= ts) {
                lo = mid;
            } else {
                hi = mid - 1;
            }
        }
        return lo;
    }

    /**
     * The bucket of {@code ts} in {@code [from, from + span)} cut into {@code n} buckets at
     * {@code from + span * i / n}, in closed form: the largest i with {@code from + span * i / n <= ts}.
     */
    static long bucketOf(long from, long span, int n, long ts) {
        return Math.floorDiv((ts - from + 1) * n - 1, span);
    }

    private List<Map<Level, Long>> fromRollup(SearchScope scope, long[] bounds) {
        List<Map<Level, Long>> counts = new ArrayList<>();
        for (int i = 0; i + 1 < bounds.length; i++) {
            counts.add(new EnumMap<>(Level.class));
        }
        int n = bounds.length - 1;
        long from = bounds[0];
        long to = bounds[n];
        long firstWhole = Math.floorDiv(from + MINUTE - 1, MINUTE); // the minutes wholly inside [from, to)
        long endWhole = Math.floorDiv(to, MINUTE);
        StringBuilder levels = new StringBuilder();
        for (Level level : LEVELS) {
            if (scope.levelAllowed(level)) {
                levels.append(levels.isEmpty() ? "" : ",").append(level.ordinal());
            }
        }
        if (levels.isEmpty()) {
            return counts;
        }
        try (Connection c = dataSource.getConnection();
             // Read and summed here: SQLite's GROUP BY over the same rows (a sorter) takes twice as long.
             PreparedStatement minutes = c.prepareStatement(
                     "SELECT minute, level, count FROM rollup WHERE grp = ? AND minute >= ? AND minute < ?");
             PreparedStatement exact = c.prepareStatement("SELECT level, count(*) FROM events WHERE grp = ?"
                     + " AND level IN (" + levels + ") AND ts >= ? AND ts < ? GROUP BY level")) {
            for (String group : scope.groups()) {
                Integer grp = groupIds.get(group);
                if (grp == null) {
                    continue;
                }
                Map<Long, Map<Level, Long>> cutTotals = new HashMap<>();
                if (firstWhole < endWhole) {
                    minutes.setInt(1, grp);
                    minutes.setLong(2, firstWhole);
                    minutes.setLong(3, endWhole);
                    try (ResultSet rs = minutes.executeQuery()) {
                        while (rs.next()) {
                            Level level = LEVELS[rs.getInt(2)];
                            if (!scope.levelAllowed(level)) {
                                continue;
                            }
                            long minute = rs.getLong(1);
                            // The buckets of the minute's first and last millisecond: they differ where an edge cuts it.
                            long first = bucketOf(from, to - from, n, minute * MINUTE);
                            if (first == bucketOf(from, to - from, n, minute * MINUTE + MINUTE - 1)) {
                                counts.get((int) first).merge(level, rs.getLong(3), Long::sum);
                            } else {
                                cutTotals.computeIfAbsent(minute, m -> new EnumMap<>(Level.class)).put(level, rs.getLong(3));
                            }
                        }
                    }
                }
                for (long[] piece : edgePieces(bounds, firstWhole, endWhole)) {
                    countExactly(exact, grp, piece, bounds, counts);
                }
                for (Map.Entry<Long, Map<Level, Long>> cut : cutTotals.entrySet()) {
                    countCutMinute(exact, grp, cut.getKey(), cut.getValue(), bounds, counts);
                }
            }
        } catch (SQLException e) {
            throw new StoreException("histogram failed: " + e.getMessage(), e);
        }
        return counts;
    }

    /**
     * Splits a minute that bucket edges cut: every piece but the longest is counted from the (grp, level, ts)
     * index, and the longest gets what is left of the minute's rollup total, so the fewest rows are counted.
     */
    private static void countCutMinute(PreparedStatement exact, int grp, long minute, Map<Level, Long> total,
                                       long[] bounds, List<Map<Level, Long>> counts) throws SQLException {
        List<long[]> pieces = split(minute * MINUTE, (minute + 1) * MINUTE, bounds);
        long[] longest = pieces.get(0);
        for (long[] p : pieces) {
            if (p[1] - p[0] > longest[1] - longest[0]) {
                longest = p;
            }
        }
        Map<Level, Long> rest = new EnumMap<>(total);
        for (long[] p : pieces) {
            if (p != longest) {
                Map<Level, Long> piece = countExactly(exact, grp, p, bounds, counts);
                piece.forEach((level, count) -> rest.merge(level, -count, Long::sum));
            }
        }
        if (rest.values().stream().anyMatch(c -> c < 0)) { // the rollup disagrees with the rows: trust the rows
            countExactly(exact, grp, longest, bounds, counts);
            return;
        }
        Map<Level, Long> bucket = counts.get(bucketOf(bounds, longest[0]));
        rest.forEach((level, count) -> {
            if (count > 0) {
                bucket.merge(level, count, Long::sum);
            }
        });
    }

    /** Counts one piece (inside one bucket) from the index, adds it to its bucket and returns it. */
    private static Map<Level, Long> countExactly(PreparedStatement exact, int grp, long[] piece, long[] bounds,
                                                 List<Map<Level, Long>> counts) throws SQLException {
        exact.setInt(1, grp);
        exact.setLong(2, piece[0]);
        exact.setLong(3, piece[1]);
        Map<Level, Long> found = new EnumMap<>(Level.class);
        try (ResultSet rs = exact.executeQuery()) {
            while (rs.next()) {
                found.put(LEVELS[rs.getInt(1)], rs.getLong(2));
            }
        }
        Map<Level, Long> bucket = counts.get(bucketOf(bounds, piece[0]));
        found.forEach((level, count) -> bucket.merge(level, count, Long::sum));
        return found;
    }

    /**
     * The parts of the range the rollup cannot answer at all, each within one bucket: the part minutes at both
     * ends (or the whole range, when it holds no whole minute).
     */
    static List<long[]> edgePieces(long[] bounds, long firstWhole, long endWhole) {
        long from = bounds[0];
        long to = bounds[bounds.length - 1];
        if (firstWhole >= endWhole) {
            return split(from, to, bounds);
        }
        List<long[]> pieces = new ArrayList<>(split(from, Math.max(from, firstWhole * MINUTE), bounds));
        pieces.addAll(split(Math.min(to, endWhole * MINUTE), to, bounds));
        return pieces;
    }

    /** {@code [start, end)} cut at the bucket edges: pieces that each lie in one bucket. */
    static List<long[]> split(long start, long end, long[] bounds) {
        List<long[]> pieces = new ArrayList<>();
        while (start < end) {
            long pieceEnd = Math.min(end, bounds[bucketOf(bounds, start) + 1]);
            pieces.add(new long[]{start, pieceEnd});
            start = pieceEnd;
        }
        return pieces;
    }
}
