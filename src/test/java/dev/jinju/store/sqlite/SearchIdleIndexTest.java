package dev.jinju.store.sqlite;

import dev.jinju.event.Level;
import dev.jinju.event.LogEvent;
import dev.jinju.event.LogGroups;
import dev.jinju.query.QueryParser;
import dev.jinju.query.text.TextQueries;
import dev.jinju.store.Events;
import dev.jinju.store.SearchScope;
import dev.jinju.store.index.IndexOptions;
import dev.jinju.store.index.IndexStatus;
import dev.jinju.store.index.Searcher;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/** A search-idle text index stops refreshing on its interval; the next search refreshes first and misses nothing. */
class SearchIdleIndexTest {
    private static final String GROUP = LogGroups.groupName("shop", "prod");
    private static final Instant T0 = Instant.parse("2026-11-26T00:00:00Z");
    private static final Duration REFRESH = Duration.ofMillis(20);
    private static final Duration IDLE_AFTER = Duration.ofMillis(300);

    @TempDir
    Path dir;
    private SqliteLogStore store;

    @AfterEach
    void close() {
        if (store != null) {
            store.close();
        }
    }

    private SqliteLogStore open(Duration commit, Duration searchIdleAfter) {
        return new SqliteLogStore(SqliteTestFiles.dataSource(dir.resolve("jinju.db")),
                new IndexOptions(dir.resolve("index"), REFRESH, commit, false, 1, searchIdleAfter));
    }

    private static List<LogEvent> events(String word, int from, int to) {
        List<LogEvent> events = new ArrayList<>();
        for (int i = from; i < to; i++) {
            events.add(Events.event("e" + i, GROUP, T0.plusSeconds(i), Level.INFO, word + " number " + i, null));
        }
        return events;
    }

    private IndexStatus await(Predicate<IndexStatus> condition) throws InterruptedException {
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (System.nanoTime() < deadline) {
            IndexStatus status = store.indexStatus();
            if (condition.test(status)) {
                return status;
            }
            Thread.sleep(5);
        }
        return fail("not within 10 s: " + store.indexStatus());
    }

    /** Documents the searcher a search acquires finds for {@code word}, through the index alone (not the tail). */
    private int indexHits(String word) throws IOException {
        Searcher s = store.textIndex().acquire();
        try {
            return s.searcher().count(TextQueries.toLucene(QueryParser.parse(word)));
        } finally {
            store.textIndex().release(s);
        }
    }

    @Test
    void anIdleIndexStopsRefreshingAndTheNextSearchRefreshesFirst() throws Exception {
        store = open(IndexedStores.NEVER, IDLE_AFTER);
        store.append(events("alpha", 0, 10));
        await(s -> s.searchableSeq() == 10); // a new index counts as searched: the interval refreshes it
        await(IndexStatus::searchIdle);

        store.append(events("beta", 10, 20));
        await(s -> s.indexedSeq() == 20);
        Thread.sleep(10 * REFRESH.toMillis());
        IndexStatus idle = store.indexStatus();
        assertEquals(10, idle.searchableSeq(), "no refresh while nobody searches: " + idle);
        assertTrue(idle.searchIdle());
        assertEquals(0, idle.lagEvents(), "the next search finds every indexed event: " + idle);

        assertEquals(10, indexHits("beta"), "a search after idleness refreshes before it reads");
        IndexStatus searched = store.indexStatus();
        assertEquals(20, searched.searchableSeq());
        assertFalse(searched.searchIdle());

        // Searched again, the index refreshes on its interval as before, with nobody asking.
        store.append(events("gamma", 20, 30));
        await(s -> s.searchableSeq() == 30);
    }

    @Test
    void searchesWhileIdleFindEveryAcknowledgedEvent() throws Exception {
        store = open(IndexedStores.NEVER, IDLE_AFTER);
        await(IndexStatus::searchIdle);
        store.append(events("delta", 0, 40));
        await(s -> s.indexedSeq() == 40);
        store.append(events("delta", 40, 50)); // perhaps not indexed yet: the search scans those in SQLite
        SearchScope scope = new SearchScope(List.of(GROUP), T0, T0.plusSeconds(3600), Set.of(),
                QueryParser.parse("delta"));
        List<String> found = new ArrayList<>();
        String cursor = null;
        do {
            var page = store.search(scope, 7, cursor);
            page.events().forEach(e -> found.add(e.id()));
            cursor = page.nextCursor();
        } while (cursor != null);
        assertEquals(50, found.size(), found.toString());
        assertEquals("e49", found.get(0));
        assertTrue(store.indexStatus().searchableSeq() >= 40, "the first page refreshed the idle index");
    }

    @Test
    void anIdleIndexStillRefreshesAfterEachCommit() throws Exception {
        store = open(Duration.ofMillis(200), IDLE_AFTER);
        await(IndexStatus::searchIdle);
        store.append(events("epsilon", 0, 10));
        // Without a search only the commit's refresh can make these searchable: then it opens flushed segments
        // and lets go of merged-away ones.
        IndexStatus status = await(s -> s.searchableSeq() == 10);
        assertTrue(status.searchIdle(), status.toString());
        assertEquals(10, status.committedSeq(), status.toString());
    }

    @Test
    void zeroNeverGoesIdle() throws Exception {
        store = open(IndexedStores.NEVER, Duration.ZERO);
        Thread.sleep(IDLE_AFTER.toMillis() + 100);
        store.append(events("zeta", 0, 10));
        IndexStatus status = await(s -> s.searchableSeq() == 10);
        assertFalse(status.searchIdle());
    }
}
