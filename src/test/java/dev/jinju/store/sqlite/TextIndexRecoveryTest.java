package dev.jinju.store.sqlite;

import dev.jinju.event.LogEvent;
import dev.jinju.query.EventArbitraries;
import dev.jinju.query.QueryArbitraries;
import dev.jinju.query.QueryParser;
import dev.jinju.store.ExpectedResults;
import dev.jinju.store.SearchPage;
import dev.jinju.store.SearchScope;
import dev.jinju.store.index.IndexFields;
import dev.jinju.store.index.IndexStatus;
import dev.jinju.store.index.LuceneCompiler;
import dev.jinju.store.index.Searcher;
import dev.jinju.store.index.TextIndex;
import dev.jinju.query.text.TextAnalysis;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The index is derived from SQLite and survives what a process can go through: a crash that loses what the
 * index had not committed, an index from another database, a corrupt index, documents above the commit's
 * watermark, and a rebuild on request. Each time, the same queries give the evaluator's answers.
 */
class TextIndexRecoveryTest {
    private static final List<String> GROUPS = List.of("/jinju/shop/prod", "/jinju/shop/dev");
    private static final AtomicInteger ids = new AtomicInteger();
    private static List<dev.jinju.query.Query> queries;

    @TempDir
    Path dir;

    @BeforeAll
    static void queries() {
        queries = new ArrayList<>(QueryArbitraries.queries().sampleStream().filter(LuceneCompiler::hasText)
                .limit(60).toList());
        for (String q : List.of("결제", "실패", "PaymentService", "id=4242", "pay*", "*Error", "\"payment failed\"",
                "payment level:>=warn", "!timeout http.status:>=500")) {
            queries.add(QueryParser.parse(q));
        }
    }

    private static List<LogEvent> events(int n) {
        return EventArbitraries.events().sampleStream().filter(e -> e.level() != null && e.message() != null)
                .limit(n).map(e -> e.toBuilder().id("r" + ids.incrementAndGet()).build()).toList();
    }

    /** {@code n} events stored in {@code dir}/jinju.db by a store without a text index, which tests then write. */
    private List<LogEvent> rowsWithoutIndex(int n) {
        SqliteLogStore store = new SqliteLogStore(SqliteTestFiles.dataSource(dir.resolve("jinju.db")));
        List<LogEvent> events = events(n);
        append(store, events);
        store.close();
        return events;
    }

    private static void append(SqliteLogStore store, List<LogEvent> events) {
        for (int i = 0; i < events.size(); i += 50) {
            store.append(events.subList(i, Math.min(i + 50, events.size())));
        }
    }

    private static List<String> searchAll(SqliteLogStore store, SearchScope scope) {
        List<String> found = new ArrayList<>();
        String cursor = null;
        do {
            SearchPage page = store.search(scope, 37, cursor);
            page.events().forEach(e -> found.add(e.id()));
            cursor = page.nextCursor();
        } while (cursor != null);
        return found;
    }

    private static void assertAnswers(SqliteLogStore store, List<LogEvent> appended) {
        for (dev.jinju.query.Query q : queries) {
            SearchScope scope = new SearchScope(GROUPS, Instant.parse("2026-11-25T00:00:00Z"),
                    Instant.parse("2026-11-27T00:00:00Z"), Set.of(), q);
            assertEquals(ExpectedResults.ids(appended, scope), searchAll(store, scope), () -> "query: " + q);
        }
    }

    private static int indexedDocs(SqliteLogStore store) {
        Searcher s = store.textIndex().acquire();
        try {
            return s.searcher().getIndexReader().numDocs();
        } finally {
            store.textIndex().release(s);
        }
    }

    @Test
    void crashLosesOnlyUncommittedIndexWorkAndTheTailIsReindexed() {
        List<LogEvent> all = new ArrayList<>();
        // Commits every 10 ms: part of the index is committed, the rest is lost by the crash.
        SqliteLogStore store = IndexedStores.open(dir, Duration.ofMillis(1), Duration.ofMillis(10), false);
        List<LogEvent> first = events(300);
        append(store, first);
        all.addAll(first);
        store.awaitIndexed();
        long deadline = System.currentTimeMillis() + 30_000;
        while (store.indexStatus().committedSeq() < 300 && System.currentTimeMillis() < deadline) {
            Thread.onSpinWait();
        }
        assertTrue(store.indexStatus().committedSeq() >= 300, "the first half was committed");
        List<LogEvent> second = events(300);
        append(store, second);
        all.addAll(second);
        store.simulateCrash();

        SqliteLogStore reopened = IndexedStores.manual(dir);
        try {
            IndexStatus status = reopened.indexStatus();
            assertEquals(600, status.storedSeq());
            assertTrue(status.committedSeq() >= 300 && status.committedSeq() <= 600, status.toString());
            assertEquals(status.committedSeq(), status.searchableSeq(), "reopened at its last commit");
            assertAnswers(reopened, all); // before catching up: index up to its commit, the rest from the tail
            reopened.awaitIndexed();
            assertEquals(0, reopened.indexStatus().lagEvents());
            assertEquals(600, indexedDocs(reopened), "each row indexed once, none twice");
            assertAnswers(reopened, all);
        } finally {
            reopened.close();
        }
    }

    @Test
    void crashBeforeAnyCommitReindexesEverything() {
        SqliteLogStore store = IndexedStores.manual(dir);
        List<LogEvent> events = events(200);
        append(store, events);
        store.awaitIndexed();
        assertEquals(200, indexedDocs(store));
        store.simulateCrash();
        SqliteLogStore reopened = IndexedStores.manual(dir);
        try {
            assertEquals(0, reopened.indexStatus().committedSeq());
            assertAnswers(reopened, events);
            reopened.awaitIndexed();
            assertEquals(200, indexedDocs(reopened));
            assertAnswers(reopened, events);
        } finally {
            reopened.close();
        }
    }

    @Test
    void closeCommitsTheWatermarkAndReopenIndexesOnlyTheTail() throws IOException {
        SqliteLogStore store = IndexedStores.manual(dir);
        List<LogEvent> all = new ArrayList<>(events(150));
        append(store, all);
        store.awaitIndexed();
        store.close();
        assertEquals(150, TextIndex.committedWatermark(dir.resolve("index")));

        // Rows written while the index is away (a store without one), then the indexed store again.
        SqliteLogStore plain = new SqliteLogStore(SqliteTestFiles.dataSource(dir.resolve("jinju.db")));
        List<LogEvent> more = events(70);
        append(plain, more);
        all.addAll(more);
        plain.close();
        SqliteLogStore reopened = IndexedStores.manual(dir);
        try {
            IndexStatus status = reopened.indexStatus(); // read once: its lagMillis grows while the test runs
            assertEquals(new IndexStatus(true, 220, 150, 150, 70, status.lagMillis()), status);
            assertAnswers(reopened, all);
            reopened.awaitIndexed();
            assertEquals(220, indexedDocs(reopened));
            assertAnswers(reopened, all);
        } finally {
            reopened.close();
        }
        assertEquals(220, TextIndex.committedWatermark(dir.resolve("index")));
    }

    @Test
    void documentsAboveTheCommittedWatermarkAreDroppedAndReindexed() throws IOException {
        List<LogEvent> events = rowsWithoutIndex(100);
        Map<Long, Integer> groupOfSeq = new java.util.HashMap<>();
        try (var c = SqliteTestFiles.dataSource(dir.resolve("jinju.db")).getConnection();
             var rs = c.createStatement().executeQuery("SELECT seq, grp FROM events")) {
            while (rs.next()) {
                groupOfSeq.put(rs.getLong(1), rs.getInt(2));
            }
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
        // An index whose commit says 40 but holds documents for seq 1..100, with wrong text above 40.
        try (IndexWriter w = new IndexWriter(TextIndex.directory(dir.resolve("index")), TextIndex.writerConfig())) {
            for (int seq = 1; seq <= 100; seq++) {
                LogEvent e = events.get(seq - 1);
                String text = seq <= 40 ? TextAnalysis.text(e.message(), e.stackTrace()) : "payment 결제 timeout";
                w.addDocument(TextIndex.document(seq, e.timestamp().toEpochMilli(), groupOfSeq.get((long) seq),
                        e.level().ordinal(), e.http() == null ? null : e.http().status(), text));
            }
            w.setLiveCommitData(Map.of(IndexFields.WATERMARK, "40").entrySet());
            w.commit();
        }
        SqliteLogStore reopened = IndexedStores.manual(dir);
        try {
            assertEquals(40, reopened.indexStatus().searchableSeq());
            assertAnswers(reopened, events);
            reopened.awaitIndexed();
            assertEquals(100, indexedDocs(reopened));
            assertAnswers(reopened, events);
        } finally {
            reopened.close();
        }
    }

    @Test
    void anIndexWithUnsortedSegmentsIsRebuiltSortedNewestFirst() throws IOException {
        List<LogEvent> events = rowsWithoutIndex(90);
        // An index as versions before sorted segments wrote it: complete, committed, but in arrival order.
        try (IndexWriter w = new IndexWriter(TextIndex.directory(dir.resolve("index")),
                new IndexWriterConfig(TextAnalysis.analyzer()))) {
            for (int seq = 1; seq <= 90; seq++) {
                LogEvent e = events.get(seq - 1);
                w.addDocument(TextIndex.document(seq, e.timestamp().toEpochMilli(), 1, e.level().ordinal(), null,
                        TextAnalysis.text(e.message(), e.stackTrace())));
            }
            w.setLiveCommitData(Map.of(IndexFields.WATERMARK, "90").entrySet());
            w.commit();
        }
        SqliteLogStore reopened = IndexedStores.manual(dir);
        try {
            assertEquals(0, reopened.indexStatus().searchableSeq(), "the unsorted index is not used");
            reopened.awaitIndexed();
            assertEquals(90, indexedDocs(reopened));
            assertAnswers(reopened, events);
            Searcher searcher = reopened.textIndex().acquire();
            try {
                assertTrue(searcher.searcher().getQueryCache() == reopened.textIndex().queryCache(),
                        "searchers share the index's query cache");
            } finally {
                reopened.textIndex().release(searcher);
            }
        } finally {
            reopened.close();
        }
        try (var reader = org.apache.lucene.index.DirectoryReader.open(TextIndex.directory(dir.resolve("index")))) {
            assertTrue(reader.leaves().size() > 0);
            for (var leaf : reader.leaves()) {
                assertEquals(TextIndex.writerConfig().getIndexSort(), leaf.reader().getMetaData().getSort());
            }
        }
    }

    @Test
    void anIndexOfAnotherDatabaseIsRebuilt() throws IOException {
        Path other = dir.resolve("other");
        Files.createDirectories(other);
        SqliteLogStore big = IndexedStores.manual(other);
        append(big, events(120));
        big.awaitIndexed();
        big.close();
        // The same index directory beside a database with fewer rows: its watermark cannot be this database's.
        Files.move(other.resolve("index"), dir.resolve("index"));
        SqliteLogStore store = IndexedStores.manual(dir);
        try {
            List<LogEvent> events = events(50);
            append(store, events);
            assertAnswers(store, events);
            store.awaitIndexed();
            assertEquals(50, indexedDocs(store));
            assertAnswers(store, events);
        } finally {
            store.close();
        }
    }

    @Test
    void aCorruptIndexIsRebuilt() throws IOException {
        SqliteLogStore store = IndexedStores.manual(dir);
        List<LogEvent> events = events(80);
        append(store, events);
        store.awaitIndexed();
        store.close();
        try (Stream<Path> files = Files.list(dir.resolve("index"))) {
            for (Path f : files.filter(p -> p.getFileName().toString().startsWith("segments_")).toList()) {
                Files.write(f, new byte[]{1, 2, 3, 4, 5, 6, 7, 8});
            }
        }
        SqliteLogStore reopened = IndexedStores.manual(dir);
        try {
            assertEquals(0, reopened.indexStatus().searchableSeq());
            assertAnswers(reopened, events);
            reopened.awaitIndexed();
            assertEquals(80, indexedDocs(reopened));
            assertAnswers(reopened, events);
        } finally {
            reopened.close();
        }
    }

    @Test
    void rebuildFromSqliteGivesTheSameAnswers() {
        SqliteLogStore store = IndexedStores.manual(dir);
        List<LogEvent> events = events(250);
        append(store, events);
        store.awaitIndexed();
        assertAnswers(store, events);
        store.close();
        SqliteLogStore rebuilt = IndexedStores.open(dir, IndexedStores.NEVER, IndexedStores.NEVER, true);
        try {
            assertEquals(0, rebuilt.indexStatus().searchableSeq(), "the old index is gone");
            assertEquals(250, rebuilt.indexStatus().lagEvents());
            assertAnswers(rebuilt, events);
            rebuilt.awaitIndexed();
            assertEquals(250, indexedDocs(rebuilt));
            assertAnswers(rebuilt, events);
        } finally {
            rebuilt.close();
        }
    }

    @Test
    void indexingOnSeveralThreadsGivesEachRowOneDocumentAndTheSameAnswers() throws IOException {
        List<LogEvent> events = events(2_500);
        for (int threads : new int[]{1, 3}) {
            Path sub = Files.createDirectories(dir.resolve("threads-" + threads));
            SqliteLogStore store = IndexedStores.open(sub, IndexedStores.NEVER, IndexedStores.NEVER, threads);
            try {
                append(store, events);
                store.awaitIndexed();
                assertEquals(events.size(), indexedDocs(store), "one document per row on " + threads + " threads");
                assertAnswers(store, events);
            } finally {
                store.close();
            }
        }
    }
}
