package dev.jinju.alert;

import dev.jinju.graphql.GraphQL;
import dev.jinju.ingest.Batches;
import io.restassured.path.json.JsonPath;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** GraphQL and ingest helpers for the alert tests. */
final class Alerts {
    static final String RULE_FIELDS = "name source project environment groups query levels condition threshold minCount "
            + "window windowSeconds cooldown cooldownSeconds channels { name type } enabled state { firing lastFiredAt }";
    static final String CREATE = "mutation($r: AlertRuleInput!) { createAlertRule(rule: $r) { " + RULE_FIELDS + " } }";
    static final String HISTORY = "query($rule: String, $first: Int) { alertHistory(rule: $rule, first: $first) "
            + "{ id rule at kind count message fingerprint channel detail } }";
    static final String INGEST = "mutation($batch: IngestBatch!) { ingest(batch: $batch) { accepted rejected { index reason } } }";

    private Alerts() {
    }

    static Map<String, Object> rule(String name, String condition, String query, double threshold, String window,
                                    String cooldown, List<String> channels) {
        Map<String, Object> r = new HashMap<>();
        r.put("name", name);
        r.put("project", "shop");
        r.put("environment", "prod");
        r.put("query", query);
        r.put("condition", condition);
        r.put("threshold", threshold);
        r.put("window", window);
        r.put("cooldown", cooldown);
        r.put("channels", channels);
        return r;
    }

    static Map<String, Object> create(Map<String, Object> rule) {
        JsonPath r = GraphQL.post(CREATE, Map.of("r", rule));
        assertNull(r.get("errors"), () -> "errors: " + r.prettify());
        return r.getMap("data.createAlertRule");
    }

    static List<Map<String, Object>> history(String rule) {
        Map<String, Object> vars = new HashMap<>();
        vars.put("rule", rule);
        vars.put("first", 1000);
        JsonPath r = GraphQL.post(HISTORY, vars);
        assertNull(r.get("errors"), () -> "errors: " + r.prettify());
        return r.getList("data.alertHistory");
    }

    static long count(List<Map<String, Object>> history, String kind) {
        return history.stream().filter(h -> kind.equals(h.get("kind"))).count();
    }

    /** Ingests {@code n} events with {@code message} into shop/prod, a second apart from {@code start}. */
    static void ingest(Instant start, int n, String level, String message) {
        List<Map<String, Object>> events = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            events.add(Batches.event(start.plusSeconds(i), level, message));
        }
        JsonPath r = GraphQL.post(INGEST, Map.of("batch", Batches.shop(events)));
        assertEquals(n, r.getInt("data.ingest.accepted"), () -> r.prettify());
    }
}
