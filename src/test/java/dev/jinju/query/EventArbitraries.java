package dev.jinju.query;

import dev.jinju.event.Http;
import dev.jinju.event.Level;
import dev.jinju.event.LogEvent;
import dev.jinju.event.LogGroups;
import dev.jinju.event.User;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Builders;
import net.jqwik.api.Combinators;

/** Random events over the vocabulary of {@link QueryArbitraries}, so random queries often select them. */
public final class EventArbitraries {

    public static final List<String> MESSAGES = List.of(
            "payment failed", "결제가 실패했습니다", "결제실패 id=4242", "failed to connect to db after timeout",
            "TypeError: Cannot read properties of undefined (reading 'id')", "Order 9 checkout ok",
            "주문 9 결제 대기", "PaymentService charge rejected", "", "say \"hi\" back\\slash");

    public static final List<String> STACK_TRACES = List.of(
            "java.lang.NullPointerException\n\tat com.example.PaymentService.charge(PaymentService.java:42)",
            "TypeError: x is undefined\n    at CheckoutPage.vue:12:3",
            "Traceback (most recent call last):\n  File \"/var/task/app.py\", line 9, in handler\nTimeoutError");

    /** Occurrence times: a few, on and around the values the queries compare with. */
    public static final List<Instant> TIMES = List.of(
            Instant.parse("2026-11-25T23:59:59Z"), Instant.parse("2026-11-26T00:00:00Z"),
            Instant.parse("2026-11-26T10:00:00Z"), Instant.parse("2026-11-26T10:00:00.500Z"),
            Instant.parse("2026-11-26T10:30:00Z"), Instant.parse("2026-11-26T11:15:00Z"),
            Instant.parse("2026-11-27T00:00:00Z"));

    private EventArbitraries() {
    }

    public static Arbitrary<LogEvent> events() {
        return Builders.withBuilder(LogEvent::builder)
                .use(Arbitraries.integers().between(1, 1_000_000).map(i -> "ev-" + i)).inSetter(LogEvent.Builder::id)
                .use(Arbitraries.of("/jinju/shop/prod", "/jinju/shop/dev")).inSetter(LogEvent.Builder::group)
                .use(Arbitraries.of(TIMES)).inSetter(LogEvent.Builder::timestamp)
                .use(Arbitraries.of(Level.class).injectNull(0.1)).inSetter(LogEvent.Builder::level)
                .use(Arbitraries.of("error", "vue", "http", "log", "lambda", "unhandledrejection").injectNull(0.2))
                .inSetter(LogEvent.Builder::type)
                .use(Arbitraries.of("E101", "E102", "E500", "TIMEOUT", "").injectNull(0.3))
                .inSetter(LogEvent.Builder::code)
                .use(Arbitraries.of(MESSAGES).injectNull(0.1)).inSetter(LogEvent.Builder::message)
                .use(Arbitraries.of(STACK_TRACES).injectNull(0.5)).inSetter(LogEvent.Builder::stackTrace)
                .use(Arbitraries.of("https://shop.example.com/checkout", "https://shop.example.com/cart",
                        "/cart?id=9").injectNull(0.2)).inSetter(LogEvent.Builder::url)
                .use(Arbitraries.of("PaymentForm.vue:12:3", "app.py:9").injectNull(0.5))
                .inSetter(LogEvent.Builder::location)
                .use(Arbitraries.of(List.of("PaymentForm", "CheckoutPage", "App"), List.of("App"), List.<String>of())
                        .injectNull(0.4)).inSetter(LogEvent.Builder::componentTrace)
                .use(http().injectNull(0.3)).inSetter(LogEvent.Builder::http)
                .use(user().injectNull(0.4)).inSetter(LogEvent.Builder::user)
                .use(Arbitraries.of("1.2.0", "2.0.0").injectNull(0.3)).inSetter(LogEvent.Builder::release)
                .use(Arbitraries.of("browser", "lambda", "server")).inSetter(LogEvent.Builder::source)
                .use(Arbitraries.of("req-1", "req-2").injectNull(0.5)).inSetter(LogEvent.Builder::requestId)
                .use(extra().injectNull(0.2)).inSetter(LogEvent.Builder::extra)
                .build(b -> {
                    LogEvent e = b.build();
                    String[] parts = e.group().split("/");
                    return e.toBuilder().project(parts[2]).environment(parts[3])
                            .stream(LogGroups.streamName(e.timestamp())).receivedAt(e.timestamp()).build();
                });
    }

    private static Arbitrary<Http> http() {
        return Combinators.combine(Arbitraries.of("GET", "POST", "PUT", "DELETE", "get").injectNull(0.1),
                Arbitraries.of(200, 404, 500, 503).injectNull(0.2)).as(Http::new);
    }

    private static Arbitrary<User> user() {
        return Combinators.combine(Arbitraries.of("42", "7", "u-9", ""),
                Arbitraries.of("kim@example.com", "alice@example.org").injectNull(0.3),
                Arbitraries.of("김철수", "Alice Smith").injectNull(0.3)).as(User::new);
    }

    /** Nested maps, lists, numbers (9, 9.0, "9"), booleans, empty values: what {@code extra.*} must handle. */
    private static Arbitrary<Map<String, Object>> extra() {
        return Combinators.combine(
                Arbitraries.<Object>of(9, 9.0, "9", 42L, 10.5).injectNull(0.3),
                Arbitraries.<Object>of(9.5, 100, "100").injectNull(0.4),
                Arbitraries.of(true, false).injectNull(0.5),
                Arbitraries.<List<String>>of(List.of("vip", "new"), List.of(), List.of("new")).injectNull(0.5),
                Arbitraries.of("결제 대기", "a,b", "", "[x]", ">5").injectNull(0.5),
                Arbitraries.of(0, 3).injectNull(0.5)).as((orderId, total, flag, tags, note, count) -> {
                    Map<String, Object> extra = new LinkedHashMap<>();
                    putIfNotNull(extra, "orderId", orderId);
                    if (total != null) {
                        extra.put("order", Map.of("total", total));
                    } else {
                        extra.put("order", Map.of());
                    }
                    putIfNotNull(extra, "flag", flag);
                    putIfNotNull(extra, "tags", tags);
                    putIfNotNull(extra, "note", note);
                    putIfNotNull(extra, "count", count);
                    extra.put("empty", "");
                    return extra;
                });
    }

    private static void putIfNotNull(Map<String, Object> map, String key, Object value) {
        if (value != null) {
            map.put(key, value);
        }
    }
}
