package dev.jinju.alert;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import static dev.jinju.alert.Alerts.count;
import static dev.jinju.alert.Alerts.history;
import static dev.jinju.alert.Alerts.ingest;
import static dev.jinju.alert.Alerts.rule;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The evaluator driven with explicit times over synthetic bursts: fires once per cooldown, resolves when the
 * burst ends, "new error" fires once per new fingerprint, channels get readable payloads (a real SMTP server and
 * a local HTTP receiver), and a failing channel is retried and shows in history and metrics.
 */
@QuarkusTest
@QuarkusTestResource(AlertReceivers.class)
class AlertEvaluationTest {
    @Inject
    AlertEvaluator evaluator;

    /** Each test uses its own hour, days back, so tests do not see each other's events. */
    static Instant hour(int daysBack) {
        return Instant.now().minus(daysBack, ChronoUnit.DAYS).truncatedTo(ChronoUnit.HOURS);
    }

    @Test
    void burstFiresOncePerCooldownResolvesAndNotifiesEveryChannel() {
        Instant t0 = hour(3);
        Alerts.create(rule("burst", "COUNT_ABOVE", "alertburst level:error", 5, "5m", "30m",
                List.of("test-slack", "test-webhook", "test-mail")));
        assertEquals(0, evaluator.evaluate("burst", t0).fired());

        ingest(t0.plusSeconds(60), 20, "ERROR", "alertburst payment failed for order 17");
        ingest(t0.plusSeconds(90), 3, "INFO", "alertburst unrelated info");
        AlertEvaluator.Outcome fired = evaluator.evaluate("burst", t0.plusSeconds(240));
        assertEquals(1, fired.fired());
        assertEquals(20, fired.count());
        assertEquals(0, fired.channelFailures());
        // Still breaching: no second notification.
        assertEquals(0, evaluator.evaluate("burst", t0.plusSeconds(270)).fired());
        // The burst has left the window: resolved.
        AlertEvaluator.Outcome resolved = evaluator.evaluate("burst", t0.plusSeconds(600));
        assertTrue(resolved.resolved());
        // A second burst within the cooldown (30 min from the first firing) stays quiet...
        ingest(t0.plusSeconds(700), 10, "ERROR", "alertburst payment failed for order 18");
        assertEquals(0, evaluator.evaluate("burst", t0.plusSeconds(760)).fired());
        assertEquals(0, evaluator.evaluate("burst", t0.plusSeconds(800)).fired());
        // ...and one after it fires again.
        ingest(t0.plusSeconds(2400), 10, "ERROR", "alertburst payment failed for order 19");
        assertEquals(1, evaluator.evaluate("burst", t0.plusSeconds(2460)).fired());

        List<Map<String, Object>> h = history("burst");
        assertEquals(2, count(h, "FIRED"));
        assertEquals(1, count(h, "RESOLVED"));
        assertEquals(9, count(h, "NOTIFIED")); // 3 channels x (fired, resolved, fired)
        assertEquals(0, count(h, "NOTIFY_FAILED"));

        // Slack: a readable message with project/env, level, count, top message and a dashboard link.
        List<Map<String, Object>> slack = Receivers.http("/slack").stream()
                .filter(r -> r.get("body").toString().contains("burst")).toList();
        assertEquals(3, slack.size());
        String text = io.restassured.path.json.JsonPath.from(slack.get(0).get("body").toString()).getString("text");
        assertTrue(text.contains("FIRING"), text);
        assertTrue(text.contains("shop/prod"), text);
        assertTrue(text.contains("*Level:* ERROR"), text);
        assertTrue(text.contains("*Count:* 20"), text);
        assertTrue(text.contains("alertburst payment failed for order 17"), text);
        String link = text.substring(text.indexOf("<https://jinju.test/explore?") + 1, text.indexOf("|Open in Jinju>"));
        String decoded = URLDecoder.decode(link, StandardCharsets.UTF_8);
        assertTrue(decoded.startsWith("https://jinju.test/explore?project=shop&env=prod&q=alertburst level:error&from="),
                decoded);
        assertTrue(decoded.contains("from=" + t0.plusSeconds(-60)) && decoded.contains("to=" + t0.plusSeconds(240)),
                decoded);
        assertTrue(io.restassured.path.json.JsonPath.from(slack.get(1).get("body").toString()).getString("text")
                .contains("RESOLVED"));

        // Webhook: the JSON document, with the configured header.
        List<Map<String, Object>> hooks = Receivers.http("/webhook").stream()
                .filter(r -> r.get("body").toString().contains("\"rule\":\"burst\"")).toList();
        assertEquals(3, hooks.size());
        io.restassured.path.json.JsonPath hook = io.restassured.path.json.JsonPath.from(hooks.get(0).get("body").toString());
        assertEquals("firing", hook.getString("status"));
        assertEquals("count-above", hook.getString("condition"));
        assertEquals(20, hook.getInt("count"));
        assertEquals("shop", hook.getString("project"));
        assertEquals("prod", hook.getString("environment"));
        assertEquals("ERROR", hook.getString("level"));
        assertEquals("alertburst payment failed for order 17", hook.getString("topMessage"));
        assertEquals(link, hook.getString("link"));
        @SuppressWarnings("unchecked")
        Map<String, String> headers = (Map<String, String>) hooks.get(0).get("headers");
        assertEquals("hook-secret", headers.get("x-token"));
        assertTrue(headers.get("content-type").startsWith("application/json"));

        // E-mail through real SMTP: HTML and text, to both recipients.
        List<Map<String, Object>> mails = Receivers.mail().stream()
                .filter(m -> m.get("subject").toString().contains("burst")).toList();
        assertEquals(6, mails.size()); // GreenMail keeps one copy per recipient: 3 mails x 2 recipients
        Map<String, Object> mail = mails.get(0);
        assertTrue(mail.get("subject").toString().startsWith("[FIRING] burst — shop/prod"), mail.toString());
        assertEquals(List.of("oncall@test.local", "dev@test.local"), mail.get("to"));
        assertEquals("jinju@test.local", mail.get("from"));
        assertTrue(mail.get("text").toString().contains("Top message: alertburst payment failed for order 17"));
        assertTrue(mail.get("text").toString().contains("Count: 20"));
        assertTrue(mail.get("html").toString().contains("<h2"), mail.get("html").toString());
        assertTrue(mail.get("html").toString().contains("https://jinju.test/explore?project=shop&amp;env=prod"));
    }

    @Test
    void percentIncreaseComparesWithThePreviousWindow() {
        Instant t0 = hour(4);
        Map<String, Object> r = rule("rising", "PERCENT_INCREASE", "alertrising", 100, "10m", "1h", List.of());
        r.put("minCount", 5);
        Alerts.create(r);
        ingest(t0.plusSeconds(60), 5, "ERROR", "alertrising slow checkout");
        // previous window [0,10m) has 5; current [10m, 20m) has 6: +20 %, no alert
        ingest(t0.plusSeconds(660), 6, "ERROR", "alertrising slow checkout");
        assertFalse(evaluator.evaluate("rising", t0.plusSeconds(1200)).breached());
        // [20m, 30m) has 12 against 6: +100 %
        ingest(t0.plusSeconds(1260), 12, "ERROR", "alertrising slow checkout");
        AlertEvaluator.Outcome o = evaluator.evaluate("rising", t0.plusSeconds(1800));
        assertEquals(1, o.fired());
        assertEquals(12, o.count());
        assertEquals(6L, o.previousCount());
    }

    @Test
    void newErrorFiresOncePerNewFingerprint() {
        Instant t0 = hour(5);
        ingest(t0.plusSeconds(10), 2, "ERROR", "alertnew known failure 1");
        Alerts.create(rule("fresh", "NEW_ERROR", "alertnew", 0, "5m", "0s", List.of("test-webhook")));
        // First evaluation: a baseline of what is known; nothing fires.
        assertEquals(0, evaluator.evaluate("fresh", t0.plusSeconds(60)).fired());

        ingest(t0.plusSeconds(120), 3, "ERROR", "alertnew timeout after 30 ms"); // numbers are masked: one fingerprint
        ingest(t0.plusSeconds(130), 1, "ERROR", "alertnew timeout after 45 ms");
        ingest(t0.plusSeconds(140), 2, "ERROR", "alertnew cannot read properties of undefined");
        ingest(t0.plusSeconds(150), 1, "ERROR", "alertnew known failure 2");
        AlertEvaluator.Outcome o = evaluator.evaluate("fresh", t0.plusSeconds(180));
        assertEquals(2, o.fired());
        assertEquals(0, evaluator.evaluate("fresh", t0.plusSeconds(200)).fired());
        ingest(t0.plusSeconds(210), 4, "ERROR", "alertnew timeout after 99 ms");
        assertEquals(0, evaluator.evaluate("fresh", t0.plusSeconds(240)).fired());
        ingest(t0.plusSeconds(250), 1, "WARN", "alertnew a third kind");
        assertEquals(1, evaluator.evaluate("fresh", t0.plusSeconds(260)).fired());

        List<Map<String, Object>> h = history("fresh");
        List<Map<String, Object>> fired = h.stream().filter(e -> "FIRED".equals(e.get("kind"))).toList();
        assertEquals(3, fired.size());
        assertEquals(3, fired.stream().map(e -> e.get("fingerprint")).distinct().count());
        assertEquals(3, count(h, "NOTIFIED"));
        List<Map<String, Object>> seen = dev.jinju.graphql.GraphQL.post("{ seenFingerprints(project: \"shop\", "
                + "environment: \"prod\", first: 1000) { fingerprint firstSeen lastSeen count message } }")
                .getList("data.seenFingerprints");
        Map<String, Object> timeout = seen.stream().filter(f -> f.get("message").toString().startsWith("alertnew timeout"))
                .findFirst().orElseThrow();
        assertEquals(8, timeout.get("count")); // 3 + 1 + 4, though scanned by overlapping windows
        assertEquals(t0.plusSeconds(120).toString().replace("Z", ""), timeout.get("firstSeen").toString()
                .replace(".000Z", "").replace("Z", ""));
        long hooks = Receivers.http("/webhook").stream()
                .filter(r -> r.get("body").toString().contains("\"rule\":\"fresh\"")).count();
        assertEquals(3, hooks);
    }

    @Test
    void failingChannelIsRetriedAndItsFailureIsVisible() {
        Instant t0 = hour(6);
        Alerts.create(rule("broken", "COUNT_ABOVE", "alertbroken", 0, "5m", "30m", List.of("test-broken", "test-slack")));
        int before = Receivers.http("/fail").size();
        ingest(t0.plusSeconds(30), 1, "ERROR", "alertbroken it broke");
        AlertEvaluator.Outcome o = evaluator.evaluate("broken", t0.plusSeconds(60));
        assertEquals(1, o.fired());
        assertEquals(1, o.channelFailures());
        assertEquals(3, Receivers.http("/fail").size() - before); // jinju.alerts.retry.attempts = 3
        List<Map<String, Object>> h = history("broken");
        Map<String, Object> failed = h.stream().filter(e -> "NOTIFY_FAILED".equals(e.get("kind"))).findFirst().orElseThrow();
        assertEquals("test-broken", failed.get("channel"));
        assertTrue(failed.get("detail").toString().contains("HTTP 500"), failed.toString());
        assertFalse(failed.get("detail").toString().contains("127.0.0.1"), "the URL is a secret");
        assertEquals(1, count(h, "NOTIFIED")); // slack still got it
        String metrics = dev.jinju.security.Session.given().get("/q/metrics").then().statusCode(200).extract().asString();
        assertTrue(metrics.lines().anyMatch(l -> l.startsWith("jinju_alert_channel_failures_total")
                && l.contains("channel=\"test-broken\"")), metrics);
    }
}
