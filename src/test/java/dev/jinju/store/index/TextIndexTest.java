package dev.jinju.store.index;

import dev.jinju.event.Level;
import dev.jinju.event.LogEvent;
import dev.jinju.event.LogGroups;
import dev.jinju.store.Events;
import dev.jinju.store.sqlite.SqliteLogStore;
import dev.jinju.store.sqlite.SqliteTestFiles;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TopFieldDocs;
import org.apache.lucene.search.FieldDoc;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.sql.DataSource;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * How the indexer writes what it read between two refreshes (sorted, one run of the index order per thread), and how
 * it holds writers back when it trails.
 */
class TextIndexTest {
    private static final Duration NEVER = Duration.ofHours(1);
    private static final String PROD = LogGroups.groupName("shop", "prod");
    private static final Instant T0 = Instant.parse("2026-11-27T00:00:00Z");

    @TempDir
    Path dir;

    /** Rows in arrival order with timestamps in any order (ties included), as clients send them. */
    private DataSource storeRows(int n) {
        DataSource ds = SqliteTestFiles.dataSource(dir.resolve("jinju.db"));
        Random random = new Random(42);
        try (SqliteLogStore store = new SqliteLogStore(ds)) {
            for (int from = 0; from < n; from += 50) {
                List<LogEvent> batch = new ArrayList<>();
                for (int i = from; i < Math.min(n, from + 50); i++) {
                    Instant ts = T0.plusSeconds(random.nextInt(1_000)); // about two rows per second: ties
                    batch.add(Events.event("e" + i, PROD, ts, Level.INFO, "checkout step " + i, null));
                }
                store.append(batch);
            }
        }
        return ds;
    }

    @Test
    void eachThreadWritesOneContiguousRunOfTheIndexOrder() throws Exception {
        DataSource ds = storeRows(2_000);
        try (TextIndex index = new TextIndex(ds, new IndexOptions(dir.resolve("index"), NEVER, NEVER, false, 2), 2_000)) {
            assertTrue(index.awaitSearchable(2_000, 60_000));
            Searcher s = index.acquire();
            try {
                List<LeafReaderContext> leaves = s.searcher().getIndexReader().leaves();
                assertEquals(2, leaves.size(), "one refresh, two threads: two segments");
                List<long[]> first = keys(leaves.get(0));
                List<long[]> second = keys(leaves.get(1));
                assertEquals(2_000, first.size() + second.size());
                Comparator<long[]> order = Comparator.comparingLong((long[] k) -> k[0]).thenComparingLong(k -> k[1]);
                long[] firstMin = first.stream().min(order).orElseThrow();
                long[] firstMax = first.stream().max(order).orElseThrow();
                long[] secondMin = second.stream().min(order).orElseThrow();
                long[] secondMax = second.stream().max(order).orElseThrow();
                // Each segment holds one contiguous run of (ts, seq): the two never interleave.
                assertTrue(order.compare(firstMin, secondMax) > 0 || order.compare(secondMin, firstMax) > 0,
                        "segments overlap: " + firstMin[0] + ".." + firstMax[0] + " and " + secondMin[0] + ".." + secondMax[0]);

                // The rows' comparator is the index's own order.
                List<IndexRow> rows = new ArrayList<>();
                for (long[] k : first) {
                    rows.add(new IndexRow(k[1], k[0], 1, 2, null, null, "", null));
                }
                for (long[] k : second) {
                    rows.add(new IndexRow(k[1], k[0], 1, 2, null, null, "", null));
                }
                rows.sort(IndexRow.NEWEST_FIRST);
                TopFieldDocs all = s.searcher().search(new MatchAllDocsQuery(), 2_000, Searcher.NEWEST_FIRST);
                for (int i = 0; i < all.scoreDocs.length; i++) {
                    ScoreDoc d = all.scoreDocs[i];
                    assertEquals(rows.get(i).seq(), ((FieldDoc) d).fields[1], "position " + i);
                }
            } finally {
                index.release(s);
            }
        }
    }

    @Test
    void eachAcknowledgedWriteIsToldOnceHowLongItTookToBecomeSearchableButNotTheRowsHeldAtStart() throws Exception {
        DataSource ds = storeRows(300);
        java.util.Queue<Long> delays = new java.util.concurrent.ConcurrentLinkedQueue<>();
        // SQLite held rows 1..200 at start: the index catches up with them, and no write waited for that.
        try (TextIndex index = new TextIndex(ds, new IndexOptions(dir.resolve("index"), Duration.ofMillis(50), NEVER,
                false, 1), 200)) {
            index.onSearchable(delays::add);
            assertTrue(index.awaitSearchable(200, 60_000));
            assertEquals(List.of(), List.copyOf(delays));
            long acknowledged = System.currentTimeMillis();
            index.written(250); // two commits of the store's writer, acknowledged now
            index.written(300);
            assertTrue(index.awaitSearchable(300, 60_000));
            long deadline = System.currentTimeMillis() + 10_000;
            while (delays.size() < 2 && System.currentTimeMillis() < deadline) {
                Thread.sleep(5);
            }
            long searchable = System.currentTimeMillis();
            Thread.sleep(200);
            assertEquals(2, delays.size(), "one delay per write: " + delays);
            for (long d : delays) {
                assertTrue(d >= 0 && d <= searchable - acknowledged, d + " ms");
            }
        }
    }

    @Test
    void aDueRefreshTakesEveryRowStoredByThenNotOnlyTheNextChunk() throws Exception {
        int rows = TextIndex.CHUNK * 2 + 500;
        DataSource ds = storeRows(rows);
        // Due every millisecond, on one thread: each refresh writes one segment. Reading the first chunk makes the
        // first refresh due; it still takes all three chunks, as a refresh after a slow one must take its backlog.
        try (TextIndex index = new TextIndex(ds, new IndexOptions(dir.resolve("index"), Duration.ofMillis(1), NEVER,
                false, 1), rows)) {
            assertTrue(index.awaitSearchable(rows, 60_000));
            Searcher s = index.acquire();
            try {
                assertEquals(1, s.searcher().getIndexReader().leaves().size(), "one refresh for every stored row");
                assertEquals(rows, s.searcher().getIndexReader().numDocs());
            } finally {
                index.release(s);
            }
        }
    }

    @Test
    void refreshesComeAnIntervalApartAndUnderLoadEarlyEnoughThatWritesWaitAboutAnInterval() {
        long interval = 1_000;
        long nothingWaits = Long.MAX_VALUE / 2;
        // Idle: an interval after the last round (a write arriving later than that is taken at once).
        assertEquals(11_000, TextIndex.nextRoundAt(10_000, nothingWaits, 30, interval));
        assertEquals(11_000, TextIndex.nextRoundAt(10_000, 10_500, 30, interval), "short rounds: the interval still");
        // Rounds of 700 ms: the oldest waiting write (since 10 100) is searchable about 1 s after it was acknowledged.
        assertEquals(10_400, TextIndex.nextRoundAt(10_000, 10_100, 700, interval));
        // Rounds longer than the interval: the next one starts as soon as anything waits.
        assertEquals(10_100, TextIndex.nextRoundAt(10_000, 10_100, 1_500, interval));
    }

    @Test
    void aRefreshDoesNotWaitForMerges() {
        // Lucene's default held each refresh up to 500 ms for merges of what it had just flushed.
        assertEquals(0, TextIndex.writerConfig().getMaxFullFlushMergeWaitMillis());
    }

    @Test
    void rowsThatRetentionDeletesWhileTheyWaitForTheRefreshAreNotIndexed() throws Exception {
        DataSource ds = storeRows(200);
        try (TextIndex index = new TextIndex(ds, new IndexOptions(dir.resolve("index"), NEVER, NEVER, false, 2), 200)) {
            long deadline = System.currentTimeMillis() + 60_000;
            while (index.readSeq() < 200) { // read, waiting for a refresh that only the test asks for
                assertTrue(System.currentTimeMillis() < deadline, "the indexer did not read the rows");
                Thread.sleep(5);
            }
            assertEquals(0, index.status().searchableSeq());
            long cutoff = T0.plusSeconds(500).toEpochMilli();
            index.deleteOlderThan(1, cutoff, 200); // as retention does after deleting them from SQLite
            assertTrue(index.awaitSearchable(200, 60_000));
            Searcher s = index.acquire();
            try {
                int older = s.searcher().count(org.apache.lucene.document.LongPoint.newRangeQuery(IndexFields.TS,
                        Long.MIN_VALUE, cutoff - 1));
                int total = s.searcher().count(new MatchAllDocsQuery());
                assertEquals(0, older, "no row older than the cutoff was indexed");
                assertTrue(total > 50 && total < 150, "the newer rows are: " + total);
            } finally {
                index.release(s);
            }
        }
    }

    /** An index over {@code ds} that refreshes only when a test asks, with writers held back beyond {@code maxLag}. */
    private TextIndex manualIndex(DataSource ds, Duration maxLag, long storedHighWater) {
        return new TextIndex(ds, new IndexOptions(dir.resolve("index"), NEVER, NEVER, false, 2, maxLag), storedHighWater);
    }

    /** An index over an empty store that has just acknowledged ten new events, and never refreshes on its own. */
    private TextIndex trailingIndex(Duration maxLag) {
        DataSource ds = storeRows(0);
        TextIndex index = manualIndex(ds, maxLag, 0);
        try (SqliteLogStore store = new SqliteLogStore(ds)) {
            store.append(batch("a", 10));
        }
        index.written(10);
        return index;
    }

    private static List<LogEvent> batch(String prefix, int n) {
        List<LogEvent> batch = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            batch.add(Events.event(prefix + i, PROD, T0.plusSeconds(i), Level.INFO, "checkout step " + i, null));
        }
        return batch;
    }

    private static long millisToAwaitCaughtUp(TextIndex index) throws InterruptedException {
        long start = System.nanoTime();
        index.awaitCaughtUp();
        return (System.nanoTime() - start) / 1_000_000;
    }

    @Test
    void writersWaitWhileTheIndexTrailsByMoreThanMaxLagButAtMostThatLong() throws Exception {
        try (TextIndex index = trailingIndex(Duration.ofMillis(300))) {
            assertTrue(millisToAwaitCaughtUp(index) < 250, "a fresh write is within the bound");
            Thread.sleep(400);
            long waited = millisToAwaitCaughtUp(index);
            assertTrue(waited >= 290 && waited < 5_000, "waited for the index, at most max-lag: " + waited);
            assertTrue(index.awaitSearchable(10, 60_000));
            assertTrue(millisToAwaitCaughtUp(index) < 250, "caught up: no wait");
        }
    }

    @Test
    void aRefreshReleasesWaitingWriters() throws Exception {
        try (TextIndex index = trailingIndex(Duration.ofSeconds(2))) {
            Thread.sleep(2_100);
            Thread refresher = new Thread(() -> {
                try {
                    Thread.sleep(100);
                    index.awaitSearchable(10, 60_000);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            refresher.start();
            long waited = millisToAwaitCaughtUp(index);
            refresher.join();
            assertTrue(waited >= 90 && waited < 1_900, "released by the refresh, not the bound: " + waited);
            assertEquals(0, index.status().lagEvents());
        }
    }

    @Test
    void writersDoNotWaitForTheBacklogTheIndexFoundAtStart() throws Exception {
        DataSource ds = storeRows(200); // a rebuild's worth, here never refreshed
        try (TextIndex index = manualIndex(ds, Duration.ofMillis(100), 200)) {
            Thread.sleep(300);
            assertEquals(200, index.status().lagEvents());
            assertTrue(millisToAwaitCaughtUp(index) < 90);
        }
    }

    @Test
    void aZeroMaxLagNeverHoldsWritersBack() throws Exception {
        try (TextIndex index = trailingIndex(Duration.ZERO)) {
            Thread.sleep(300);
            assertTrue(millisToAwaitCaughtUp(index) < 90);
            assertEquals(10, index.status().lagEvents());
        }
    }

    /** (ts, seq) of every document in a segment. */
    private static List<long[]> keys(LeafReaderContext leaf) throws IOException {
        NumericDocValues ts = leaf.reader().getNumericDocValues(IndexFields.TS);
        NumericDocValues seq = leaf.reader().getNumericDocValues(IndexFields.SEQ);
        List<long[]> keys = new ArrayList<>();
        for (int doc = 0; doc < leaf.reader().maxDoc(); doc++) {
            assertTrue(ts.advanceExact(doc) && seq.advanceExact(doc));
            keys.add(new long[]{ts.longValue(), seq.longValue()});
        }
        return keys;
    }
}
