package dev.jinju.store.sqlite;

import dev.jinju.event.EventJson;
import dev.jinju.event.Level;
import dev.jinju.event.LogEvent;
import dev.jinju.query.Query;
import dev.jinju.query.QueryEvaluator;
import dev.jinju.store.AppendResult;
import dev.jinju.store.HistogramBucket;
import dev.jinju.store.LogGroupInfo;
import dev.jinju.store.LogStore;
import dev.jinju.store.SearchPage;
import dev.jinju.store.SearchScope;
import dev.jinju.store.StoreException;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;

/**
 * The embedded store's SQLite part: events as JSON rows with indexed columns for group, time, level,
 * type and HTTP status, and a per-minute rollup for histograms. Writes go through one group-commit writer;
 * reads use pooled connections (WAL lets them run beside the writer).
 */
public class SqliteLogStore implements LogStore, AutoCloseable {
    /** Rows fetched per round trip when the evaluator has to filter what SQL returns. */
    private static final int SCAN_CHUNK = 500;

    private final DataSource dataSource;
    private final GroupCommitWriter writer;
    private final Map<String, Integer> groupIds = new ConcurrentHashMap<>();
    private final Map<Integer, LogGroupInfo> groupsById = new ConcurrentHashMap<>();

    public SqliteLogStore(DataSource dataSource) {
        this.dataSource = dataSource;
        try {
            Connection writeConnection = dataSource.getConnection();
            SqliteSchema.migrate(writeConnection);
            loadGroups(writeConnection);
            writer = new GroupCommitWriter(writeConnection, this::write);
        } catch (SQLException e) {
            throw new StoreException("cannot open the embedded store: " + e.getMessage(), e);
        }
    }

    // ---------------------------------------------------------------- writing

    @Override
    public AppendResult append(List<LogEvent> events) {
        if (events.isEmpty()) {
            return AppendResult.ALL_STORED;
        }
        try {
            writer.submit(events).get();
            return AppendResult.ALL_STORED;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoreException("interrupted while waiting for the write to commit", e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof StoreException se ? se
                    : new StoreException("the embedded store could not write", e.getCause());
        }
    }

    private void write(Connection c, List<LogEvent> events) throws SQLException {
        Map<Long, Long> rollup = new HashMap<>();
        try (PreparedStatement insert = c.prepareStatement(
                "INSERT OR IGNORE INTO events(id, grp, ts, level, type, http_status, body) VALUES (?,?,?,?,?,?,?)")) {
            List<int[]> keys = new ArrayList<>(events.size());
            for (LogEvent e : events) {
                int grp = groupId(c, e);
                long ts = e.timestamp().toEpochMilli();
                insert.setString(1, e.id());
                insert.setInt(2, grp);
                insert.setLong(3, ts);
                insert.setInt(4, e.level().ordinal());
                insert.setString(5, e.type());
                if (e.http() != null && e.http().status() != null) {
                    insert.setInt(6, e.http().status());
                } else {
                    insert.setNull(6, java.sql.Types.INTEGER);
                }
                insert.setString(7, EventJson.write(e));
                insert.addBatch();
                keys.add(new int[]{grp, (int) Math.floorDiv(ts, 60_000L), e.level().ordinal()});
            }
            int[] counts = insert.executeBatch();
            for (int i = 0; i < counts.length; i++) {
                if (counts[i] > 0) { // 0: the id was stored before (a retried batch), so it must not count twice
                    int[] k = keys.get(i);
                    rollup.merge(rollupKey(k[0], k[1], k[2]), 1L, Long::sum);
                }
            }
        }
        try (PreparedStatement up = c.prepareStatement("INSERT INTO rollup(grp, minute, level, count) VALUES (?,?,?,?) "
                + "ON CONFLICT(grp, minute, level) DO UPDATE SET count = count + excluded.count")) {
            for (Map.Entry<Long, Long> r : rollup.entrySet()) {
                long key = r.getKey();
                up.setInt(1, (int) (key >>> 35));
                up.setLong(2, (key >>> 3) & 0xFFFFFFFFL);
                up.setInt(3, (int) (key & 7));
                up.setLong(4, r.getValue());
                up.addBatch();
            }
            up.executeBatch();
        }
    }

    private static long rollupKey(int grp, int minute, int level) {
        return ((long) grp << 35) | ((minute & 0xFFFFFFFFL) << 3) | level;
    }

    private int groupId(Connection c, LogEvent e) throws SQLException {
        Integer id = groupIds.get(e.group());
        if (id != null) {
            return id;
        }
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO log_groups(name, project, environment) VALUES (?,?,?) RETURNING id")) {
            ps.setString(1, e.group());
            ps.setString(2, e.project());
            ps.setString(3, e.environment());
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                id = rs.getInt(1);
            }
        }
        // Published to readers only after the commit would be cleaner, but a group without rows is harmless.
        groupIds.put(e.group(), id);
        groupsById.put(id, new LogGroupInfo(e.group(), e.project(), e.environment()));
        return id;
    }

    private void loadGroups(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT id, name, project, environment FROM log_groups");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                groupIds.put(rs.getString(2), rs.getInt(1));
                groupsById.put(rs.getInt(1), new LogGroupInfo(rs.getString(2), rs.getString(3), rs.getString(4)));
            }
        }
    }

    // ---------------------------------------------------------------- reading

    @Override
    public List<LogGroupInfo> logGroups() {
        return groupsById.values().stream().sorted(Comparator.comparing(LogGroupInfo::name)).toList();
    }

    @Override
    public Optional<LogEvent> event(String id) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT body FROM events WHERE id = ?")) {
            ps.setString(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(EventJson.read(rs.getString(1))) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new StoreException("cannot read event " + id + ": " + e.getMessage(), e);
        }
    }

    @Override
    public SearchPage search(SearchScope scope, int limit, String cursor) {
        SqliteCursor after = cursor == null ? null : SqliteCursor.parse(cursor);
        SqlPredicate predicate = SqlCompiler.compile(scope.query());
        try (Connection c = dataSource.getConnection()) {
            PriorityQueue<GroupScan> heads = new PriorityQueue<>(GroupScan.NEWEST_FIRST);
            for (String group : scope.groups()) {
                Integer grp = groupIds.get(group);
                if (grp != null) {
                    GroupScan scan = new GroupScan(c, grp, scope, predicate, after, Math.min(limit + 1, SCAN_CHUNK));
                    if (scan.advance()) {
                        heads.add(scan);
                    }
                }
            }
            List<LogEvent> page = new ArrayList<>(limit);
            SqliteCursor last = null;
            while (!heads.isEmpty() && page.size() < limit) {
                GroupScan top = heads.poll();
                page.add(top.current.event());
                last = new SqliteCursor(top.current.ts(), top.current.seq());
                if (top.advance()) {
                    heads.add(top);
                }
            }
            boolean more = !heads.isEmpty();
            return new SearchPage(page, more && last != null ? last.format() : null);
        } catch (SQLException e) {
            throw new StoreException("search failed: " + e.getMessage(), e);
        }
    }

    /** One row as the scans see it. */
    record Row(long ts, long seq, LogEvent event) {
    }

    /** Walks one group's matching rows newest first, a chunk at a time, applying the evaluator when needed. */
    private static final class GroupScan {
        static final Comparator<GroupScan> NEWEST_FIRST = Comparator
                .comparingLong((GroupScan s) -> s.current.ts()).thenComparingLong(s -> s.current.seq()).reversed();

        private final Connection c;
        private final int grp;
        private final SearchScope scope;
        private final SqlPredicate predicate;
        private final int chunk;
        private SqliteCursor position;
        private final List<Row> buffer = new ArrayList<>();
        private int next;
        private boolean exhausted;
        Row current;

        GroupScan(Connection c, int grp, SearchScope scope, SqlPredicate predicate, SqliteCursor after, int chunk) {
            this.c = c;
            this.grp = grp;
            this.scope = scope;
            this.predicate = predicate;
            this.position = after;
            this.chunk = predicate.exact() ? chunk : SCAN_CHUNK;
        }

        boolean advance() throws SQLException {
            while (true) {
                if (next < buffer.size()) {
                    current = buffer.get(next++);
                    return true;
                }
                if (exhausted) {
                    current = null;
                    return false;
                }
                fill();
            }
        }

        private void fill() throws SQLException {
            buffer.clear();
            next = 0;
            StringBuilder sql = new StringBuilder("SELECT ts, seq, body FROM events WHERE grp = ? AND ts >= ? AND ts < ?");
            List<Object> params = new ArrayList<>(List.of(grp, scope.from().toEpochMilli(), scope.to().toEpochMilli()));
            if (!scope.levels().isEmpty()) {
                sql.append(" AND level IN (").append(String.join(",", java.util.Collections.nCopies(scope.levels().size(), "?"))).append(')');
                scope.levels().forEach(l -> params.add(l.ordinal()));
            }
            if (position != null) {
                sql.append(" AND (ts < ? OR (ts = ? AND seq < ?))");
                params.add(position.ts());
                params.add(position.ts());
                params.add(position.seq());
            }
            if (!predicate.sql().equals("1")) {
                sql.append(" AND (").append(predicate.sql()).append(')');
                params.addAll(predicate.params());
            }
            sql.append(" ORDER BY ts DESC, seq DESC LIMIT ").append(chunk);
            int read = 0;
            try (PreparedStatement ps = c.prepareStatement(sql.toString())) {
                for (int i = 0; i < params.size(); i++) {
                    ps.setObject(i + 1, params.get(i));
                }
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        read++;
                        long ts = rs.getLong(1);
                        long seq = rs.getLong(2);
                        position = new SqliteCursor(ts, seq);
                        LogEvent event = EventJson.read(rs.getString(3));
                        if (predicate.exact() || QueryEvaluator.matches(scope.query(), event)) {
                            buffer.add(new Row(ts, seq, event));
                        }
                    }
                }
            }
            exhausted = read < chunk;
        }
    }

    @Override
    public List<HistogramBucket> histogram(SearchScope scope, int buckets) {
        return new SqliteHistogram(dataSource, groupIds, this).compute(scope, buckets);
    }

    /** Counts matching events per bucket by scanning them: for queries the rollup cannot answer. */
    List<Map<Level, Long>> countByScan(SearchScope scope, long[] bounds) {
        List<Map<Level, Long>> counts = new ArrayList<>();
        for (int i = 0; i + 1 < bounds.length; i++) {
            counts.add(new EnumMap<>(Level.class));
        }
        String cursor = null;
        do {
            SearchPage page = search(scope, 5_000, cursor);
            for (LogEvent e : page.events()) {
                int b = SqliteHistogram.bucketOf(bounds, e.timestamp().toEpochMilli());
                if (b >= 0) {
                    counts.get(b).merge(e.level(), 1L, Long::sum);
                }
            }
            cursor = page.nextCursor();
        } while (cursor != null);
        return counts;
    }

    @Override
    public void close() {
        writer.close();
    }
}
