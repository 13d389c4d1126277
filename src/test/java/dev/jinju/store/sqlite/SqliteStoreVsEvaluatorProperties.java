package dev.jinju.store.sqlite;

import dev.jinju.event.Level;
import dev.jinju.event.LogEvent;
import dev.jinju.query.EventArbitraries;
import dev.jinju.query.Query;
import dev.jinju.query.QueryArbitraries;
import dev.jinju.store.ExpectedResults;
import dev.jinju.store.SearchPage;
import dev.jinju.store.SearchScope;
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
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * For random events and random queries, the SQLite store returns exactly what the evaluator selects, in
 * newest-first order, across pages of random size: the compiler may narrow, never change the meaning.
 */
class SqliteStoreVsEvaluatorProperties {
    private static final List<String> GROUPS = List.of("/jinju/shop/prod", "/jinju/shop/dev");
    private static SqliteLogStore store;
    private static List<LogEvent> events;

    @BeforeContainer
    static void fill() throws IOException {
        Path dir = Files.createTempDirectory("jinju-prop");
        store = new SqliteLogStore(SqliteTestFiles.dataSource(dir.resolve("jinju.db")));
        List<LogEvent> sample = EventArbitraries.events().sampleStream()
                .filter(e -> e.level() != null && e.message() != null).limit(400).toList();
        events = new ArrayList<>();
        for (int i = 0; i < sample.size(); i++) {
            events.add(sample.get(i).toBuilder().id("p" + i).build()); // ids must be unique: the store dedupes by id
        }
        // Several appends, as concurrent batches would arrive.
        for (int i = 0; i < events.size(); i += 37) {
            store.append(events.subList(i, Math.min(i + 37, events.size())));
        }
    }

    @AfterContainer
    static void close() {
        store.close();
    }

    @Provide
    Arbitrary<Set<Level>> levels() {
        return Arbitraries.of(Level.class).set().ofMaxSize(3).map(s -> s.isEmpty() ? Set.of() : EnumSet.copyOf(s));
    }

    @Provide
    Arbitrary<List<String>> groups() {
        return Arbitraries.of(List.of(GROUPS.get(0)), List.of(GROUPS.get(1)), GROUPS);
    }

    @Property(tries = 600)
    void storeReturnsExactlyWhatTheEvaluatorSelects(@ForAll("queries") Query query,
                                                    @ForAll("levels") Set<Level> levels,
                                                    @ForAll("groups") List<String> groups,
                                                    @ForAll("pageSizes") int pageSize) {
        SearchScope scope = new SearchScope(groups, Instant.parse("2026-11-25T00:00:00Z"),
                Instant.parse("2026-11-27T00:00:00Z"), levels, query);
        List<String> found = new ArrayList<>();
        String cursor = null;
        do {
            SearchPage page = store.search(scope, pageSize, cursor);
            page.events().forEach(e -> found.add(e.id()));
            cursor = page.nextCursor();
        } while (cursor != null);
        assertEquals(expectedIds(scope), found, () -> "query: " + query);
    }

    @Provide
    Arbitrary<Query> queries() {
        return QueryArbitraries.queries();
    }

    @Provide
    Arbitrary<Integer> pageSizes() {
        return Arbitraries.of(1, 3, 50, 1000);
    }

    private static List<String> expectedIds(SearchScope scope) {
        return ExpectedResults.ids(events, scope);
    }
}
