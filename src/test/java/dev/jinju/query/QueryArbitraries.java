package dev.jinju.query;

import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Tuple;

/**
 * Random query trees of the shapes {@link QueryParser} produces, over the same small vocabulary as
 * {@link EventArbitraries}, so that random queries select some random events and not others.
 */
public final class QueryArbitraries {

    /** Free terms, including SPEC §5's examples and wildcards. */
    public static final List<String> TERMS = List.of(
            "결제", "실패", "결제실패", "주문", "사용자", "PaymentService", "charge", "payment", "failed", "connect",
            "timeout", "checkout", "TypeError", "NullPointerException", "undefined", "id=4242", "4242",
            "com.example.PaymentService.charge", "PaymentService.java", "pay*", "*Error", "Pay*", "check*",
            "*out", "con*ect", "*실패", "결*", "*", "ERROR", "...", "order#9");

    public static final List<String> PHRASES = List.of(
            "payment failed", "failed to connect", "결제가 실패했습니다", "PaymentService.charge",
            "Cannot read properties", "read properties of undefined", "timeout after", "order 9",
            "say \"hi\"", "back\\slash", "AND", "-x", "결제 실패");

    private QueryArbitraries() {
    }

    /** Any query the parser can produce, the empty one included. */
    public static Arbitrary<Query> queries() {
        return Arbitraries.frequencyOf(Tuple.of(1, Arbitraries.just(new Query.All())), Tuple.of(15, nonEmpty()));
    }

    /** A non-empty query, nested up to 3 levels. */
    public static Arbitrary<Query> nonEmpty() {
        return tree(3);
    }

    private static Arbitrary<Query> tree(int depth) {
        if (depth == 0) {
            return leaves();
        }
        Arbitrary<Query> sub = tree(depth - 1);
        return Arbitraries.frequencyOf(
                Tuple.of(5, leaves()),
                Tuple.of(1, sub.map(Query.Not::new)),
                Tuple.of(2, sub.list().ofMinSize(2).ofMaxSize(3).map(QueryArbitraries::and)),
                Tuple.of(2, sub.list().ofMinSize(2).ofMaxSize(3).map(QueryArbitraries::or)));
    }

    /** As the parser builds it: nested Ands spliced in. */
    public static Query and(List<Query> clauses) {
        List<Query> flat = new ArrayList<>();
        clauses.forEach(c -> flat.addAll(c instanceof Query.And a ? a.clauses() : List.of(c)));
        return new Query.And(flat);
    }

    /** As the parser builds it: nested Ors spliced in. */
    public static Query or(List<Query> clauses) {
        List<Query> flat = new ArrayList<>();
        clauses.forEach(c -> flat.addAll(c instanceof Query.Or o ? o.clauses() : List.of(c)));
        return new Query.Or(flat);
    }

    /** Single terms: free terms, phrases and field terms. */
    public static Arbitrary<Query> leaves() {
        return Arbitraries.frequencyOf(
                Tuple.of(3, Arbitraries.of(TERMS).map(Query.Text::new)),
                Tuple.of(2, Arbitraries.of(PHRASES).map(Query.Phrase::new)),
                Tuple.of(4, matches()),
                Tuple.of(1, anyOfs()),
                Tuple.of(2, compares()),
                Tuple.of(1, Arbitraries.of(HAS_FIELDS).map(f -> new Query.Has(new Field(f)))));
    }

    static final List<String> HAS_FIELDS = List.of("level", "type", "code", "message", "stackTrace", "url",
            "component", "http.method", "http.status", "user.id", "user.email", "release", "requestId",
            "timestamp", "extra.orderId", "extra.order.total", "extra.tags", "extra.empty", "extra.order",
            "extra.flag", "extra.missing");

    /** Field name to values that both parse and, often, equal what {@link EventArbitraries} puts there. */
    static final List<Tuple.Tuple2<String, List<String>>> MATCH_VALUES = List.of(
            Tuple.of("level", List.of("error", "ERROR", "warning", "Warn", "fatal", "info", "critical", "40", "e*",
                    "*R*")),
            Tuple.of("type", List.of("error", "vue", "http", "log", "lambda", "unhandledrejection", "*r*")),
            Tuple.of("code", List.of("E101", "E102", "E5*", "TIMEOUT", "e101")),
            Tuple.of("message", List.of("payment failed", "결제가 실패했습니다", "*실패*", "*failed*", "Payment*")),
            Tuple.of("url", List.of("https://shop.example.com/checkout", "*checkout*", "*/cart", "/cart?id=9")),
            Tuple.of("location", List.of("PaymentForm.vue:12:3", "*.vue*")),
            Tuple.of("component", List.of("CheckoutPage", "PaymentForm", "App", "*Form", "app")),
            Tuple.of("http.method", List.of("GET", "post", "Put", "DELETE", "G*")),
            Tuple.of("http.status", List.of("200", "404", "500", "503", "5*", "4*")),
            Tuple.of("user.id", List.of("42", "7", "u-*")),
            Tuple.of("user.email", List.of("kim@example.com", "*@example.com")),
            Tuple.of("user.name", List.of("김철수", "Alice Smith", "*Smith")),
            Tuple.of("release", List.of("1.2.0", "1.*")),
            Tuple.of("source", List.of("browser", "lambda", "server")),
            Tuple.of("requestId", List.of("req-1", "req-*")),
            Tuple.of("timestamp", List.of("2026-11-26T10:00:00Z", "2026-11-26T10:00", "2026-11-26T19:30+09:00",
                    "2026-11-26")),
            Tuple.of("extra.orderId", List.of("9", "42", "*", "9.0")),
            Tuple.of("extra.order.total", List.of("9.5", "100", "1*")),
            Tuple.of("extra.flag", List.of("true", "false")),
            Tuple.of("extra.tags", List.of("vip", "new")),
            Tuple.of("extra.note", List.of("결제 대기", "a,b", "[x]", ">5", "say \"hi\"")));

    static final List<Tuple.Tuple2<String, List<String>>> COMPARE_VALUES = List.of(
            Tuple.of("http.status", List.of("400", "500", "404", "200")),
            Tuple.of("timestamp", List.of("2026-11-26", "2026-11-26T10:00", "2026-11-26T10:30:00Z",
                    "2026-11-26T19:00+09:00", "2026-11-26T10:00:00.5Z", "2026-11-27")),
            Tuple.of("level", List.of("warn", "error", "info", "WARNING", "fatal", "debug")),
            Tuple.of("extra.orderId", List.of("9", "10", "0.5", "-1", "abc")),
            Tuple.of("extra.order.total", List.of("9.5", "50", "100")),
            Tuple.of("extra.count", List.of("0", "3", "=3")));

    private static Arbitrary<Query> matches() {
        return Arbitraries.of(MATCH_VALUES).flatMap(fv -> Arbitraries.of(fv.get2())
                .map(v -> new Query.Match(new Field(fv.get1()), v)));
    }

    private static Arbitrary<Query> anyOfs() {
        return Arbitraries.of(MATCH_VALUES).flatMap(fv -> Arbitraries.of(fv.get2()).list().ofMinSize(1).ofMaxSize(3)
                .map(vs -> new Query.AnyOf(new Field(fv.get1()), vs)));
    }

    private static Arbitrary<Query> compares() {
        return Arbitraries.of(COMPARE_VALUES).flatMap(fv -> Arbitraries.of(fv.get2()).flatMap(v ->
                Arbitraries.of(Query.Comparison.class).map(op -> new Query.Compare(new Field(fv.get1()), op, v))));
    }
}
