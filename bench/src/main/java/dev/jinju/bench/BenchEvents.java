package dev.jinju.bench;

import dev.jinju.event.Http;
import dev.jinju.event.Level;
import dev.jinju.event.LogEvent;
import dev.jinju.event.LogGroups;
import dev.jinju.event.User;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Realistic events for the benchmarks: mixed levels and types, 200–2 000-byte messages in English and Korean,
 * a third with stack traces, user, url and extra. One event in {@value #RARE_EVERY} carries a rare word
 * ({@code zebracorn}).
 */
final class BenchEvents {
    static final String RARE = "zebracorn";
    /**
     * Odd (a prime), so that the rare word falls in each of the query benchmark's four groups in turn (every
     * 100 000th event, before round 12, put it only in the fourth group, and the query of the first found
     * nothing). The quick run's 50 000 events hold none.
     */
    static final int RARE_EVERY = 100_003;
    private static final String[] EN = {"payment failed for order", "failed to connect to upstream", "request timed out",
            "TypeError: Cannot read properties of undefined (reading 'price')", "user signed in",
            "cart updated with items", "slow response from recommendations service", "retrying request after 503"};
    private static final String[] KO = {"결제가 실패했습니다", "결제실패: 카드 승인이 거절되었습니다", "주문이 생성되었습니다",
            "재고 조회가 지연되고 있습니다", "로그인에 성공했습니다", "장바구니가 갱신되었습니다"};
    private static final String[] TYPES = {"error", "vue", "http", "log", "unhandledrejection"};
    private static final Level[] LEVELS = {Level.INFO, Level.INFO, Level.INFO, Level.DEBUG, Level.WARN, Level.ERROR,
            Level.INFO, Level.WARN, Level.ERROR, Level.FATAL};

    private final SplittableRandom random;
    private long counter;

    BenchEvents(long seed) {
        random = new SplittableRandom(seed);
    }

    /** The message text: a sentence padded with context to 200–2 000 bytes. */
    String message() {
        boolean korean = random.nextInt(3) == 0;
        StringBuilder sb = new StringBuilder(korean ? KO[random.nextInt(KO.length)] : EN[random.nextInt(EN.length)]);
        if (++counter % RARE_EVERY == 0) {
            sb.append(' ').append(RARE);
        }
        int target = 200 + random.nextInt(1_800);
        while (sb.length() * (korean ? 3 : 1) < target) {
            sb.append(korean ? " 주문번호 " : " order=").append(random.nextInt(1_000_000))
                    .append(korean ? " 사용자 " : " user=").append(random.nextInt(10_000))
                    .append(korean ? " 처리 중 오류" : " while processing checkout step ").append(random.nextInt(9));
        }
        return sb.toString();
    }

    String stackTrace() {
        return "Error: boom\n    at PaymentService.charge (https://shop.example.com/assets/app.js:1:" + random.nextInt(9999)
                + ")\n    at CheckoutForm.submit (https://shop.example.com/assets/app.js:1:1803)\n"
                + "    at async HTMLButtonElement.onClick (https://shop.example.com/assets/vendor.js:2:411)";
    }

    Level level() {
        return LEVELS[random.nextInt(LEVELS.length)];
    }

    /** One event as the ingest JSON carries it. */
    Map<String, Object> json(Instant timestamp) {
        Map<String, Object> e = new LinkedHashMap<>();
        Level level = level();
        String type = TYPES[random.nextInt(TYPES.length)];
        e.put("timestamp", timestamp.toString());
        e.put("level", level.name());
        e.put("type", type);
        e.put("message", message());
        if (random.nextInt(3) == 0) {
            e.put("stackTrace", stackTrace());
        }
        e.put("url", "https://shop.example.com/checkout/" + random.nextInt(100));
        if (type.equals("http")) {
            e.put("http", Map.of("method", "POST", "status", 400 + random.nextInt(200)));
        }
        e.put("user", Map.of("id", String.valueOf(random.nextInt(10_000)), "email", "u" + random.nextInt(10_000) + "@example.com"));
        e.put("extra", Map.of("orderId", random.nextInt(100_000), "build", "2026.11." + random.nextInt(30)));
        return e;
    }

    /** The same kind of event, as the store holds it, for filling a store directly. */
    LogEvent event(String id, String project, String env, Instant timestamp) {
        Level level = level();
        String type = TYPES[random.nextInt(TYPES.length)];
        return LogEvent.builder().id(id).project(project).environment(env).group(LogGroups.groupName(project, env))
                .stream(LogGroups.streamName(timestamp)).timestamp(timestamp).receivedAt(timestamp).level(level)
                .type(type).message(message()).stackTrace(random.nextInt(3) == 0 ? stackTrace() : null)
                .url("https://shop.example.com/checkout/" + random.nextInt(100))
                .http(type.equals("http") ? new Http("POST", 400 + random.nextInt(200)) : null)
                .user(new User(String.valueOf(random.nextInt(10_000)), null, null)).source("browser")
                .extra(Map.of("orderId", random.nextInt(100_000))).build();
    }

    /** {@code n} events as the ingest JSON carries them, all at {@code timestamp} (callers set their own times). */
    List<Map<String, Object>> jsonBatch(int n, Instant timestamp) {
        List<Map<String, Object>> list = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            list.add(json(timestamp));
        }
        return list;
    }
}
