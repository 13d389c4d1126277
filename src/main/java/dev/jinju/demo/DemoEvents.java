package dev.jinju.demo;

import dev.jinju.ingest.IngestBatch;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/** Generates plausible events of a Vue shop front end and its Python API: levels, types, Korean text, stacks. */
final class DemoEvents {
    private static final String[] PAGES = {"/", "/products", "/products/42", "/cart", "/checkout", "/checkout/pay",
            "/account", "/orders/9917"};
    private static final String[][] INFO = {
            {"log", "page view"}, {"log", "cart updated"}, {"log", "user signed in"},
            {"log", "결제 페이지 진입"}, {"log", "주문이 생성되었습니다"}, {"log", "search completed in 84 ms"}};
    private static final String[][] WARN = {
            {"log", "slow response from /api/products took 2300 ms"}, {"log", "retrying payment request"},
            {"http", "GET /api/recommendations returned 429"}, {"log", "재고 조회가 지연되고 있습니다"}};
    private static final String[][] ERRORS = {
            {"error", "TypeError: Cannot read properties of undefined (reading 'price')"},
            {"vue", "Error: payment failed: card declined"},
            {"unhandledrejection", "Error: Request failed with status code 500"},
            {"http", "POST /api/checkout failed with 502"},
            {"error", "결제실패: 카드 승인이 거절되었습니다"},
            {"vue", "ReferenceError: PaymentService is not defined"}};
    private static final String[] USERS = {"42", "7", "1001", "3141", "2718"};

    private final Random random;
    private final Instant now;

    DemoEvents(Random random, Instant now) {
        this.random = random;
        this.now = now;
    }

    IngestBatch.Event next() {
        double roll = random.nextDouble();
        String level;
        String[] pick;
        if (roll < 0.12) {
            level = random.nextDouble() < 0.1 ? "FATAL" : "ERROR";
            pick = ERRORS[random.nextInt(ERRORS.length)];
        } else if (roll < 0.3) {
            level = "WARN";
            pick = WARN[random.nextInt(WARN.length)];
        } else if (roll < 0.45) {
            level = "DEBUG";
            pick = new String[]{"log", "render took " + random.nextInt(40) + " ms"};
        } else {
            level = "INFO";
            pick = INFO[random.nextInt(INFO.length)];
        }
        // Skewed towards recent hours, like real traffic after a release.
        long ageMillis = (long) (Math.pow(random.nextDouble(), 1.6) * 24 * 3600_000L);
        String page = PAGES[random.nextInt(PAGES.length)];
        String type = pick[0];
        boolean error = level.equals("ERROR") || level.equals("FATAL");
        Map<String, Object> extra = new LinkedHashMap<>();
        if (page.startsWith("/checkout") || page.startsWith("/orders")) {
            extra.put("orderId", 9000 + random.nextInt(1000));
        }
        extra.put("build", "2026.11." + (20 + random.nextInt(6)));
        String userId = USERS[random.nextInt(USERS.length)];
        return new IngestBatch.Event(now.minusMillis(ageMillis).toString(), level, type,
                error ? "E" + (100 + random.nextInt(4)) : null, pick[1],
                error && !type.equals("http") ? stack(pick[1]) : null,
                "https://shop.example.com" + page,
                type.equals("vue") ? "CheckoutForm.vue:88:13" : error ? "app.js:1:" + (2000 + random.nextInt(500)) : null,
                type.equals("vue") ? List.of("PayButton", "CheckoutForm", "CheckoutPage", "App") : null,
                type.equals("http") ? new IngestBatch.HttpData(pick[1].startsWith("GET") ? "GET" : "POST",
                        pick[1].contains("429") ? 429 : 502) : null,
                new IngestBatch.UserData(userId, "user" + userId + "@example.com", "User " + userId),
                null, extra);
    }

    /** An event whose message is HTML: the dashboard must show it as text and run nothing. */
    IngestBatch.Event xssProbe() {
        return new IngestBatch.Event(now.minusSeconds(90).toString(), "ERROR", "error", "XSS",
                "<img src=x onerror=alert(1)>", "<script>alert('stack')</script>", "https://shop.example.com/search?q=<b>",
                null, null, null, null, null, Map.of("html", "<b>bold</b>"));
    }

    private String stack(String message) {
        return message + "\n"
                + "    at PaymentService.charge (https://shop.example.com/assets/app.js:1:" + (2000 + random.nextInt(99)) + ")\n"
                + "    at CheckoutForm.submit (https://shop.example.com/assets/app.js:1:1803)\n"
                + "    at async HTMLButtonElement.onClick (https://shop.example.com/assets/vendor.js:2:411)";
    }
}
