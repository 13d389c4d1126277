package dev.jinju.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jinju.event.LogEvent;
import java.util.List;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/** Laws of the evaluator over random events and queries, and a check that the generators overlap usefully. */
class QueryEvaluatorProperties {

    @Provide
    Arbitrary<Query> queries() {
        return QueryArbitraries.queries();
    }

    @Provide
    Arbitrary<LogEvent> events() {
        return EventArbitraries.events();
    }

    @Property(tries = 1000)
    void notIsTheComplement(@ForAll("queries") Query q, @ForAll("events") LogEvent e) {
        assertEquals(!QueryEvaluator.matches(q, e), QueryEvaluator.matches(new Query.Not(q), e));
    }

    @Property(tries = 1000)
    void printedQueryMeansTheSame(@ForAll("queries") Query q, @ForAll("events") LogEvent e) {
        assertEquals(QueryEvaluator.matches(q, e),
                QueryEvaluator.matches(QueryParser.parse(QueryPrinter.print(q)), e));
    }

    /**
     * The store-vs-evaluator property tests rely on this: random queries select some random events, and not all.
     * A plain test over one large sample, since a per-try bound would fail on jqwik's degenerate edge cases.
     */
    @Test
    void generatedQueriesSelectSomeEventsButNotAll() {
        List<Query> queries = QueryArbitraries.nonEmpty().sampleStream().limit(300).toList();
        List<LogEvent> events = EventArbitraries.events().sampleStream().limit(100).toList();
        long hits = 0;
        long selective = 0;
        for (Query q : queries) {
            long n = events.stream().filter(e -> QueryEvaluator.matches(q, e)).count();
            hits += n;
            selective += n > 0 && n < events.size() ? 1 : 0;
        }
        long total = (long) queries.size() * events.size();
        assertTrue(hits > total / 10 && hits < total * 9 / 10, hits + " of " + total);
        assertTrue(selective > queries.size() / 2, selective + " of " + queries.size() + " queries are selective");
    }
}
