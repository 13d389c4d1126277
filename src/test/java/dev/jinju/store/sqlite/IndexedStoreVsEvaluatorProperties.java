package dev.jinju.store.sqlite;

import dev.jinju.event.Level;
import dev.jinju.event.LogEvent;
import dev.jinju.query.EventArbitraries;
import dev.jinju.query.Query;
import dev.jinju.query.QueryArbitraries;
import dev.jinju.query.QueryEvaluator;
import dev.jinju.store.ExpectedResults;
import dev.jinju.store.HistogramBucket;
import dev.jinju.store.SearchPage;
import dev.jinju.store.SearchScope;
import dev.jinju.store.index.IndexStatus;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * With the text index in place the store still returns exactly what the evaluator selects, newest first, over
 * pages: for a store whose first half is searchable through the index and whose second half is only in the
 * unindexed tail, and for a store that keeps growing while searches run and the index refreshes beside them.
 */
class IndexedStoreVsEvaluatorProperties {
    private static final List<String> GROUPS = List.of("/jinju/shop/prod", "/jinju/shop/dev");
    private static final Instant FROM = Instant.parse("2026-11-25T00:00:00Z");
    private static final Instant TO = Instant.parse("2026-11-27T00:00:00Z");

    /** First 200 events indexed and refreshed, the other 200 only in SQLite (the index never refreshes again). */
    private static SqliteLogStore split;
    private static List<LogEvent> splitEvents;

    /** Grows by a few events per try, refreshing every millisecond. */
    private static SqliteLogStore growing;
    private static final List<LogEvent> grown = Collections.synchronizedList(new ArrayList<>());
    private static final AtomicInteger nextId = new AtomicInteger();

    @BeforeContainer
    static void fill() throws IOException {
        split = IndexedStores.manual(Files.createTempDirectory("jinju-prop-split"));
        splitEvents = randomEvents(400, "s");
        for (int i = 0; i < 200; i += 37) {
            split.append(splitEvents.subList(i, Math.min(i + 37, 200)));
        }
        split.awaitIndexed();
        for (int i = 200; i < splitEvents.size(); i += 37) {
            split.append(splitEvents.subList(i, Math.min(i + 37, splitEvents.size())));
        }
        IndexStatus status = split.indexStatus();
        assertEquals(200, status.lagEvents(), "the second half must be in the unindexed tail: " + status);

        Path dir = Files.createTempDirectory("jinju-prop-growing");
        growing = IndexedStores.open(dir, Duration.ofMillis(1), Duration.ofMillis(20), false);
        List<LogEvent> first = randomEvents(100, "g");
        growing.append(first);
        grown.addAll(first);
    }

    @AfterContainer
    static void close() {
        split.close();
        growing.close();
    }

    private static List<LogEvent> randomEvents(int n, String prefix) {
        List<LogEvent> sample = EventArbitraries.events().sampleStream()
                .filter(e -> e.level() != null && e.message() != null).limit(n).toList();
        List<LogEvent> events = new ArrayList<>();
        for (LogEvent e : sample) {
            events.add(e.toBuilder().id(prefix + nextId.getAndIncrement()).build());
        }
        return events;
    }

    @Provide
    Arbitrary<Set<Level>> levels() {
        return Arbitraries.of(Level.class).set().ofMaxSize(3).map(s -> s.isEmpty() ? Set.of() : EnumSet.copyOf(s));
    }

    @Provide
    Arbitrary<List<String>> groups() {
        return Arbitraries.of(List.of(GROUPS.get(0)), List.of(GROUPS.get(1)), GROUPS);
    }

    @Provide
    Arbitrary<Query> queries() {
        return QueryArbitraries.queries();
    }

    @Provide
    Arbitrary<Query> textQueries() {
        // Half the trees hold no free term (those go to SQL alone); bias towards the ones that use the index.
        return QueryArbitraries.queries().filter(dev.jinju.store.index.LuceneCompiler::hasText);
    }

    @Provide
    Arbitrary<Integer> pageSizes() {
        return Arbitraries.of(1, 3, 50, 1000);
    }

    private static List<String> searchAll(SqliteLogStore store, SearchScope scope, int pageSize) {
        List<String> found = new ArrayList<>();
        String cursor = null;
        do {
            SearchPage page = store.search(scope, pageSize, cursor);
            assertTrue(page.events().size() <= pageSize);
            page.events().forEach(e -> found.add(e.id()));
            cursor = page.nextCursor();
        } while (cursor != null);
        return found;
    }

    @Property(tries = 600)
    void indexPlusTailReturnsExactlyWhatTheEvaluatorSelects(@ForAll("textQueries") Query query,
                                                             @ForAll("levels") Set<Level> levels,
                                                             @ForAll("groups") List<String> groups,
                                                             @ForAll("pageSizes") int pageSize) {
        SearchScope scope = new SearchScope(groups, FROM, TO, levels, query);
        assertEquals(ExpectedResults.ids(splitEvents, scope), searchAll(split, scope, pageSize), () -> "query: " + query);
    }

    @Property(tries = 200)
    void anyQueryStillMatchesTheEvaluator(@ForAll("queries") Query query, @ForAll("groups") List<String> groups,
                                          @ForAll("pageSizes") int pageSize) {
        SearchScope scope = new SearchScope(groups, FROM, TO, Set.of(), query);
        assertEquals(ExpectedResults.ids(splitEvents, scope), searchAll(split, scope, pageSize), () -> "query: " + query);
    }

    @Property(tries = 200)
    void histogramThroughIndexAndTailCountsWhatTheEvaluatorSelects(@ForAll("textQueries") Query query,
                                                                    @ForAll("levels") Set<Level> levels,
                                                                    @ForAll("groups") List<String> groups) {
        SearchScope scope = new SearchScope(groups, FROM, TO, levels, query);
        List<HistogramBucket> buckets = split.histogram(scope, 13);
        List<Map<Level, Long>> expected = new ArrayList<>();
        for (HistogramBucket b : buckets) {
            Map<Level, Long> counts = new EnumMap<>(Level.class);
            for (LogEvent e : splitEvents) {
                if (groups.contains(e.group()) && !e.timestamp().isBefore(b.start()) && e.timestamp().isBefore(b.end())
                        && scope.levelAllowed(e.level()) && QueryEvaluator.matches(query, e)) {
                    counts.merge(e.level(), 1L, Long::sum);
                }
            }
            expected.add(counts);
        }
        assertEquals(expected, buckets.stream().map(HistogramBucket::counts).toList(), () -> "query: " + query);
    }

    /**
     * Each try appends a few events and searches at once, while the indexer refreshes every millisecond: some
     * of what the search finds comes through the index, some only from the tail, and nothing acknowledged is
     * missed or returned twice.
     */
    @Property(tries = 150)
    void searchesRightAfterAppendsMissNothing(@ForAll("textQueries") Query query,
                                              @ForAll("groups") List<String> groups,
                                              @ForAll("pageSizes") int pageSize) {
        List<LogEvent> batch = randomEvents(7, "g");
        growing.append(batch);
        grown.addAll(batch);
        SearchScope scope = new SearchScope(groups, FROM, TO, Set.of(), query);
        List<LogEvent> snapshot = List.copyOf(grown);
        assertEquals(ExpectedResults.ids(snapshot, scope), searchAll(growing, scope, pageSize), () -> "query: " + query);
    }
}
