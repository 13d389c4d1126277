package dev.jinju.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jinju.query.Query.All;
import dev.jinju.query.Query.And;
import dev.jinju.query.Query.AnyOf;
import dev.jinju.query.Query.Compare;
import dev.jinju.query.Query.Comparison;
import dev.jinju.query.Query.Has;
import dev.jinju.query.Query.Match;
import dev.jinju.query.Query.Not;
import dev.jinju.query.Query.Or;
import dev.jinju.query.Query.Phrase;
import dev.jinju.query.Query.Text;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The parser: the trees each piece of the query language makes, and its errors with their positions. */
class QueryParserTest {

    private static Query parse(String s) {
        return QueryParser.parse(s);
    }

    private static Field f(String name) {
        return new Field(name);
    }

    private static QuerySyntaxException error(String s) {
        return assertThrows(QuerySyntaxException.class, () -> QueryParser.parse(s), s);
    }

    @Test
    void blankIsAll() {
        assertEquals(new All(), parse(""));
        assertEquals(new All(), parse("   \t\n"));
        assertEquals(new All(), parse(null));
    }

    @Test
    void freeTermsAndPhrases() {
        assertEquals(new Text("결제"), parse("결제"));
        assertEquals(new Text("id=4242"), parse("id=4242"));
        assertEquals(new Text("pay*"), parse("  pay*  "));
        assertEquals(new Phrase("payment failed"), parse("\"payment failed\""));
        assertEquals(new Phrase("say \"hi\" \\ ok"), parse("\"say \\\"hi\\\" \\\\ ok\""));
        assertEquals(new Text("https://example.com/checkout"), parse("https://example.com/checkout"));
        assertEquals(new Text("12:30"), parse("12:30"));
        assertEquals(new Text("and"), parse("and"));
    }

    @Test
    void fieldTerms() {
        assertEquals(new Match(f("level"), "error"), parse("level:error"));
        assertEquals(new Match(f("url"), "*checkout*"), parse("url:*checkout*"));
        assertEquals(new Match(f("location"), "App.vue:12:3"), parse("location:App.vue:12:3"));
        assertEquals(new Match(f("user.name"), "Alice \"A\" Smith"), parse("user.name:\"Alice \\\"A\\\" Smith\""));
        assertEquals(new Match(f("extra.order.id"), "9"), parse("extra.order.id:9"));
        assertEquals(new AnyOf(f("code"), List.of("E101", "E 102", "E103")), parse("code:[E101, \"E 102\" ,E103]"));
        assertEquals(new AnyOf(f("code"), List.of("E101")), parse("code:[E101]"));
        assertEquals(new Has(f("stackTrace")), parse("has:stackTrace"));
        assertEquals(new Has(f("extra.orderId")), parse("has:extra.orderId"));
    }

    @Test
    void comparisons() {
        assertEquals(new Compare(f("http.status"), Comparison.GE, "500"), parse("http.status:>=500"));
        assertEquals(new Compare(f("http.status"), Comparison.GT, "499"), parse("http.status:>499"));
        assertEquals(new Compare(f("http.status"), Comparison.LT, "400"), parse("http.status:<400"));
        assertEquals(new Compare(f("http.status"), Comparison.LE, "399"), parse("http.status:<=399"));
        assertEquals(new Compare(f("timestamp"), Comparison.GT, "2026-11-26T10:00"), parse("timestamp:>2026-11-26T10:00"));
        assertEquals(new Compare(f("level"), Comparison.GE, "warning"), parse("level:>=warning"));
        assertEquals(new Compare(f("extra.total"), Comparison.LT, "9.5"), parse("extra.total:<9.5"));
        assertEquals(new Compare(f("extra.total"), Comparison.LT, "=x"), parse("extra.total:<\"=x\""));
    }

    @Test
    void negationOfTermsAndGroups() {
        assertEquals(new Not(new Match(f("type"), "vue")), parse("!type:vue"));
        assertEquals(new Not(new Text("timeout")), parse("-timeout"));
        assertEquals(new Not(new Phrase("a b")), parse("-\"a b\""));
        assertEquals(new Not(new Or(List.of(new Text("a"), new Text("b")))), parse("!(a OR b)"));
        assertEquals(new Not(new Not(new Text("a"))), parse("!-a"));
        assertEquals(new Text("foo-bar!"), parse("foo-bar!"));
    }

    @Test
    void implicitAndExplicitAndFlatten() {
        And abc = new And(List.of(new Text("a"), new Text("b"), new Text("c")));
        assertEquals(abc, parse("a b c"));
        assertEquals(abc, parse("a AND b AND c"));
        assertEquals(abc, parse("(a b) c"));
        assertEquals(abc, parse("a (b (c))"));
        assertEquals(new Text("a"), parse("((a))"));
    }

    @Test
    void orBindsLooserThanAndWhichBindsLooserThanNot() {
        assertEquals(new Or(List.of(new And(List.of(new Text("a"), new Text("b"))), new Text("c"))),
                parse("a b OR c"));
        assertEquals(new Or(List.of(new Text("a"), new And(List.of(new Text("b"), new Text("c"))))),
                parse("a OR b AND c"));
        assertEquals(new And(List.of(new Not(new Text("a")), new Text("b"))), parse("!a b"));
        assertEquals(new Or(List.of(new Text("a"), new Text("b"), new Text("c"))), parse("a OR (b OR c)"));
        assertEquals(new And(List.of(new Text("x"), new Or(List.of(new Match(f("code"), "E101"),
                new Match(f("code"), "E102"))))), parse("x (code:E101 OR code:E102)"));
    }

    @Test
    void specExample() {
        Query q = parse("level:error \"payment failed\" http.status:>=500 !type:vue user.id:42\n"
                + "url:*checkout* (code:E101 OR code:E102) has:stackTrace extra.orderId:9");
        assertEquals(new And(List.of(
                new Match(f("level"), "error"),
                new Phrase("payment failed"),
                new Compare(f("http.status"), Comparison.GE, "500"),
                new Not(new Match(f("type"), "vue")),
                new Match(f("user.id"), "42"),
                new Match(f("url"), "*checkout*"),
                new Or(List.of(new Match(f("code"), "E101"), new Match(f("code"), "E102"))),
                new Has(f("stackTrace")),
                new Match(f("extra.orderId"), "9"))), q);
    }

    @Test
    void unclosedParen() {
        QuerySyntaxException e = error("(a b");
        assertEquals(4, e.position());
        assertEquals("')'", e.expected());
        assertEquals("at position 4: expected ')' but found end of query", e.getMessage());
        assertEquals(13, error("(a OR b) (c d").position());
    }

    @Test
    void strayCloseParen() {
        QuerySyntaxException e = error("a b) c");
        assertEquals(3, e.position());
        assertTrue(e.getMessage().contains("found ')'"), e.getMessage());
        assertEquals(1, error("()").position());
    }

    @Test
    void unclosedQuote() {
        QuerySyntaxException e = error("level:error \"payment fail");
        assertEquals(25, e.position());
        assertEquals("'\"'", e.expected());
        assertTrue(e.getMessage().contains("opened at position 12"), e.getMessage());
        assertEquals(19, error("user.name:\"Alice \\\"").position());
    }

    @Test
    void fieldWithoutValue() {
        QuerySyntaxException e = error("level:error code: x");
        assertEquals(17, e.position());
        assertEquals("at position 17: expected a value after 'code:' but found ' '", e.getMessage());
        assertEquals(5, error("code:").position());
        assertEquals(14, error("http.status:>=").position());
        assertEquals(4, error("has:").position());
        assertEquals(6, error("code:[]").position());
        assertEquals(8, error("code:[a,").position());
        QuerySyntaxException list = error("code:[a b]");
        assertEquals(8, list.position());
        assertEquals("',' or ']'", list.expected());
    }

    @Test
    void operatorsWithoutOperands() {
        QuerySyntaxException e = error("OR a");
        assertEquals(0, e.position());
        assertEquals("at position 0: expected a term but found 'OR'", e.getMessage());
        assertEquals(5, error("a OR ").position());
        assertEquals(6, error("a AND OR b").position());
        assertEquals(0, error("AND").position());
        QuerySyntaxException bang = error("a !");
        assertEquals(3, bang.position());
        assertTrue(bang.expected().contains("after '!'"), bang.expected());
        QuerySyntaxException dash = error("a - b");
        assertEquals(3, dash.position());
        assertEquals("at position 3: expected a term or '(' right after '-' but found ' '", dash.getMessage());
    }

    @Test
    void unknownFieldListsKnownOnes() {
        QuerySyntaxException e = error("level:error lvl:warn");
        assertEquals(12, e.position());
        assertEquals("a known field", e.expected());
        assertTrue(e.getMessage().startsWith("at position 12: unknown field 'lvl'"), e.getMessage());
        for (String known : Field.KNOWN) {
            assertTrue(e.getMessage().contains(known), known);
        }
        assertTrue(e.getMessage().contains("extra.<path>"));
        assertEquals(4, error("has:nope").position());
        assertEquals(0, error("extra.:x").position());
        assertEquals(0, error("http:x").position());
    }

    @Test
    void badTimes() {
        QuerySyntaxException e = error("timestamp:>yesterday");
        assertEquals(11, e.position());
        assertTrue(e.getMessage().contains("2026-11-26"), e.getMessage());
        assertEquals(11, error("timestamp:>2026-02-30").position());
        assertEquals(10, error("timestamp:2026-11-26*").position());
        assertEquals(new Compare(f("timestamp"), Comparison.LT, "2026-11-26T10:00:00.123+09:00"),
                parse("timestamp:<2026-11-26T10:00:00.123+09:00"));
    }

    @Test
    void badStatusesAndLevelsAndComparableFields() {
        QuerySyntaxException e = error("http.status:>=5xx");
        assertEquals(14, e.position());
        assertEquals("a whole number", e.expected());
        assertEquals(new Match(f("http.status"), "5*"), parse("http.status:5*"));
        assertEquals(6, error("level:loud").position());
        assertEquals(new Match(f("level"), "warn*"), parse("level:warn*"));
        assertEquals(new AnyOf(f("level"), List.of("warning", "CRITICAL")), parse("level:[warning,CRITICAL]"));
        assertEquals(15, error("level:[warning,loud]").position());
        assertEquals(8, error("level:>=loud").position());
        QuerySyntaxException onCode = error("code:>E100");
        assertEquals(5, onCode.position());
        assertTrue(onCode.getMessage().contains("timestamp"), onCode.getMessage());
    }

    @Test
    void deepNestingIsAnErrorNotAStackOverflow() {
        String deep = "(".repeat(100_000) + "a" + ")".repeat(100_000);
        assertTrue(error(deep).getMessage().contains("nests more than"));
        assertTrue(error("!".repeat(100_000) + "a").getMessage().contains("nests more than"));
        String ok = "(".repeat(50) + "a" + ")".repeat(50);
        assertEquals(new Text("a"), parse(ok));
    }
}
