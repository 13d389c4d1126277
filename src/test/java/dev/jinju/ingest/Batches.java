package dev.jinju.ingest;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Builds ingest batches as JSON-ready maps, the shape both doors take. */
public final class Batches {
    private Batches() {
    }

    public static Map<String, Object> batch(String project, String env, String key, List<Map<String, Object>> events) {
        Map<String, Object> b = new LinkedHashMap<>();
        b.put("key", key);
        b.put("project", project);
        b.put("environment", env);
        b.put("batchId", UUID.randomUUID().toString());
        b.put("context", Map.of("url", "https://shop.example.com/checkout", "userAgent", "Mozilla/5.0 Test",
                "release", "web@1.0.0", "pageViewId", "pv-1", "user", Map.of("id", "42", "email", "kim@example.com")));
        b.put("events", events);
        return b;
    }

    public static Map<String, Object> shop(List<Map<String, Object>> events) {
        return batch("shop", "prod", "shop-key-1", events);
    }

    public static Map<String, Object> event(Instant ts, String level, String message) {
        Map<String, Object> e = new HashMap<>();
        e.put("timestamp", ts.toString());
        e.put("level", level);
        e.put("message", message);
        return e;
    }

    public static List<Map<String, Object>> events(Instant start, int n, String tag) {
        List<Map<String, Object>> list = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            list.add(event(start.plusMillis(i * 1000L), i % 2 == 0 ? "ERROR" : "INFO", tag + " event " + i));
        }
        return list;
    }
}
