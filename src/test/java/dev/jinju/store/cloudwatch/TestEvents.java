package dev.jinju.store.cloudwatch;

import dev.jinju.event.Http;
import dev.jinju.event.Level;
import dev.jinju.event.LogEvent;
import dev.jinju.event.User;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Events for tests. */
final class TestEvents {
    private TestEvents() {
    }

    static LogEvent event(String id, Instant at, Level level, String message) {
        return LogEvent.builder().id(id).project("shop").environment("prod").timestamp(at)
                .receivedAt(at.plusMillis(5)).level(level).type("log").message(message).source("browser").build();
    }

    static LogEvent full(String id, Instant at) {
        return LogEvent.builder().id(id).project("shop").environment("prod").timestamp(at).receivedAt(at.plusMillis(7))
                .level(Level.ERROR).type("http").code("E101").message("payment failed: 결제가 실패했습니다")
                .stackTrace("Error: boom\n  at com.example.PaymentService.charge (pay.js:10:3)")
                .url("https://shop.example.com/checkout?step=2").location("pay.js:10:3")
                .componentTrace(List.of("PayButton", "CheckoutPage", "App")).http(new Http("POST", 502))
                .user(new User("42", "kim@example.com", "Kim")).release("1.2.3").userAgent("Mozilla/5.0")
                .pageViewId("pv-1").requestId("req-1").source("browser").fingerprint("fp-1")
                .extra(Map.of("orderId", 9, "cart", Map.of("items", List.of("a", "b")), "note", "x"))
                .build();
    }
}
