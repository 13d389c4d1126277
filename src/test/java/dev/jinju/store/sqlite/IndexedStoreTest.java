package dev.jinju.store.sqlite;

import dev.jinju.store.Events;

import dev.jinju.event.Level;
import dev.jinju.event.LogEvent;
import dev.jinju.event.LogGroups;
import dev.jinju.query.QueryParser;
import dev.jinju.query.text.TextQueries;
import dev.jinju.store.ExpectedResults;
import dev.jinju.store.HistogramBucket;
import dev.jinju.store.SearchPage;
import dev.jinju.store.SearchScope;
import dev.jinju.store.index.IndexOptions;
import dev.jinju.store.index.IndexStatus;
import dev.jinju.store.index.Searcher;
import org.junit.jupiter.api.AfterEach;
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

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** SPEC §5's text cases through the index, retention of SQLite and index together, and the index status. */
class IndexedStoreTest {
    private static final String PROD = LogGroups.groupName("shop", "prod");
    private static final String DEV = LogGroups.groupName("shop", "dev");
    private static final Instant T0 = Instant.parse("2026-11-26T00:00:00Z");

    @TempDir
    Path dir;
    private SqliteLogStore store;

    @AfterEach
    void close() {
        if (store != null) {
            store.close();
        }
    }

    private static LogEvent event(String id, String group, Instant ts, Level level, String message, String stack) {
        return Events.event(id, group, ts, level, message, stack);
    }

    private static List<LogEvent> spec5Events() {
        return List.of(
                event("k1", PROD, T0.plusSeconds(1), Level.ERROR, "결제가 실패했습니다", null),
                event("k2", PROD, T0.plusSeconds(2), Level.ERROR, "결제실패 id=4242", null),
                event("k3", DEV, T0.plusSeconds(3), Level.WARN, "charge declined",
                        "at com.example.PaymentService.charge(PaymentService.java:42)"),
                event("k4", PROD, T0.plusSeconds(4), Level.INFO, "payment failed for order 9", null),
                event("k5", DEV, T0.plusSeconds(5), Level.ERROR, "TypeError: Cannot read properties of undefined", null),
                event("k6", PROD, T0.plusSeconds(6), Level.INFO, "user 4242 signed in", null),
                event("k7", PROD, T0.plusSeconds(7), Level.DEBUG, "payments are slow; failed later", null),
                event("k8", DEV, T0.plusSeconds(8), Level.INFO, "주문이 완료되었습니다", null));
    }

    private static SearchScope scope(String query) {
        return new SearchScope(List.of(PROD, DEV), T0, T0.plusSeconds(3600), Set.of(), QueryParser.parse(query));
    }

    private List<String> searchAll(SearchScope scope) {
        List<String> found = new ArrayList<>();
        String cursor = null;
        do {
            SearchPage page = store.search(scope, 2, cursor);
            page.events().forEach(e -> found.add(e.id()));
            cursor = page.nextCursor();
        } while (cursor != null);
        return found;
    }

    /** How many documents the index itself (not the tail, not the evaluator) finds for a free term or phrase. */
    private int indexHits(String query) throws IOException {
        Searcher s = store.textIndex().acquire();
        try {
            return s.searcher().count(TextQueries.toLucene(QueryParser.parse(query)));
        } finally {
            store.textIndex().release(s);
        }
    }

    @Test
    void spec5TextCasesThroughTheIndex() throws IOException {
        store = IndexedStores.manual(dir);
        List<LogEvent> events = spec5Events();
        store.append(events);
        store.awaitIndexed();
        assertEquals(0, store.indexStatus().lagEvents(), "everything is searched through the index");
        Map<String, List<String>> cases = Map.of(
                "결제", List.of("k2", "k1"),
                "실패", List.of("k2", "k1"),
                "PaymentService", List.of("k3"),
                "id=4242", List.of("k2"),
                "pay*", List.of("k7", "k4", "k3"),
                "*Error", List.of("k5"),
                "\"payment failed\"", List.of("k4"),
                "\"결제가 실패\"", List.of("k1"));
        for (Map.Entry<String, List<String>> c : cases.entrySet()) {
            assertEquals(c.getValue(), searchAll(scope(c.getKey())), c.getKey());
            assertEquals(c.getValue(), ExpectedResults.ids(events, scope(c.getKey())), "evaluator: " + c.getKey());
            assertEquals(c.getValue().size(), indexHits(c.getKey()), "index: " + c.getKey());
        }
        assertEquals(List.of("k4"), searchAll(scope("payment level:info -slow")));
        assertEquals(List.of("k3", "k2", "k1"), searchAll(scope("결제 OR PaymentService")));
        assertEquals(List.of("k6"), searchAll(scope("4242 !결제")));
    }

    /**
     * Mapped, every page of a segment that a merge or a search touched would count in the server's RSS. On
     * Linux, as Jinju runs and is tested ({@code /proc/self/maps}).
     */
    @Test
    void theIndexReadsItsFilesWithoutMappingThem() throws IOException {
        Path maps = Path.of("/proc/self/maps");
        store = IndexedStores.manual(dir);
        store.append(spec5Events());
        store.awaitIndexed();
        assertEquals(List.of("k2", "k1"), searchAll(scope("결제"))); // the segment is open and has been read
        assertEquals(2, indexHits("결제"));
        String index = dir.resolve("index").toRealPath().toString();
        List<String> mapped = Files.readAllLines(maps).stream().filter(l -> l.contains(index)).toList();
        assertEquals(List.of(), mapped);
    }

    @Test
    void appendsWaitForAnIndexThatTrailsByMoreThanMaxLag() throws InterruptedException {
        store = new SqliteLogStore(SqliteTestFiles.dataSource(dir.resolve("jinju.db")), new IndexOptions(
                dir.resolve("index"), IndexedStores.NEVER, IndexedStores.NEVER, false, 1, Duration.ofMillis(300)));
        store.append(spec5Events().subList(0, 3));
        Thread.sleep(400); // never refreshed: the index now trails by more than max-lag
        long start = System.nanoTime();
        store.append(spec5Events().subList(3, 8));
        long waited = (System.nanoTime() - start) / 1_000_000;
        assertTrue(waited >= 290, "the append waited for the index: " + waited + " ms");
        assertEquals(8, store.indexStatus().storedSeq(), "and then stored its events");
    }

    @Test
    void statusReportsTheUnindexedTailAndItsAge() throws InterruptedException {
        store = IndexedStores.manual(dir);
        assertEquals(new IndexStatus(true, 0, 0, 0, 0, 0), store.indexStatus());
        store.append(spec5Events().subList(0, 3));
        store.awaitIndexed();
        store.append(spec5Events().subList(3, 8));
        Thread.sleep(20);
        IndexStatus status = store.indexStatus();
        assertEquals(8, status.storedSeq());
        assertEquals(3, status.searchableSeq());
        assertEquals(5, status.lagEvents());
        assertTrue(status.lagMillis() >= 20, status.toString());
        // The five unindexed events are found all the same.
        assertEquals(List.of("k7", "k4", "k3"), searchAll(scope("pay*")));
        store.awaitIndexed();
        assertEquals(0, store.indexStatus().lagEvents());
        assertEquals(0, store.indexStatus().lagMillis());
        try (SqliteLogStore plain = new SqliteLogStore(SqliteTestFiles.dataSource(dir.resolve("x.db")))) {
            assertEquals(IndexStatus.DISABLED, plain.indexStatus());
        }
    }

    @Test
    void aSecondStoreOnTheSameIndexIsRefusedAndTheIndexKept() {
        store = IndexedStores.manual(dir);
        store.append(spec5Events());
        store.awaitIndexed();
        org.junit.jupiter.api.Assertions.assertThrows(dev.jinju.store.StoreException.class,
                () -> IndexedStores.manual(dir));
        assertEquals(List.of("k2", "k1"), searchAll(scope("결제")));
        assertEquals(8, store.indexStatus().searchableSeq());
    }

    @Test
    void retentionOfRowsNotYetIndexedLeavesNoLagBehind() {
        store = IndexedStores.manual(dir);
        store.append(spec5Events());
        Instant future = T0.plusSeconds(86_400);
        assertEquals(5, store.deleteOlderThan(PROD, future));
        assertEquals(3, store.deleteOlderThan(DEV, future));
        store.awaitIndexed(); // would time out if the index waited for the deleted rows
        assertEquals(0, store.indexStatus().lagEvents());
        assertEquals(List.of(), searchAll(scope("결제 OR pay*")));
        store.append(List.of(event("n1", DEV, T0.plusSeconds(9), Level.ERROR, "결제 again", null)));
        assertEquals(List.of("n1"), searchAll(scope("결제 OR pay*")));
        store.awaitIndexed();
        // An old event that arrives after retention ran is kept (until the next run) and found through the index.
        assertEquals(List.of("n1"), searchAll(scope("결제 OR pay*")));
        assertEquals(0, store.indexStatus().lagEvents());
    }

    @Test
    void retentionDeletesFromSqliteRollupAndIndexTogether() throws IOException {
        store = IndexedStores.manual(dir);
        List<LogEvent> events = new ArrayList<>();
        for (int i = 0; i < 120; i++) {
            String group = i % 2 == 0 ? PROD : DEV;
            events.add(event("r" + i, group, T0.plusSeconds(i * 30L), Level.values()[i % 6],
                    i % 3 == 0 ? "payment failed " + i : "결제 완료 " + i, null));
        }
        store.append(events.subList(0, 80));
        store.awaitIndexed();
        store.append(events.subList(80, 120)); // some in the unindexed tail
        Instant cutoff = T0.plusSeconds(1234); // splits a minute: the rollup's minute must be recounted
        long deleted = store.deleteOlderThan(PROD, cutoff);
        List<LogEvent> kept = events.stream()
                .filter(e -> !(e.group().equals(PROD) && e.timestamp().isBefore(cutoff))).toList();
        assertEquals(events.size() - kept.size(), deleted);
        assertEquals(0, store.deleteOlderThan("/jinju/none/prod", cutoff));
        for (String q : List.of("", "payment", "결제", "level:error payment", "!payment")) {
            SearchScope scope = scope(q);
            assertEquals(ExpectedResults.ids(kept, scope), searchAll(scope), q);
            long histogram = store.histogram(scope, 9).stream().mapToLong(HistogramBucket::total).sum();
            assertEquals(ExpectedResults.ids(kept, scope).size(), histogram, "histogram " + q);
        }
        // Rollup buckets (no query) straddling the cutoff agree with a search.
        SearchScope all = new SearchScope(List.of(PROD), T0, T0.plusSeconds(3600), Set.of(), QueryParser.parse(""));
        for (HistogramBucket b : store.histogram(all, 7)) {
            SearchScope slice = new SearchScope(all.groups(), b.start(), b.end(), Set.of(), all.query());
            assertEquals(ExpectedResults.ids(kept, slice).size(), b.total(), "bucket " + b.start());
        }
        store.awaitIndexed();
        Searcher s = store.textIndex().acquire();
        try {
            assertEquals(kept.size(), s.searcher().getIndexReader().numDocs(), "the index dropped them too");
        } finally {
            store.textIndex().release(s);
        }
        // And they stay gone after a restart.
        store.close();
        store = IndexedStores.manual(dir);
        assertEquals(ExpectedResults.ids(kept, scope("payment")), searchAll(scope("payment")));
    }
}
