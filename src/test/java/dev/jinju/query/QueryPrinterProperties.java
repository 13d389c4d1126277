package dev.jinju.query;

import static org.junit.jupiter.api.Assertions.assertEquals;

import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** {@code parse(print(q)).equals(q)} for random trees of the shapes the parser produces. */
class QueryPrinterProperties {

    @Provide
    Arbitrary<Query> queries() {
        return QueryArbitraries.queries();
    }

    @Property(tries = 2000)
    void printThenParseGivesTheSameTree(@ForAll("queries") Query q) {
        String text = QueryPrinter.print(q);
        assertEquals(q, QueryParser.parse(text), text);
    }

    @Property(tries = 500)
    void printIsStableAfterOneRoundTrip(@ForAll("queries") Query q) {
        String once = QueryPrinter.print(q);
        assertEquals(once, QueryPrinter.print(QueryParser.parse(once)));
    }
}
