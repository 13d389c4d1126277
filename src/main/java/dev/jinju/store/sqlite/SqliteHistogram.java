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

    private List<Map<Level, Long>> fromRollup(SearchScope scope, long[] bounds) {
        List<Map<Level, Long>> counts = new ArrayList<>();
        for (int i = 0; i + 1 < bounds.length; i++) {
            counts.add(new EnumMap<>(Level.class));
        }
        long from = bounds[0];
        long to = bounds[bounds.length - 1];
        try (Connection c = dataSource.getConnection();
             PreparedStatement minutes = c.prepareStatement(
                     "SELECT minute, level, count FROM rollup WHERE grp = ? AND minute >= ? AND minute < ?");
             PreparedStatement exact = c.prepareStatement(
                     "SELECT ts FROM events WHERE grp = ? AND level = ? AND ts >= ? AND ts < ?")) {
            for (String group : scope.groups()) {
                Integer grp = groupIds.get(group);
                if (grp == null) {
                    continue;
                }
                minutes.setInt(1, grp);
                minutes.setLong(2, Math.floorDiv(from, MINUTE));
                minutes.setLong(3, Math.floorDiv(to - 1, MINUTE) + 1);
                try (ResultSet rs = minutes.executeQuery()) {
                    while (rs.next()) {
                        long start = rs.getLong(1) * MINUTE;
                        Level level = LEVELS[rs.getInt(2)];
                        int b = bucketOf(bounds, start);
                        boolean whole = b >= 0 && bucketOf(bounds, start + MINUTE - 1) == b;
                        if (!scope.levelAllowed(level)) {
                            continue;
                        }
                        if (whole) {
                            counts.get(b).merge(level, rs.getLong(3), Long::sum);
                        } else {
                            countExactly(exact, grp, level, start, bounds, counts);
                        }
                    }
                }
            }
        } catch (SQLException e) {
            throw new StoreException("histogram failed: " + e.getMessage(), e);
        }
        return counts;
    }

    /** Counts one level's rows of one minute that straddles a bucket edge, row by row. */
    private static void countExactly(PreparedStatement exact, int grp, Level level, long minuteStart, long[] bounds,
                                     List<Map<Level, Long>> counts) throws SQLException {
        exact.setInt(1, grp);
        exact.setInt(2, level.ordinal());
        exact.setLong(3, minuteStart);
        exact.setLong(4, minuteStart + MINUTE);
        try (ResultSet rs = exact.executeQuery()) {
            while (rs.next()) {
                int b = bucketOf(bounds, rs.getLong(1));
                if (b >= 0) {
                    counts.get(b).merge(level, 1L, Long::sum);
                }
            }
        }
    }
}
