package dev.jinju.store.cloudwatch;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jinju.event.Http;
import dev.jinju.event.Level;
import dev.jinju.event.LogEvent;
import dev.jinju.event.User;
import dev.jinju.query.Field;
import dev.jinju.query.Query;
import dev.jinju.query.QueryEvaluator;
import dev.jinju.query.QueryParser;
import dev.jinju.query.QueryPrinter;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A pushed-down filter pattern may only narrow: for random events and queries, every event the evaluator selects
 * (with the scope's levels) is matched by the compiled pattern under AWS's documented pattern semantics.
 */
class FilterPatternPropertyTest {
    static final List<String> WORDS = List.of("payment", "failed", "Payment", "PAYMENT", "checkout", "timeout",
            "결제가", "실패했습니다", "com.example.PaymentService.charge", "E101", "order_id=7", "null", "x");
    static final List<String> CODES = List.of("E101", "E102", "E1", "e101", "E 101", "E*1");
    static final List<String> TYPES = List.of("vue", "http", "log", "error", "Vue");
    static final List<String> USERS = List.of("42", "7", "kim@example.com", "Kim");

    @Provide
    Arbitrary<LogEvent> events() {
        return Arbitraries.randomValue(FilterPatternPropertyTest::event);
    }

    @Provide
    Arbitrary<Query> queries() {
        return Arbitraries.randomValue(r -> query(r, 3));
    }

    @Provide
    Arbitrary<Set<Level>> levelSets() {
        return Arbitraries.of(Level.class).set().ofMaxSize(6);
    }

    static <T> T pick(Random r, List<T> list) {
        return list.get(r.nextInt(list.size()));
    }

    static String maybe(Random r, List<String> values) {
        return r.nextInt(4) == 0 ? null : pick(r, values);
    }

    static LogEvent event(Random r) {
        StringBuilder msg = new StringBuilder();
        for (int i = 0, n = 1 + r.nextInt(5); i < n; i++) {
            msg.append(i == 0 ? "" : " ").append(pick(r, WORDS));
        }
        Integer status = r.nextInt(3) == 0 ? null : pick(r, List.of(200, 404, 499, 500, 502));
        String method = r.nextInt(3) == 0 ? null : pick(r, List.of("GET", "post", "Post"));
        return LogEvent.builder().id("id-" + r.nextInt(1_000_000)).project("shop").environment("prod")
                .group("/jinju/shop/prod").stream("2026/11/26/10")
                .timestamp(Instant.parse("2026-11-26T10:00:00Z").plusMillis(r.nextInt(3_600_000)))
                .receivedAt(Instant.parse("2026-11-26T11:00:00Z"))
                .level(pick(r, List.of(Level.values()))).type(maybe(r, TYPES)).code(maybe(r, CODES))
                .message(msg.toString()).stackTrace(r.nextBoolean() ? null : pick(r, WORDS))
                .url(maybe(r, List.of("https://shop.example.com/checkout", "/cart", "")))
                .http(status == null && method == null ? null : new Http(method, status))
                .user(r.nextBoolean() ? null : new User(maybe(r, USERS), maybe(r, USERS), null))
                .release(maybe(r, List.of("1.2.3", "1.2"))).requestId(maybe(r, List.of("req-1", "req-2")))
                .source(maybe(r, List.of("browser", "lambda")))
                .extra(r.nextBoolean() ? null : Map.of("orderId", r.nextBoolean() ? 9 : "9"))
                .componentTrace(r.nextBoolean() ? null : List.of("PayButton", "App"))
                .build();
    }

    static Query query(Random r, int depth) {
        int kind = r.nextInt(depth <= 0 ? 12 : 16);
        switch (kind) {
            case 0: return new Query.Match(Field.LEVEL, pick(r, List.of("error", "WARNING", "info", "fatal", "err*", "critical")));
            case 1: return new Query.AnyOf(Field.LEVEL, List.of(pick(r, List.of("warn", "debug")), pick(r, List.of("error", "trace"))));
            case 2: return new Query.Compare(Field.LEVEL, pick(r, List.of(Query.Comparison.values())), pick(r, List.of("warn", "info", "error")));
            case 3: return new Query.Match(field(r), pick(r, CODES.subList(0, 4)));
            case 4: return new Query.Match(pick(r, List.of(new Field("type"), new Field("user.id"), new Field("user.email"), new Field("release"), new Field("requestId"), new Field("source"), new Field("url"))),
                    pick(r, List.of("vue", "42", "kim@example.com", "1.2.3", "req-1", "lambda", "browser", "*checkout*", "https://shop.example.com/checkout", "")));
            case 5: return new Query.Match(Field.HTTP_STATUS, pick(r, List.of("500", "404", "5*", "0500")));
            case 6: return new Query.Compare(Field.HTTP_STATUS, pick(r, List.of(Query.Comparison.values())), pick(r, List.of("500", "404", "499", "4.5e2")));
            case 7: return new Query.Match(Field.HTTP_METHOD, pick(r, List.of("post", "GET", "P*")));
            case 8: return new Query.Text(pick(r, List.of("payment", "pay*", "*ment", "PaymentService", "결제", "실패", "timeout", "e101")));
            case 9: return new Query.Phrase(pick(r, List.of("payment failed", "결제가 실패했습니다", "failed payment")));
            case 10: return new Query.Has(pick(r, List.of(new Field("code"), new Field("stackTrace"), Field.HTTP_STATUS, new Field("url"), new Field("extra.orderId"))));
            case 11: return new Query.Match(new Field("extra.orderId"), "9");
            case 12: return new Query.Not(query(r, depth - 1));
            case 13: return new Query.Or(List.of(query(r, depth - 1), query(r, depth - 1)));
            case 14: return new Query.AnyOf(new Field("code"), List.of(pick(r, CODES), pick(r, CODES)));
            default: {
                List<Query> clauses = new ArrayList<>();
                for (int i = 0, n = 2 + r.nextInt(2); i < n; i++) {
                    clauses.add(query(r, depth - 1));
                }
                return new Query.And(clauses);
            }
        }
    }

    static Field field(Random r) {
        return pick(r, List.of(new Field("code"), new Field("type"), new Field("message")));
    }

    @Property(tries = 3000)
    void patternsOnlyNarrow(@ForAll("events") LogEvent event, @ForAll("queries") Query query,
                            @ForAll("levelSets") Set<Level> levels) throws Exception {
        Optional<String> pattern = FilterPatternCompiler.compile(query, levels);
        boolean selected = (levels.isEmpty() || levels.contains(event.level())) && QueryEvaluator.matches(query, event);
        if (pattern.isEmpty() || !selected) {
            return;
        }
        JsonNode json = dev.jinju.event.EventJson.mapper().readTree(EventMessages.write(event));
        assertTrue(FilterPatternSemantics.matches(pattern.get(), json),
                () -> "pattern " + pattern.get() + " drops " + EventMessages.write(event) + " selected by "
                        + QueryPrinter.print(query));
    }

    @Property(tries = 300)
    void compiledPatternsAreWellFormed(@ForAll("queries") Query query) {
        FilterPatternCompiler.compile(query, Set.of()).ifPresent(p ->
                FilterPatternSemantics.matches(p, dev.jinju.event.EventJson.mapper().createObjectNode()));
    }

    @Example
    void patternsDoNarrow() throws Exception {
        LogEvent info = event(new Random(1)).toBuilder().level(Level.INFO).build();
        JsonNode json = dev.jinju.event.EventJson.mapper().readTree(EventMessages.write(info));
        String p = FilterPatternCompiler.compile(QueryParser.parse("level:error"), Set.of()).orElseThrow();
        assertFalse(FilterPatternSemantics.matches(p, json));
        String notInfo = FilterPatternCompiler.compile(QueryParser.parse("!level:info"), EnumSet.noneOf(Level.class))
                .orElseThrow();
        assertFalse(FilterPatternSemantics.matches(notInfo, json));
    }
}
