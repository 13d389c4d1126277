package dev.jinju.store.sqlite;

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
import dev.jinju.store.index.IndexOptions;
import dev.jinju.store.index.IndexStatus;
import dev.jinju.store.index.LuceneCompiler;
import dev.jinju.store.index.Searcher;
import dev.jinju.store.index.TextIndex;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collections;
import java.util.stream.Collectors;
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
 * The embedded store: events as JSON rows in SQLite (message and stack trace compressed beside the JSON, see
 * {@link StoredEvent}) with indexed columns for group, time, level, type and HTTP status, a per-minute rollup
 * for histograms, and (optionally) a Lucene text index derived from the rows ({@link TextIndex}). Writes go
 * through one group-commit writer; reads use pooled connections (WAL lets them run beside the writer).
 * <p>
 * Queries with free terms or phrases search the index for the rows up to its searchable watermark and scan the
 * rows above it (the unindexed tail) with SQL, merging both newest first, so an acknowledged event is never
 * missed. Structured-only queries are compiled to SQL alone.
 */
public class SqliteLogStore implements LogStore, AutoCloseable {
    /** Rows fetched per round trip when the evaluator has to filter what SQL returns. */
    private static final int SCAN_CHUNK = 500;
    /**
     * Up to this many unindexed rows, the tail is read through the rowid and sorted; a longer tail (the index
     * is being rebuilt) is walked newest first through the group's time index instead, which stops early.
     */
    static volatile long shortTailRows = 20_000;

    private final DataSource dataSource;
    private final GroupCommitWriter<EncodedEvent> writer;
    private final Map<String, Integer> groupIds = new ConcurrentHashMap<>();
    private final Map<Integer, LogGroupInfo> groupsById = new ConcurrentHashMap<>();
    /** The text index, or null when the store runs without one (free text then scans rows). */
    private final TextIndex index;
    /** Highest seq written by the transaction being committed (writer thread only). */
    private long writtenSeq;

    /** A store without a text index: free-text queries are answered by scanning rows with the evaluator. */
    public SqliteLogStore(DataSource dataSource) {
        this(dataSource, null);
    }

    /** A store with a text index as {@code indexOptions} say, or without one when they are null. */
    public SqliteLogStore(DataSource dataSource, IndexOptions indexOptions) {
        SqliteNativeLibrary.load(); // the server did already; this covers stores made outside it (tests, tools)
        this.dataSource = dataSource;
        try {
            Connection writeConnection = dataSource.getConnection();
            SqliteSchema.migrate(writeConnection);
            loadGroups(writeConnection);
            long highWater = SqliteSchema.highWater(writeConnection);
            try {
                index = indexOptions == null ? null : new TextIndex(dataSource, indexOptions, highWater);
            } catch (RuntimeException e) {
                writeConnection.close();
                throw new StoreException("cannot open the text index: " + e.getMessage(), e);
            }
            writer = new GroupCommitWriter<>(writeConnection, this::write, this::committed);
        } catch (SQLException e) {
            throw new StoreException("cannot open the embedded store: " + e.getMessage(), e);
        }
    }

    private void committed() {
        if (index != null) {
            index.written(writtenSeq);
        }
    }

    @Override
    public void onSearchable(java.util.function.LongConsumer delays) {
        if (index != null) {
            index.onSearchable(delays);
        }
    }

    /** How far the text index trails SQLite (the server publishes it as a metric and health detail). */
    @Override
    public java.util.Optional<dev.jinju.store.IndexLag> indexLag() {
        IndexStatus s = indexStatus();
        return s.enabled() ? java.util.Optional.of(new dev.jinju.store.IndexLag(s.lagEvents(), s.lagMillis()))
                : java.util.Optional.empty();
    }

    public IndexStatus indexStatus() {
        return index == null ? IndexStatus.DISABLED : index.status();
    }

    /** The text index, if any (tests wait on it and simulate crashes with it). */
    TextIndex textIndex() {
        return index;
    }

    // ---------------------------------------------------------------- writing

    @Override
    public AppendResult append(List<LogEvent> events) {
        if (events.isEmpty()) {
            return AppendResult.ALL_STORED;
        }
        // Encoded on the caller's thread: the one writer thread then only runs SQL, and callers encode in parallel.
        List<EncodedEvent> rows = new ArrayList<>(events.size());
        for (LogEvent e : events) {
            rows.add(new EncodedEvent(e, StoredEvent.body(e), StoredEvent.text(e)));
        }
        try {
            if (index != null) {
                index.awaitCaughtUp();
            }
            writer.submit(rows).get();
            return AppendResult.ALL_STORED;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoreException("interrupted while waiting for the write to commit", e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof StoreException se ? se
                    : new StoreException("the embedded store could not write", e.getCause());
        }
    }

    /** An event and its stored columns (the JSON body and the compressed text), encoded before the writer takes it. */
    private record EncodedEvent(LogEvent event, String body, byte[] text) {
    }

    private void write(Connection c, List<EncodedEvent> rows) throws SQLException {
        Map<Long, Long> rollup = new HashMap<>();
        try (PreparedStatement insert = c.prepareStatement("INSERT OR IGNORE INTO "
                + "events(id, grp, ts, level, type, http_status, body, text_z) VALUES (?,?,?,?,?,?,?,?)")) {
            List<int[]> keys = new ArrayList<>(rows.size());
            for (EncodedEvent row : rows) {
                LogEvent e = row.event();
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
                insert.setString(7, row.body());
                insert.setBytes(8, row.text());
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
        if (index != null) {
            try (PreparedStatement max = c.prepareStatement("SELECT max(seq) FROM events");
                 ResultSet rs = max.executeQuery()) {
                writtenSeq = rs.next() ? rs.getLong(1) : 0;
            }
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
             PreparedStatement ps = c.prepareStatement("SELECT " + StoredEvent.COLUMNS + " FROM events WHERE id = ?")) {
            ps.setString(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(StoredEvent.read(rs.getString(1), rs.getBytes(2))) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new StoreException("cannot read event " + id + ": " + e.getMessage(), e);
        }
    }

    @Override
    public SearchPage search(SearchScope scope, int limit, String cursor) {
        SqliteCursor after = cursor == null ? null : SqliteCursor.parse(cursor);
        SqlPredicate predicate = SqlCompiler.compile(scope.query());
        Searcher searcher = useIndex(scope) ? index.acquire() : null;
        try (Connection c = dataSource.getConnection()) {
            PriorityQueue<RowSource> heads = new PriorityQueue<>(NEWEST_FIRST);
            List<Integer> grps = groupIdsOf(scope);
            // Without an index every row is "tail"; with one, only the rows the searcher does not hold.
            long tailAbove = searcher == null ? -1 : searcher.watermark();
            boolean shortTail = searcher != null && index.storedSeq() - tailAbove <= shortTailRows;
            for (Integer grp : grps) {
                GroupScan scan = new GroupScan(c, grp, scope, predicate, after, Math.min(limit + 1, SCAN_CHUNK),
                        tailAbove, shortTail);
                if (scan.advance()) {
                    heads.add(scan);
                }
            }
            if (searcher != null && !grps.isEmpty()) {
                IndexScan scan = new IndexScan(c, searcher, scope, grps, after, limit + 1);
                if (scan.advance()) {
                    heads.add(scan);
                }
            }
            List<LogEvent> page = new ArrayList<>(limit);
            SqliteCursor last = null;
            while (!heads.isEmpty() && page.size() < limit) {
                RowSource top = heads.poll();
                Row row = top.current();
                page.add(row.event());
                last = new SqliteCursor(row.ts(), row.seq());
                if (top.advance()) {
                    heads.add(top);
                }
            }
            boolean more = !heads.isEmpty();
            return new SearchPage(page, more && last != null ? last.format() : null);
        } catch (SQLException e) {
            throw new StoreException("search failed: " + e.getMessage(), e);
        } finally {
            if (searcher != null) {
                index.release(searcher);
            }
        }
    }

    /**
     * Whether the text index serves this query: it has free terms or phrases and the index narrows it (when
     * the Lucene query lets everything through, SQL's structured filter narrows better).
     */
    private boolean useIndex(SearchScope scope) {
        return index != null && LuceneCompiler.hasText(scope.query())
                && !LuceneCompiler.compile(scope.query()).matchesAll();
    }

    private List<Integer> groupIdsOf(SearchScope scope) {
        List<Integer> grps = new ArrayList<>();
        for (String group : new java.util.LinkedHashSet<>(scope.groups())) {
            Integer grp = groupIds.get(group);
            if (grp != null) {
                grps.add(grp);
            }
        }
        return grps;
    }

    private static Searcher.Bounds bounds(SearchScope scope, List<Integer> grps) {
        return new Searcher.Bounds(grps, scope.from().toEpochMilli(), scope.to().toEpochMilli(),
                scope.levels().stream().map(Level::ordinal).collect(Collectors.toSet()));
    }

    /** One row as the scans see it. */
    record Row(long ts, long seq, LogEvent event) {
    }

    /** A stream of matching rows, newest first; {@link #current()} is valid after {@link #advance()} said true. */
    private interface RowSource {
        Row current();

        boolean advance() throws SQLException;
    }

    /** A source that reads rows a chunk at a time: {@link #fill()} adds the next chunk and says when none is left. */
    private abstract static class BufferedSource implements RowSource {
        protected final List<Row> buffer = new ArrayList<>();
        protected boolean exhausted;
        private int next;
        private Row current;

        @Override
        public Row current() {
            return current;
        }

        @Override
        public boolean advance() throws SQLException {
            while (true) {
                if (next < buffer.size()) {
                    current = buffer.get(next++);
                    return true;
                }
                if (exhausted) {
                    current = null;
                    return false;
                }
                buffer.clear();
                next = 0;
                fill();
            }
        }

        /** Appends the next chunk of rows to {@link #buffer}; sets {@link #exhausted} after the last one. */
        protected abstract void fill() throws SQLException;
    }

    private static final Comparator<RowSource> NEWEST_FIRST = Comparator
            .comparingLong((RowSource s) -> s.current().ts()).thenComparingLong(s -> s.current().seq()).reversed();

    /**
     * Reads rows by seq (in any order) that also pass {@code narrow} (a superset of the matches, from SQL) and
     * returns their events by seq; rows deleted meanwhile are absent.
     */
    private static Map<Long, LogEvent> events(Connection c, long[] seqs, int from, int to, SqlPredicate narrow)
            throws SQLException {
        Map<Long, LogEvent> events = new HashMap<>();
        if (from >= to) {
            return events;
        }
        StringBuilder sql = new StringBuilder("SELECT seq, " + StoredEvent.COLUMNS + " FROM events WHERE seq IN (");
        for (int i = from; i < to; i++) {
            sql.append(i > from ? "," : "").append(seqs[i]);
        }
        sql.append(')');
        if (!narrow.sql().equals("1")) {
            sql.append(" AND (").append(narrow.sql()).append(')');
        }
        try (PreparedStatement ps = c.prepareStatement(sql.toString())) {
            for (int i = 0; i < narrow.params().size(); i++) {
                ps.setObject(i + 1, narrow.params().get(i));
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    events.put(rs.getLong(1), StoredEvent.read(rs.getString(2), rs.getBytes(3)));
                }
            }
        }
        return events;
    }

    /**
     * Walks the text index's hits newest first (keyset paging with searchAfter), reading their rows from SQLite
     * and applying the evaluator where the Lucene query is a superset.
     */
    private static final class IndexScan extends BufferedSource {
        private static final int MAX_BATCH = 2_000;
        private final Connection c;
        private final Searcher searcher;
        private final SearchScope scope;
        private final LuceneCompiler.Compiled compiled;
        private final SqlPredicate narrow;
        private final Searcher.Bounds bounds;
        private int batch;
        private boolean positioned;
        private long posTs;
        private long posSeq;

        IndexScan(Connection c, Searcher searcher, SearchScope scope, List<Integer> grps, SqliteCursor after, int batch) {
            this.c = c;
            this.searcher = searcher;
            this.scope = scope;
            this.compiled = LuceneCompiler.compile(scope.query());
            // Where Lucene is only a superset, SQL's structured filter narrows the rows before the evaluator.
            this.narrow = compiled.exact() ? SqlPredicate.TRUE_EXACT : SqlCompiler.compile(scope.query());
            this.bounds = bounds(scope, grps);
            this.batch = Math.min(MAX_BATCH, Math.max(batch, compiled.exact() ? 1 : 64));
            if (after != null) {
                positioned = true;
                posTs = after.ts();
                posSeq = after.seq();
            }
        }

        @Override
        protected void fill() throws SQLException {
            Searcher.Hits hits = searcher.search(compiled.query(), bounds, positioned, posTs, posSeq, batch);
            int n = hits.seq().length;
            if (n > 0) {
                positioned = true;
                posTs = hits.ts()[n - 1];
                posSeq = hits.seq()[n - 1];
            }
            Map<Long, LogEvent> events = events(c, hits.seq(), 0, n, narrow);
            for (int i = 0; i < n; i++) {
                LogEvent event = events.get(hits.seq()[i]);
                if (event == null) {
                    continue; // SQL's filter ruled it out, or retention deleted it after the searcher was opened
                }
                if (compiled.exact() || QueryEvaluator.matches(scope.query(), event)) {
                    buffer.add(new Row(hits.ts()[i], hits.seq()[i], event));
                }
            }
            exhausted = !hits.maybeMore();
            batch = Math.min(MAX_BATCH, batch * 2); // a caller that keeps reading will likely read more
        }
    }

    /**
     * Walks one group's matching rows newest first, a chunk at a time, applying the evaluator when needed. With
     * {@code tailAbove >= 0} it reads only rows with a larger seq (the tail the text index does not hold yet),
     * found through the rowid rather than the group's time index.
     */
    private static final class GroupScan extends BufferedSource {
        private final Connection c;
        private final int grp;
        private final SearchScope scope;
        private final SqlPredicate predicate;
        private final int chunk;
        private final long tailAbove;
        private final boolean byRowid;
        private SqliteCursor position;

        GroupScan(Connection c, int grp, SearchScope scope, SqlPredicate predicate, SqliteCursor after, int chunk,
                  long tailAbove, boolean byRowid) {
            this.c = c;
            this.grp = grp;
            this.scope = scope;
            this.predicate = predicate;
            this.position = after;
            this.chunk = predicate.exact() ? chunk : SCAN_CHUNK;
            this.tailAbove = tailAbove;
            this.byRowid = byRowid;
        }

        @Override
        protected void fill() throws SQLException {
            StringBuilder sql = new StringBuilder("SELECT ts, seq, " + StoredEvent.COLUMNS + " FROM events");
            List<Object> params = new ArrayList<>();
            if (tailAbove >= 0) {
                // A short tail is read by rowid, not through the group's (long) time index; a long one the other way.
                sql.append(byRowid ? " NOT INDEXED" : "").append(" WHERE seq > ? AND grp = ? AND ts >= ? AND ts < ?");
                params.add(tailAbove);
            } else {
                sql.append(" WHERE grp = ? AND ts >= ? AND ts < ?");
            }
            params.addAll(List.of(grp, scope.from().toEpochMilli(), scope.to().toEpochMilli()));
            if (!scope.levels().isEmpty()) {
                sql.append(" AND level IN (").append(String.join(",", Collections.nCopies(scope.levels().size(), "?"))).append(')');
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
                        LogEvent event = StoredEvent.read(rs.getString(3), rs.getBytes(4));
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

    /** Counts matching events per bucket: through the text index for text queries, else by scanning rows. */
    List<Map<Level, Long>> countByScan(SearchScope scope, long[] bounds) {
        if (useIndex(scope)) {
            return countThroughIndex(scope, bounds);
        }
        List<Map<Level, Long>> counts = emptyCounts(bounds);
        String cursor = null;
        do {
            SearchPage page = search(scope, 5_000, cursor);
            for (LogEvent e : page.events()) {
                count(counts, bounds, e.timestamp().toEpochMilli(), e.level());
            }
            cursor = page.nextCursor();
        } while (cursor != null);
        return counts;
    }

    private static List<Map<Level, Long>> emptyCounts(long[] bounds) {
        List<Map<Level, Long>> counts = new ArrayList<>();
        for (int i = 0; i + 1 < bounds.length; i++) {
            counts.add(new EnumMap<>(Level.class));
        }
        return counts;
    }

    private static void count(List<Map<Level, Long>> counts, long[] bounds, long ts, Level level) {
        int b = SqliteHistogram.bucketOf(bounds, ts);
        if (b >= 0) {
            counts.get(b).merge(level, 1L, Long::sum);
        }
    }

    /**
     * Histogram of a text query: the index's doc values give timestamp and level of each match; only when the
     * Lucene query is a superset are the rows read and judged by the evaluator. The unindexed tail is scanned.
     */
    private List<Map<Level, Long>> countThroughIndex(SearchScope scope, long[] bounds) {
        List<Map<Level, Long>> counts = emptyCounts(bounds);
        Level[] levels = Level.values();
        Searcher searcher = index.acquire();
        try (Connection c = dataSource.getConnection()) {
            List<Integer> grps = groupIdsOf(scope);
            if (grps.isEmpty()) {
                return counts;
            }
            LuceneCompiler.Compiled compiled = LuceneCompiler.compile(scope.query());
            if (compiled.exact()) {
                searcher.forEach(compiled.query(), bounds(scope, grps),
                        (ts, level, seq) -> count(counts, bounds, ts, levels[level]));
            } else {
                long[][] seqs = {new long[1024]};
                int[] n = {0};
                searcher.forEach(compiled.query(), bounds(scope, grps), (ts, level, seq) -> {
                    if (n[0] == seqs[0].length) {
                        seqs[0] = java.util.Arrays.copyOf(seqs[0], n[0] * 2);
                    }
                    seqs[0][n[0]++] = seq;
                });
                SqlPredicate narrow = SqlCompiler.compile(scope.query());
                for (int from = 0; from < n[0]; from += SCAN_CHUNK) {
                    for (LogEvent e : events(c, seqs[0], from, Math.min(n[0], from + SCAN_CHUNK), narrow).values()) {
                        if (QueryEvaluator.matches(scope.query(), e)) {
                            count(counts, bounds, e.timestamp().toEpochMilli(), e.level());
                        }
                    }
                }
            }
            SqlPredicate predicate = SqlCompiler.compile(scope.query());
            for (Integer grp : grps) {
                GroupScan tail = new GroupScan(c, grp, scope, predicate, null, SCAN_CHUNK, searcher.watermark(),
                        index.storedSeq() - searcher.watermark() <= shortTailRows);
                while (tail.advance()) {
                    count(counts, bounds, tail.current().ts(), tail.current().event().level());
                }
            }
            return counts;
        } catch (SQLException e) {
            throw new StoreException("histogram failed: " + e.getMessage(), e);
        } finally {
            index.release(searcher);
        }
    }

    // ---------------------------------------------------------------- retention

    /**
     * Deletes the group's events older than {@code cutoff} from SQLite, the rollup and the text index, and
     * returns how many rows went. A search running meanwhile may still return some of them, never a row twice.
     */
    @Override
    public void retain(String group, int days) {
        deleteOlderThan(group, Instant.now().minus(java.time.Duration.ofDays(days)));
    }

    public long deleteOlderThan(String group, Instant cutoff) {
        Integer grp = groupIds.get(group);
        if (grp == null) {
            return 0;
        }
        long cut = cutoff.toEpochMilli();
        long minute = Math.floorDiv(cut, 60_000L);
        long deleted;
        long seqBound;
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                try (PreparedStatement ps = c.prepareStatement("DELETE FROM events WHERE grp = ? AND ts < ?")) {
                    ps.setInt(1, grp);
                    ps.setLong(2, cut);
                    deleted = ps.executeUpdate();
                }
                try (PreparedStatement ps = c.prepareStatement("DELETE FROM rollup WHERE grp = ? AND minute < ?")) {
                    ps.setInt(1, grp);
                    ps.setLong(2, minute + (Math.floorMod(cut, 60_000L) == 0 ? 0 : 1));
                    ps.executeUpdate();
                }
                if (Math.floorMod(cut, 60_000L) != 0) {
                    // The minute the cutoff splits: recount what is left of it.
                    try (PreparedStatement ps = c.prepareStatement("INSERT INTO rollup(grp, minute, level, count) "
                            + "SELECT grp, ?, level, count(*) FROM events WHERE grp = ? AND ts >= ? AND ts < ? "
                            + "GROUP BY level")) {
                        ps.setLong(1, minute);
                        ps.setInt(2, grp);
                        ps.setLong(3, minute * 60_000L);
                        ps.setLong(4, (minute + 1) * 60_000L);
                        ps.executeUpdate();
                    }
                }
                seqBound = SqliteSchema.highWater(c); // inside the write transaction: every row it could see
                c.commit();
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new StoreException("retention of " + group + " failed: " + e.getMessage(), e);
        }
        if (index != null) {
            index.deleteOlderThan(grp, cut, seqBound);
        }
        return deleted;
    }

    /** Stops as a crash would: SQLite keeps what it committed, the index loses what it did not commit. */
    void simulateCrash() {
        writer.close();
        if (index != null) {
            index.abandonWithoutCommit();
        }
    }

    /** Waits until everything stored so far is searchable through the index (tests; no-op without an index). */
    void awaitIndexed() {
        if (index == null) {
            return;
        }
        try {
            if (!index.awaitSearchable(index.storedSeq(), 60_000)) {
                throw new StoreException("the text index did not catch up within a minute");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoreException("interrupted", e);
        }
    }

    @Override
    public void close() {
        writer.close();
        if (index != null) {
            index.close();
        }
    }
}
