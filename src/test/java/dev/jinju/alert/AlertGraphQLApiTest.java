package dev.jinju.alert;

import dev.jinju.graphql.GraphQL;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static dev.jinju.alert.Alerts.rule;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The alert GraphQL operations: listing, creating, updating, enabling, errors, channels, history, preview. */
@QuarkusTest
@QuarkusTestResource(AlertReceivers.class)
class AlertGraphQLApiTest {
    static final String RULES = "{ alertRules { " + Alerts.RULE_FIELDS + " } }";
    static final String UPDATE = "mutation($name: String!, $r: AlertRuleInput!) { updateAlertRule(name: $name, rule: $r) { "
            + Alerts.RULE_FIELDS + " } }";
    static final String ENABLE = "mutation($name: String!, $on: Boolean!) { setAlertRuleEnabled(name: $name, enabled: $on) "
            + "{ name enabled } }";
    static final String PREVIEW = "query($r: AlertRuleInput!, $days: Int) { previewAlertRule(rule: $r, days: $days) "
            + "{ fires firedAt windows from to maxCount } }";

    static Map<String, Object> ruleByName(String name) {
        List<Map<String, Object>> rules = GraphQL.post(RULES).getList("data.alertRules");
        return rules.stream().filter(r -> r.get("name").equals(name)).findFirst().orElseThrow();
    }

    static void assertCode(JsonPath r, String code) {
        assertEquals(code, r.getString("errors[0].extensions.code"), r.prettify());
    }

    @Test
    void configuredRuleIsListedAndCanOnlyBeEnabledOrDisabled() {
        Map<String, Object> rule = ruleByName("config-errors");
        assertEquals("CONFIG", rule.get("source"));
        assertEquals("shop", rule.get("project"));
        assertEquals("dev", rule.get("environment"));
        assertEquals("level:error configrule", rule.get("query"));
        assertEquals("COUNT_ABOVE", rule.get("condition"));
        assertEquals(100.0f, ((Number) rule.get("threshold")).floatValue());
        assertEquals("PT10M", rule.get("window"));
        assertEquals(600, rule.get("windowSeconds"));
        assertEquals(3600, rule.get("cooldownSeconds"));
        assertEquals(List.of(Map.of("name", "test-slack", "type", "slack")), rule.get("channels"));

        JsonPath denied = GraphQL.post(UPDATE, Map.of("name", "config-errors",
                "r", rule("config-errors", "COUNT_ABOVE", "", 1, "5m", "5m", List.of())));
        assertCode(denied, "CONFIGURED_ALERT_RULE");

        assertEquals(false, GraphQL.post(ENABLE, Map.of("name", "config-errors", "on", false))
                .getBoolean("data.setAlertRuleEnabled.enabled"));
        assertEquals(false, ruleByName("config-errors").get("enabled"));
        assertEquals(true, GraphQL.post(ENABLE, Map.of("name", "config-errors", "on", true))
                .getBoolean("data.setAlertRuleEnabled.enabled"));
    }

    @Test
    void channelsShowNameAndTypeButNeverTheirSecrets() {
        JsonPath r = GraphQL.post("{ alertChannels { name type } }");
        List<Map<String, Object>> channels = r.getList("data.alertChannels");
        assertTrue(channels.contains(Map.of("name", "test-slack", "type", "slack")));
        assertTrue(channels.contains(Map.of("name", "test-mail", "type", "email")));
        assertTrue(channels.contains(Map.of("name", "test-webhook", "type", "webhook")));
        String everything = GraphQL.post("{ alertChannels { name type } alertRules { " + Alerts.RULE_FIELDS + " } }")
                .prettify();
        assertFalse(everything.contains(Receivers.base()), "channel URLs must not be shown");
        assertFalse(everything.contains("hook-secret"));
        assertFalse(everything.contains("oncall@test.local"));
        // The type has no url field at all.
        JsonPath noUrl = GraphQL.post("{ alertChannels { name url } }");
        assertNotNull(noUrl.get("errors"), noUrl.prettify());
    }

    @Test
    void createUpdateAndDisableARule() {
        Map<String, Object> input = rule("api-rule", "COUNT_ABOVE", "level:error checkout", 10, "15m", "1h",
                List.of("test-slack", "test-mail"));
        input.put("levels", List.of("ERROR", "FATAL"));
        Map<String, Object> created = Alerts.create(input);
        assertEquals("API", created.get("source"));
        assertEquals(List.of("ERROR", "FATAL"), created.get("levels"));
        assertEquals(900, created.get("windowSeconds"));
        assertEquals(List.of(Map.of("name", "test-slack", "type", "slack"), Map.of("name", "test-mail", "type", "email")),
                created.get("channels"));
        assertEquals(true, created.get("enabled"));
        assertEquals(false, ((Map<?, ?>) created.get("state")).get("firing"));

        assertCode(GraphQL.post(Alerts.CREATE, Map.of("r", input)), "ALERT_RULE_EXISTS");

        Map<String, Object> changed = rule("api-rule", "PERCENT_INCREASE", "checkout", 50, "PT10M", "2h", List.of());
        JsonPath u = GraphQL.post(UPDATE, Map.of("name", "api-rule", "r", changed));
        assertEquals("PERCENT_INCREASE", u.getString("data.updateAlertRule.condition"), u.prettify());
        assertEquals(600, u.getInt("data.updateAlertRule.windowSeconds"));
        assertEquals(7200, u.getInt("data.updateAlertRule.cooldownSeconds"));
        assertEquals(List.of(), u.getList("data.updateAlertRule.channels"));
        assertEquals("PERCENT_INCREASE", ruleByName("api-rule").get("condition"));

        assertEquals(false, GraphQL.post(ENABLE, Map.of("name", "api-rule", "on", false))
                .getBoolean("data.setAlertRuleEnabled.enabled"));
        assertCode(GraphQL.post(ENABLE, Map.of("name", "no-such-rule", "on", false)), "UNKNOWN_ALERT_RULE");
        assertCode(GraphQL.post(UPDATE, Map.of("name", "no-such-rule", "r", changed)), "UNKNOWN_ALERT_RULE");
    }

    @Test
    void badRulesAreRejectedWithTheReason() {
        JsonPath q = GraphQL.post(Alerts.CREATE, Map.of("r", rule("bad1", "COUNT_ABOVE", "level:error (oops", 1, "5m",
                "5m", List.of())));
        assertCode(q, "BAD_ALERT_RULE");
        assertTrue(q.getString("errors[0].message").startsWith("query:"), q.prettify());
        assertNotNull(q.get("errors[0].extensions.position"));

        Map<String, Object> noChannel = rule("bad2", "COUNT_ABOVE", "", 1, "5m", "5m", List.of("nope"));
        JsonPath c = GraphQL.post(Alerts.CREATE, Map.of("r", noChannel));
        assertCode(c, "BAD_ALERT_RULE");
        assertTrue(c.getString("errors[0].message").contains("unknown channel 'nope'"), c.prettify());

        Map<String, Object> env = rule("bad3", "COUNT_ABOVE", "", 1, "5m", "5m", List.of());
        env.put("environment", "staging");
        assertTrue(GraphQL.post(Alerts.CREATE, Map.of("r", env)).getString("errors[0].message")
                .contains("has no environment 'staging'"));

        Map<String, Object> project = rule("bad4", "COUNT_ABOVE", "", 1, "5m", "5m", List.of());
        project.put("project", "nope");
        assertCode(GraphQL.post(Alerts.CREATE, Map.of("r", project)), "BAD_ALERT_RULE");

        assertCode(GraphQL.post(Alerts.CREATE, Map.of("r", rule("bad5", "COUNT_ABOVE", "", 1, "five minutes", "5m",
                List.of()))), "BAD_ALERT_RULE");
        assertCode(GraphQL.post(Alerts.CREATE, Map.of("r", rule("bad6", "COUNT_ABOVE", "", 1, "1s", "5m",
                List.of()))), "BAD_ALERT_RULE");
        assertCode(GraphQL.post(Alerts.CREATE, Map.of("r", rule("bad name!", "COUNT_ABOVE", "", 1, "5m", "5m",
                List.of()))), "BAD_ALERT_RULE");
        assertCode(GraphQL.post(Alerts.CREATE, Map.of("r", rule("bad7", "PERCENT_INCREASE", "", 0, "5m", "5m",
                List.of()))), "BAD_ALERT_RULE");
        List<Map<String, Object>> rules = GraphQL.post(RULES).getList("data.alertRules");
        assertTrue(rules.stream().noneMatch(r -> r.get("name").toString().startsWith("bad")));
    }

    @Test
    void previewCountsFiringsOverTheLastDaysWithTheCooldown() {
        Instant now = Instant.now();
        Alerts.ingest(now.minus(2, ChronoUnit.DAYS), 12, "ERROR", "alertpreview burst one");
        Alerts.ingest(now.minus(2, ChronoUnit.DAYS).plus(10, ChronoUnit.MINUTES), 12, "ERROR", "alertpreview burst two");
        Alerts.ingest(now.minus(1, ChronoUnit.DAYS), 12, "ERROR", "alertpreview burst three");
        Alerts.ingest(now.minus(1, ChronoUnit.DAYS).plus(1, ChronoUnit.HOURS), 2, "ERROR", "alertpreview small");

        Map<String, Object> vars = new HashMap<>();
        vars.put("r", rule("preview", "COUNT_ABOVE", "alertpreview", 5, "5m", "30m", List.of()));
        JsonPath p = GraphQL.post(PREVIEW, vars);
        assertEquals(2, p.getInt("data.previewAlertRule.fires"), p.prettify()); // burst two is within the cooldown
        assertEquals(2016, p.getInt("data.previewAlertRule.windows"));
        assertTrue(p.getInt("data.previewAlertRule.maxCount") >= 6, p.prettify()); // 12, or 6+ if a burst straddles windows

        vars.put("r", rule("preview", "COUNT_ABOVE", "alertpreview", 5, "5m", "0s", List.of()));
        assertEquals(3, GraphQL.post(PREVIEW, vars).getInt("data.previewAlertRule.fires"));
        vars.put("days", 1);
        assertEquals(1, GraphQL.post(PREVIEW, vars).getInt("data.previewAlertRule.fires"));

        // Nothing was saved.
        assertTrue(GraphQL.post(RULES).getList("data.alertRules.name").stream().noneMatch("preview"::equals));

        Map<String, Object> newError = new HashMap<>();
        newError.put("r", rule("preview-new", "NEW_ERROR", "alertpreview", 0, "5m", "0s", List.of()));
        JsonPath n = GraphQL.post(PREVIEW, newError);
        // The first day is the baseline; "burst one/two/three" and "small" are four kinds, all after it.
        assertEquals(4, n.getInt("data.previewAlertRule.fires"), n.prettify());
    }
}
