package dev.jinju.selfmonitor;

import dev.jinju.alert.AlertReceivers;
import dev.jinju.alert.Receivers;
import dev.jinju.graphql.GraphQL;
import dev.jinju.ingest.Batches;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Health, metrics, Jinju's own log as events, and the heartbeat, on the running server. */
@QuarkusTest
@QuarkusTestResource(AlertReceivers.class)
class SelfMonitoringTest {
    @Inject
    Heartbeat heartbeat;

    @Test
    void healthIsUpWithTheStoreCheck() {
        given().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
        given().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"))
                .body("checks.name", hasItems("jinju-store", "jinju-database"));
        given().get("/q/health").then().statusCode(200).body("checks.name", hasItems("jinju", "jinju-store"));
    }

    static double metric(String scrape, String name, String labelPart) {
        return scrape.lines().filter(l -> l.startsWith(name) && (labelPart == null || l.contains(labelPart)))
                .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1))).sum();
    }

    static String scrape() {
        return dev.jinju.security.Session.given().get("/q/metrics").then().statusCode(200).extract().asString();
    }

    @Test
    void metricsMoveWhenEventsAreIngested() {
        String before = scrape();
        List<Map<String, Object>> events = Batches.events(Instant.now().minus(1, ChronoUnit.HOURS), 5, "metrics");
        events.add(Batches.event(Instant.now(), "NOPE", "bad level"));
        JsonPath r = GraphQL.post("mutation($batch: IngestBatch!) { ingest(batch: $batch) { accepted } }",
                Map.of("batch", Batches.shop(events)));
        assertEquals(5, r.getInt("data.ingest.accepted"), r.prettify());
        given().contentType("application/json").body(Batches.batch("shop", "prod", "wrong-key", List.of(
                Batches.event(Instant.now(), "INFO", "x")))).post("/api/ingest");
        String after = scrape();
        assertEquals(5.0, metric(after, "jinju_ingest_events_total", null) - metric(before, "jinju_ingest_events_total", null));
        assertEquals(1.0, metric(after, "jinju_ingest_rejected_total", "reason=\"invalid_event\"")
                - metric(before, "jinju_ingest_rejected_total", "reason=\"invalid_event\""));
        assertEquals(1.0, metric(after, "jinju_ingest_rejected_total", "reason=\"invalid_key\"")
                - metric(before, "jinju_ingest_rejected_total", "reason=\"invalid_key\""));
        assertTrue(metric(after, "jinju_store_write_seconds_count", null)
                > metric(before, "jinju_store_write_seconds_count", null), after);
    }

    @Test
    void ownWarningsBecomeEventsOfTheJinjuProject() throws Exception {
        String marker = "selflogmarker" + UUID.randomUUID().toString().replace("-", "");
        Instant from = Instant.now().minus(1, ChronoUnit.MINUTES);
        Logger.getLogger("x").warn("something odd " + marker);
        Logger.getLogger("x").info("only info " + marker);
        Map<String, Object> filter = new HashMap<>();
        filter.put("groups", List.of("/jinju/jinju/self"));
        filter.put("from", from.toString());
        filter.put("query", marker);
        List<Map<String, Object>> found = List.of();
        for (int i = 0; i < 100 && found.isEmpty(); i++) {
            Thread.sleep(100);
            if (GraphQL.post("{ logGroups(project: \"jinju\", environment: \"self\") { name } }")
                    .getList("data.logGroups.name").contains("/jinju/jinju/self")) {
                filter.put("to", Instant.now().plusSeconds(5).toString());
                JsonPath r = GraphQL.post("query($f: EventFilter!) { events(filter: $f) { edges { node { message level "
                        + "project environment location source } } } }", Map.of("f", filter));
                if (r.get("errors") == null) {
                    found = r.getList("data.events.edges.node");
                }
            }
        }
        assertEquals(1, found.size(), "the WARN (and not the INFO) is stored: " + found);
        Map<String, Object> e = found.get(0);
        assertEquals("something odd " + marker, e.get("message"));
        assertEquals("WARN", e.get("level"));
        assertEquals("jinju", e.get("project"));
        assertEquals("self", e.get("environment"));
        assertEquals("x", e.get("location"));
        List<Map<String, Object>> projects = GraphQL.post("{ projects { name environments { name } } }")
                .getList("data.projects");
        assertTrue(projects.contains(Map.of("name", "jinju", "environments", List.of(Map.of("name", "self")))));
    }

    @Test
    void heartbeatPingsWhileHealthy() {
        int before = Receivers.http("/heartbeat").size();
        assertEquals(Heartbeat.Result.SENT, heartbeat.beat());
        List<Map<String, Object>> pings = Receivers.http("/heartbeat");
        assertEquals(before + 1, pings.size());
        assertEquals("GET", pings.get(pings.size() - 1).get("method"));
    }
}
