package dev.jinju.store.index;

import dev.jinju.query.text.TextAnalysis;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.document.IntPoint;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.document.NumericDocValuesField;

import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.LRUQueryCache;
import org.apache.lucene.search.SearcherFactory;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.NIOFSDirectory;
import org.jboss.logging.Logger;

import javax.sql.DataSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Comparator;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongConsumer;
import java.util.stream.Stream;

/**
 * The Lucene index beside SQLite, derived from it. One thread tails SQLite's rowids ({@code seq > watermark},
 * a chunk at a time); about every {@code refreshInterval} it indexes the rows read since the last time, newest
 * first, and reopens the near-real-time searcher; it commits every {@code commitInterval} with the highest
 * indexed seq in the commit's user data. After a crash the index reopens at its last commit, drops any document above that watermark, and
 * the thread re-indexes the tail from SQLite. The store tells it after every write commit ({@link #written}),
 * so it wakes at once instead of polling.
 * <p>
 * A search reads {@link Searcher#watermark()}: every row with a seq up to it is searchable through the
 * searcher, every row above it must be checked by the caller (the unindexed tail).
 */
public final class TextIndex implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(TextIndex.class);
    /** Rows read from SQLite and indexed per round. */
    static final int CHUNK = 2_000;
    /** Fewer documents than this per thread are not worth a hand-over. */
    private static final int MIN_SLICE = 50;
    /** Rows waiting for the next refresh are added at once when they hold this much (a rebuild, a backlog). */
    static final long MAX_PENDING_BYTES = 16L << 20;

    static final FieldType TEXT_TYPE = textType();

    private final DataSource dataSource;
    private final IndexOptions options;
    private final Directory directory;
    private final IndexWriter writer;
    private final SearcherManager manager;
    /**
     * Per-segment match sets of repeated clauses, kept across refreshes (segments do not change). A leading
     * wildcard ({@code *Error}) walks the whole term dictionary, ~120 ms at 10 M events; cached, ~1 ms. With
     * Lucene's default cache (which skips segments under half the average size) it stayed at ~120 ms; this one
     * keeps every segment of 10 000 documents or more.
     */
    private final LRUQueryCache queryCache = newQueryCache();
    private final Thread thread;
    /** Runs all but the first slice of each chunk when indexing on several threads (null on one). */
    private final ExecutorService helpers;
    private final Object signal = new Object();
    private boolean signalled;
    /** Notified after every refresh: writers held back by {@link #awaitCaughtUp} look again. */
    private final Object refreshed = new Object();
    /** The rows SQLite held at start: until they are searchable (a rebuild, a catch-up) writers never wait. */
    private final long startSeq;
    /** When a writer last logged that it waits for the index (for one warning a minute). */
    private volatile long lastBackPressureLog;
    private volatile boolean running = true;
    private volatile boolean urgent;
    private volatile boolean deletesPending;

    /** Highest seq added to the writer (indexer thread only, published for status). */
    private volatile long addedSeq;
    /** Highest seq read from SQLite (indexer thread only): the rows after {@link #addedSeq} are in {@link #pending}. */
    private volatile long readSeq;
    /** Rows read and not yet added: they go to the writer together, sorted, right before a refresh. */
    private final List<IndexRow> pending = new ArrayList<>();
    private long pendingBytes;
    /** Highest seq every reader acquired after this was read is guaranteed to hold. */
    private volatile long searchableSeq;
    private volatile long committedSeq;
    /** Told how long each write waited to become searchable (see {@link #onSearchable}). */
    private volatile LongConsumer searchableDelays = delay -> { };
    /** Highest seq SQLite acknowledged, as the store reported it. */
    private volatile long storedSeq;
    /** (highest seq of a write commit, when it was acknowledged), oldest first, trimmed as refreshes catch up. */
    private final Deque<long[]> acknowledged = new ConcurrentLinkedDeque<>();
    private Connection connection;
    /** Recent retention deletions: rows they deleted are not indexed even if read before SQLite deleted them. */
    private final List<Retention> retention = new ArrayList<>();
    /** Held while a chunk is added and while retention deletes, so a deleted row is never indexed afterwards. */
    private final Object addLock = new Object();

    /**
     * Opens (or creates, or rebuilds) the index and starts its indexing thread.
     *
     * @param storedHighWater the highest seq SQLite ever assigned: an index claiming more belongs to another
     *                        database and is rebuilt
     */
    public TextIndex(DataSource dataSource, IndexOptions options, long storedHighWater) {
        this.dataSource = dataSource;
        this.options = options;
        try {
            Files.createDirectories(options.dir());
            IndexWriter w;
            try {
                w = openWriter(options.dir());
            } catch (org.apache.lucene.store.LockObtainFailedException e) {
                // Another process has this index open: never wipe it from under that process.
                throw new UncheckedIOException("the text index in " + options.dir()
                        + " is in use by another process (is another Jinju running on this data dir?)", e);
            } catch (IOException | RuntimeException e) {
                if (e instanceof IllegalArgumentException && String.valueOf(e.getMessage()).contains("indexSort")) {
                    LOG.warnf("the text index in %s is not sorted newest first (an older version wrote it); rebuilding it from SQLite",
                            options.dir());
                } else {
                    LOG.warnf(e, "the text index in %s cannot be opened; rebuilding it from SQLite", options.dir());
                }
                wipe(options.dir());
                w = openWriter(options.dir());
            }
            directory = w.getDirectory();
            writer = w;
            long watermark = watermark(writer);
            if (options.rebuild() || watermark > storedHighWater) {
                if (!options.rebuild()) {
                    LOG.warnf("the text index holds seq %d but SQLite only %d: rebuilding it", watermark, storedHighWater);
                }
                writer.deleteAll();
                watermark = 0;
                commit(0);
            }
            // A commit only ever holds documents up to its watermark; this is a guard, not a repair.
            writer.deleteDocuments(LongPoint.newRangeQuery(IndexFields.SEQ, watermark + 1, Long.MAX_VALUE));
            addedSeq = watermark;
            readSeq = watermark;
            searchableSeq = watermark;
            committedSeq = watermark;
            storedSeq = Math.max(watermark, storedHighWater);
            startSeq = storedSeq;
            if (storedSeq > watermark) {
                acknowledged.add(new long[]{storedSeq, System.currentTimeMillis()});
            }
            manager = new SearcherManager(writer, true, false, new SearcherFactory() {
                @Override
                public IndexSearcher newSearcher(IndexReader reader, IndexReader previous) {
                    IndexSearcher searcher = new IndexSearcher(reader);
                    searcher.setQueryCache(queryCache);
                    return searcher;
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the text index in " + options.dir() + ": " + e.getMessage(), e);
        }
        helpers = options.threads() > 1 ? Executors.newFixedThreadPool(options.threads() - 1, r -> {
            Thread t = new Thread(r, "jinju-text-indexer-helper");
            t.setDaemon(true);
            return t;
        }) : null;
        thread = new Thread(this::run, "jinju-text-indexer");
        thread.setDaemon(true);
        thread.start();
    }

    /**
     * The index's writer settings. Segments are sorted newest first, as every search reads them: a search then
     * stops after its page's hits in each segment instead of ranking every match.
     */
    public static IndexWriterConfig writerConfig() {
        IndexWriterConfig config = new IndexWriterConfig(TextAnalysis.analyzer());
        config.setIndexSort(Searcher.NEWEST_FIRST);
        config.setRAMBufferSizeMB(32);
        // A refresh does not wait for merges of the segments it flushed (Lucene waits up to 500 ms by default): it
        // held the indexer, and writers waiting for it, for those 500 ms every few refreshes under ingest (round 8).
        config.setMaxFullFlushMergeWaitMillis(0);
        return config;
    }

    /**
     * The index's files, read through the page cache with positional reads rather than memory-mapped: mapped,
     * every page of a segment that a merge or a search had touched counted in the server's RSS, 100–125 MB under
     * sustained ingest. Queries at 10 M events took 0–30 % longer this way, well within their goals (round 7).
     */
    public static Directory directory(Path dir) throws IOException {
        return new NIOFSDirectory(dir);
    }

    private static IndexWriter openWriter(Path dir) throws IOException {
        IndexWriterConfig config = writerConfig();
        config.setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND);
        config.setCommitOnClose(false); // close() commits explicitly, with the watermark
        Directory d = directory(dir);
        try {
            return new IndexWriter(d, config);
        } catch (IOException | RuntimeException e) {
            d.close();
            throw e;
        }
    }

    private static void wipe(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                if (!p.equals(dir)) {
                    Files.delete(p);
                }
            }
        }
    }

    /** The watermark in the user data of the commit the writer opened (0 for a new index). */
    static long watermark(IndexWriter writer) {
        Iterable<Map.Entry<String, String>> data = writer.getLiveCommitData();
        if (data != null) {
            for (Map.Entry<String, String> e : data) {
                if (e.getKey().equals(IndexFields.WATERMARK)) {
                    return Long.parseLong(e.getValue());
                }
            }
        }
        return 0;
    }

    private static FieldType textType() {
        FieldType t = new FieldType();
        t.setTokenized(true);
        t.setOmitNorms(true);
        t.setIndexOptions(org.apache.lucene.index.IndexOptions.DOCS_AND_FREQS_AND_POSITIONS);
        t.setStored(false);
        t.freeze();
        return t;
    }

    // ---------------------------------------------------------------- the store's side

    /** The store committed rows up to {@code seq}: remember when (for the lag) and wake the indexer. */
    public void written(long seq) {
        if (seq > storedSeq) {
            storedSeq = seq;
            acknowledged.add(new long[]{seq, System.currentTimeMillis()});
        }
        wake();
    }

    private void wake() {
        synchronized (signal) {
            signalled = true;
            signal.notifyAll();
        }
    }

    /** A query cache as the index's searchers share: up to 1 000 clauses in 5 % of the heap (at most 32 MB). */
    public static LRUQueryCache newQueryCache() {
        return new LRUQueryCache(1_000, Math.min(32L << 20, Runtime.getRuntime().maxMemory() / 20),
                leaf -> leaf.reader().maxDoc() >= 10_000, 10);
    }

    /** The query cache every searcher of this index shares. */
    public LRUQueryCache queryCache() {
        return queryCache;
    }

    /** A searcher and the seq up to which it holds every row. Release it with {@link #release}. */
    public Searcher acquire() {
        long watermark = searchableSeq; // read before acquiring: the searcher is at least that new
        try {
            return new Searcher(manager.acquire(), watermark);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Gives back a searcher {@link #acquire} handed out. */
    public void release(Searcher searcher) {
        try {
            manager.release(searcher.searcher());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Deletes a group's documents older than {@code cutoffMillis} among the rows up to {@code seqBound}: what
     * the retention transaction in SQLite deleted (it saw every row up to {@code seqBound}; later rows, even
     * old ones, it did not delete, so the index keeps them too).
     */
    public void deleteOlderThan(int grp, long cutoffMillis, long seqBound) {
        BooleanQuery.Builder q = new BooleanQuery.Builder();
        q.add(IntPoint.newExactQuery(IndexFields.GROUP, grp), Occur.FILTER);
        q.add(LongPoint.newRangeQuery(IndexFields.TS, Long.MIN_VALUE, cutoffMillis - 1), Occur.FILTER);
        q.add(LongPoint.newRangeQuery(IndexFields.SEQ, Long.MIN_VALUE, seqBound), Occur.FILTER);
        try {
            synchronized (addLock) {
                if (seqBound > addedSeq) {
                    retention.add(new Retention(grp, cutoffMillis, seqBound));
                }
                writer.deleteDocuments(q.build());
            }
            manager.maybeRefreshBlocking();
            deletesPending = true;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A retention deletion the indexer may still meet rows of (read before SQLite deleted them). */
    private record Retention(int grp, long cutoffMillis, long seqBound) {
        boolean deleted(long seq, long ts, int group) {
            return group == grp && ts < cutoffMillis && seq <= seqBound;
        }
    }

    /** Highest seq the indexer read from SQLite, added to the writer or waiting for the next refresh. */
    long readSeq() {
        return readSeq;
    }

    /** Highest seq SQLite acknowledged, as far as the index knows. */
    public long storedSeq() {
        return storedSeq;
    }

    public IndexStatus status() {
        long searchable = searchableSeq;
        long stored = storedSeq;
        long[] oldest = null;
        for (long[] a : acknowledged) { // the indexer drops what its refresh made searchable, right after it
            if (a[0] > searchable) {
                oldest = a;
                break;
            }
        }
        long lagMillis = stored > searchable && oldest != null ? Math.max(0, System.currentTimeMillis() - oldest[1]) : 0;
        return new IndexStatus(true, stored, searchable, committedSeq, Math.max(0, stored - searchable), lagMillis);
    }

    /**
     * When the next round (add what was read, refresh) is due: an interval after the last one started, or earlier,
     * once the oldest write still waiting has waited so long that a round as long as the last one would leave it
     * unsearchable for longer than the interval. Idle, a write is searchable right away or within an interval of
     * the last round; under load the rounds start early, each with less to add, and a write becomes searchable
     * about an interval after it was acknowledged, not an interval plus a whole round (which made the index trail
     * by up to 2.4 s at a 1 s interval, and writers wait for it at the end of nearly every round).
     */
    static long nextRoundAt(long lastRoundStart, long oldestWaitingSince, long lastRoundMillis, long intervalMillis) {
        return Math.min(lastRoundStart + intervalMillis,
                oldestWaitingSince + intervalMillis - Math.min(lastRoundMillis, intervalMillis));
    }

    /** When the oldest acknowledged write that is not searchable yet was acknowledged; far ahead when none is. */
    private long oldestWaitingSince() {
        long[] oldest = acknowledged.peekFirst();
        return oldest != null && oldest[0] > searchableSeq ? oldest[1] : Long.MAX_VALUE / 2;
    }

    /**
     * Drops the writes a refresh made searchable, telling the listener how long each waited since it was
     * acknowledged (not the rows SQLite held at start: they were no write's). The indexer alone drops entries, so
     * every write is told once.
     */
    private void searchableUpTo(long searchable, long now) {
        long[] first;
        while ((first = acknowledged.peekFirst()) != null && first[0] <= searchable) {
            acknowledged.pollFirst();
            if (first[0] > startSeq) {
                searchableDelays.accept(now - first[1]);
            }
        }
    }

    /**
     * Tells {@code delays} how long each acknowledged write (one commit of the store's writer) took to become
     * searchable through the index, in milliseconds, as refreshes make writes searchable.
     */
    public void onSearchable(LongConsumer delays) {
        searchableDelays = delays;
    }

    /**
     * Back-pressure for writers: while the index trails SQLite by more than {@code maxLag} (the oldest acknowledged
     * write not yet searchable is older than that), waits for it to catch up, at most {@code maxLag}. Ingest then
     * runs at the rate the index keeps up with, so what was acknowledged is searchable within about that long,
     * instead of a backlog that grows for as long as a flood lasts and that every search has to scan. The bounded
     * wait means a stuck indexer slows writes down but never stops them. While the index still works through what
     * SQLite held at start (a rebuild of millions of rows), writers do not wait: that backlog is not theirs.
     */
    public void awaitCaughtUp() throws InterruptedException {
        long maxLag = options.maxLag().toMillis();
        if (maxLag <= 0 || searchableSeq < startSeq) {
            return;
        }
        long deadline = 0;
        // Checked under the lock the indexer notifies under after moving searchableSeq: no refresh goes unseen.
        synchronized (refreshed) {
            while (true) {
                long[] oldest = acknowledged.peekFirst();
                long now = System.currentTimeMillis();
                if (oldest == null || oldest[0] <= searchableSeq || now - oldest[1] <= maxLag) {
                    return;
                }
                if (deadline == 0) {
                    deadline = now + maxLag;
                    logBackPressure(now - oldest[1], maxLag);
                } else if (now >= deadline) {
                    return;
                }
                refreshed.wait(deadline - now);
            }
        }
    }

    private void logBackPressure(long lagMillis, long maxLag) {
        long now = System.currentTimeMillis();
        if (now - lastBackPressureLog > 60_000) {
            lastBackPressureLog = now;
            LOG.warnf("writes wait for the text index, which trails by %d ms (more than jinju.index.max-lag, %d ms): "
                    + "ingest arrives faster than it is indexed", lagMillis, maxLag);
        }
    }

    /**
     * Blocks until every row up to {@code seq} is searchable through the index, asking for an immediate refresh;
     * false if that did not happen within {@code timeoutMillis}. For tests and tools, not for the search path.
     */
    public boolean awaitSearchable(long seq, long timeoutMillis) throws InterruptedException {
        long deadline = System.currentTimeMillis() + timeoutMillis;
        while (searchableSeq < seq) {
            if (System.currentTimeMillis() > deadline || !running) {
                return false;
            }
            urgent = true;
            wake();
            Thread.sleep(5);
        }
        return true;
    }

    // ---------------------------------------------------------------- the indexing thread

    private void run() {
        long lastRoundStart = System.currentTimeMillis();
        long lastCommit = lastRoundStart;
        long refreshMillis = Math.max(1, options.refreshInterval().toMillis());
        long commitMillis = Math.max(1, options.commitInterval().toMillis());
        long lastRoundMillis = 0;
        while (running) {
            try {
                int n = readChunk();
                long now = System.currentTimeMillis();
                boolean behind = readSeq > searchableSeq;
                long dueAt = nextRoundAt(lastRoundStart, oldestWaitingSince(), lastRoundMillis, refreshMillis);
                if (behind && (urgent || now >= dueAt || pendingBytes >= MAX_PENDING_BYTES)) {
                    while (n == CHUNK && pendingBytes < MAX_PENDING_BYTES) {
                        n = readChunk(); // everything acknowledged by now goes into this round, not only the next chunk
                    }
                    lastRoundStart = now;
                    long target = readSeq;
                    long waited = now - Math.min(now, oldestWaitingSince());
                    int rows = pending.size();
                    long adding = System.currentTimeMillis();
                    addPending();
                    long refreshing = System.currentTimeMillis();
                    manager.maybeRefreshBlocking();
                    if (LOG.isDebugEnabled()) {
                        LOG.debugf("indexed %d rows, the oldest waiting %d ms; added in %d ms, refreshed in %d ms", rows,
                                waited, refreshing - adding, System.currentTimeMillis() - refreshing);
                    }
                    searchableSeq = target;
                    urgent = false; // after: a waiter asks again until it sees searchableSeq move
                    searchableUpTo(target, System.currentTimeMillis());
                    synchronized (refreshed) {
                        refreshed.notifyAll();
                    }
                    lastRoundMillis = System.currentTimeMillis() - now;
                }
                if ((addedSeq > committedSeq || deletesPending) && now - lastCommit >= commitMillis) {
                    deletesPending = false;
                    commit(addedSeq);
                    lastCommit = now;
                }
                if (n < CHUNK) {
                    // A write whose rows a round took before the store reported it (a commit races the indexer's
                    // read) is searchable already: count it now, not at the next round.
                    searchableUpTo(searchableSeq, System.currentTimeMillis());
                    // behind only when no round ran above, so dueAt still holds
                    long wait = readSeq > searchableSeq ? Math.max(1, dueAt - now) : refreshMillis;
                    synchronized (signal) {
                        if (!signalled && running) {
                            signal.wait(wait);
                        }
                        signalled = false;
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (Exception e) {
                if (!running) {
                    return;
                }
                LOG.errorf(e, "text indexing failed after seq %d; retrying", addedSeq);
                pending.clear(); // read again from what the writer holds
                pendingBytes = 0;
                readSeq = addedSeq;
                closeConnection();
                try {
                    Thread.sleep(1_000);
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    /** Reads the next rows after {@link #readSeq} into {@link #pending}; returns how many it read. */
    private int readChunk() throws SQLException {
        if (connection == null) {
            connection = dataSource.getConnection();
        }
        int n = 0;
        // Every row up to this was committed before the query below starts, so the query sees it unless deleted.
        long acknowledgedBefore = storedSeq;
        // A row's text is in text_z; only rows written before that column existed have it in the JSON body.
        try (PreparedStatement ps = connection.prepareStatement(
                "SELECT seq, ts, grp, level, http_status, text_z, "
                        + "CASE WHEN text_z IS NULL THEN json_extract(body, '$.message') END, "
                        + "CASE WHEN text_z IS NULL THEN json_extract(body, '$.stackTrace') END "
                        + "FROM events WHERE seq > ? ORDER BY seq LIMIT " + CHUNK)) {
            ps.setLong(1, readSeq);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    int status = rs.getInt(5);
                    Integer httpStatus = rs.wasNull() ? null : status;
                    IndexRow row = new IndexRow(rs.getLong(1), rs.getLong(2), rs.getInt(3), rs.getInt(4), httpStatus,
                            rs.getBytes(6), rs.getString(7), rs.getString(8));
                    pending.add(row);
                    pendingBytes += row.bytes();
                    readSeq = row.seq();
                    n++;
                }
            }
        }
        if (n < CHUNK && acknowledgedBefore > readSeq) {
            // The rows between were deleted (retention) before they were read: nothing to wait for.
            readSeq = acknowledgedBefore;
        }
        return n;
    }

    /**
     * Adds every pending row to the writer, newest first, in one contiguous slice per indexing thread, each slice
     * as one block: every in-memory segment then holds its documents already in the index's order, so the
     * refresh that follows writes it as it is. Rows arrive oldest first (and clients' timestamps in any order),
     * and reordering each flushed segment was half of the indexer's time. Rows a retention deletion removed
     * while they waited are skipped.
     */
    private void addPending() throws IOException {
        synchronized (addLock) {
            long after = addedSeq;
            retention.removeIf(r -> r.seqBound() <= after); // the indexer is past all their rows
            List<IndexRow> rows = new ArrayList<>(pending.size());
            for (IndexRow row : pending) {
                if (!deletedByRetention(row)) {
                    rows.add(row);
                }
            }
            rows.sort(IndexRow.NEWEST_FIRST);
            addAll(rows, after);
            pending.clear();
            pendingBytes = 0;
            addedSeq = readSeq; // only once every document up to it is in the writer
        }
    }

    /**
     * Adds the rows' documents, split over the indexing threads when there are several: IndexWriter takes
     * documents from many threads at once (one in-memory segment each), and analysis is most of the cost.
     */
    private void addAll(List<IndexRow> rows, long after) throws IOException {
        int slices = helpers == null ? 1 : Math.min(options.threads(), Math.max(1, rows.size() / MIN_SLICE));
        int size = Math.max(1, (rows.size() + slices - 1) / slices);
        List<Future<?>> running = new ArrayList<>();
        for (int from = size; from < rows.size(); from += size) {
            List<IndexRow> slice = rows.subList(from, Math.min(rows.size(), from + size));
            running.add(helpers.submit(() -> {
                addBlock(slice);
                return null;
            }));
        }
        IOException failure = null;
        try {
            addBlock(rows.subList(0, Math.min(rows.size(), size)));
        } catch (IOException e) {
            failure = e;
        }
        for (Future<?> f : running) { // wait for every slice, even after a failure, before the lock is released
            try {
                f.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                failure = failure != null ? failure : new IOException("interrupted while indexing", e);
            } catch (ExecutionException e) {
                failure = failure != null ? failure : e.getCause() instanceof IOException io ? io
                        : new IOException("indexing failed: " + e.getCause(), e.getCause());
            }
        }
        if (failure != null) {
            // Some slices may be in: drop them, so that the retry of these rows does not index them twice.
            try {
                writer.deleteDocuments(LongPoint.newRangeQuery(IndexFields.SEQ, after + 1, Long.MAX_VALUE));
            } catch (IOException | RuntimeException e) {
                failure.addSuppressed(e);
            }
            throw failure;
        }
    }

    /**
     * One block keeps the slice in one in-memory segment, in this order: added one by one, two threads' documents
     * could trade segments between two documents and interleave.
     */
    private void addBlock(List<IndexRow> slice) throws IOException {
        if (!slice.isEmpty()) {
            Iterable<Document> documents = () -> slice.stream().map(IndexRow::document).iterator();
            writer.addDocuments(documents);
        }
    }

    private boolean deletedByRetention(IndexRow row) {
        for (Retention r : retention) {
            if (r.deleted(row.seq(), row.ts(), row.grp())) {
                return true;
            }
        }
        return false;
    }

    /** The index document of one row. */
    public static Document document(long seq, long ts, int grp, int level, Integer status, String text) {
        Document d = new Document();
        d.add(new Field(IndexFields.TEXT, text, TEXT_TYPE));
        d.add(new LongPoint(IndexFields.TS, ts));
        d.add(new NumericDocValuesField(IndexFields.TS, ts));
        d.add(new LongPoint(IndexFields.SEQ, seq));
        d.add(new NumericDocValuesField(IndexFields.SEQ, seq));
        d.add(new IntPoint(IndexFields.GROUP, grp));
        d.add(new IntPoint(IndexFields.LEVEL, level));
        d.add(new NumericDocValuesField(IndexFields.LEVEL, level));
        if (status != null) {
            d.add(new IntPoint(IndexFields.STATUS, status));
        }
        return d;
    }

    private void commit(long watermark) throws IOException {
        writer.setLiveCommitData(Map.of(IndexFields.WATERMARK, Long.toString(watermark)).entrySet());
        writer.commit();
        committedSeq = watermark;
    }

    private void closeConnection() {
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException ignored) {
                // Reopened on the next round.
            }
            connection = null;
        }
    }

    private void stopThread() {
        running = false;
        wake();
        try {
            thread.join(30_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        closeConnection();
        if (helpers != null) {
            helpers.shutdownNow();
        }
    }

    /** Stops indexing and commits what was indexed, with its watermark. */
    @Override
    public void close() {
        stopThread();
        try {
            commit(addedSeq);
            manager.close();
            writer.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            closeQuietly();
        }
    }

    /**
     * Stops indexing and drops everything since the last commit, as a crash would (the writer rolls back).
     * For crash-recovery tests.
     */
    public void abandonWithoutCommit() {
        stopThread();
        try {
            manager.close();
            writer.rollback();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            closeQuietly();
        }
    }

    private void closeQuietly() {
        try {
            directory.close();
        } catch (IOException ignored) {
            // Nothing left to lose.
        }
    }

    /** Test hook: the commit's watermark in a closed index directory. */
    public static long committedWatermark(Path dir) throws IOException {
        try (Directory d = directory(dir)) {
            Map<String, String> data = org.apache.lucene.index.SegmentInfos.readLatestCommit(d).getUserData();
            String v = data.get(IndexFields.WATERMARK);
            return v == null ? 0 : Long.parseLong(v);
        }
    }
}
