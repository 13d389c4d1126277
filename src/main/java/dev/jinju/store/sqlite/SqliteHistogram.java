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
     * {@code from + span * i / n}, in closed form: the largest i with {@code from + span * i / n <= ts}. The
     * rollup query computes the same in SQL, so it can sum whole minutes per bucket itself.
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
             // b1 and b2: the buckets of a minute's first and last millisecond; they differ where an edge cuts it.
             PreparedStatement minutes = c.prepareStatement(
                     "SELECT ((minute * 60000 - ?1 + 1) * ?2 - 1) / ?3 AS b1,"
                             + " (((minute + 1) * 60000 - ?1) * ?2 - 1) / ?3 AS b2, level, sum(count)"
                             + " FROM rollup WHERE grp = ?4 AND minute >= ?5 AND minute < ?6 AND level IN (" + levels
                             + ") GROUP BY b1, b2, level");
             PreparedStatement exact = c.prepareStatement("SELECT level, count(*) FROM events WHERE grp = ?"
                     + " AND level IN (" + levels + ") AND ts >= ? AND ts < ? GROUP BY level")) {
            List<long[]> pieces = exactPieces(bounds, firstWhole, endWhole);
            for (String group : scope.groups()) {
                Integer grp = groupIds.get(group);
                if (grp == null) {
                    continue;
                }
                if (firstWhole < endWhole) {
                    minutes.setLong(1, from);
                    minutes.setLong(2, n);
                    minutes.setLong(3, to - from);
                    minutes.setInt(4, grp);
                    minutes.setLong(5, firstWhole);
                    minutes.setLong(6, endWhole);
                    try (ResultSet rs = minutes.executeQuery()) {
                        while (rs.next()) {
                            if (rs.getLong(1) == rs.getLong(2)) { // cut minutes are counted exactly below
                                counts.get((int) rs.getLong(1)).merge(LEVELS[rs.getInt(3)], rs.getLong(4), Long::sum);
                            }
                        }
                    }
                }
                for (long[] piece : pieces) {
                    exact.setInt(1, grp);
                    exact.setLong(2, piece[0]);
                    exact.setLong(3, piece[1]);
                    try (ResultSet rs = exact.executeQuery()) {
                        while (rs.next()) {
                            counts.get(bucketOf(bounds, piece[0])).merge(LEVELS[rs.getInt(1)], rs.getLong(2), Long::sum);
                        }
                    }
                }
            }
        } catch (SQLException e) {
            throw new StoreException("histogram failed: " + e.getMessage(), e);
        }
        return counts;
    }

    /**
     * The time ranges the rollup cannot answer, each within one bucket: the part minutes at both ends of the
     * range and every whole minute a bucket edge cuts, split at the edges. SQLite counts them from the
     * (grp, level, ts) index without reading a row.
     */
    static List<long[]> exactPieces(long[] bounds, long firstWhole, long endWhole) {
        long from = bounds[0];
        long to = bounds[bounds.length - 1];
        List<long[]> spans = new ArrayList<>();
        if (firstWhole >= endWhole) {
            spans.add(new long[]{from, to});
        } else {
            if (from < firstWhole * MINUTE) {
                spans.add(new long[]{from, firstWhole * MINUTE});
            }
            long lastCut = Long.MIN_VALUE;
            for (int i = 1; i + 1 < bounds.length; i++) {
                long minute = Math.floorDiv(bounds[i], MINUTE);
                if (Math.floorMod(bounds[i], MINUTE) != 0 && minute >= firstWhole && minute < endWhole && minute != lastCut) {
                    spans.add(new long[]{minute * MINUTE, (minute + 1) * MINUTE});
                    lastCut = minute;
                }
            }
            if (endWhole * MINUTE < to) {
                spans.add(new long[]{endWhole * MINUTE, to});
            }
        }
        List<long[]> pieces = new ArrayList<>();
        for (long[] span : spans) {
            long start = span[0];
            while (start < span[1]) {
                int b = bucketOf(bounds, start);
                long end = Math.min(span[1], bounds[b + 1]);
                pieces.add(new long[]{start, end});
                start = end;
            }
        }
        return pieces;
    }
}
