package dev.jinju.ingest.scrub;

import dev.jinju.graphql.GraphQL;
import dev.jinju.ingest.Batches;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/** Scrubbing happens in IngestService, before storage, for both doors; per-project settings apply. */
@QuarkusTest
class ScrubIngestTest {
    static JsonPath stored(String group, String tag) {
        Instant now = Instant.now();
        return GraphQL.post("query($f: EventFilter!) { events(filter: $f, first: 10) { edges { node { message stackTrace url"
                        + " user { id email } extra } } } }",
                Map.of("f", Map.of("groups", List.of(group), "from", now.minusSeconds(3600).toString(),
                        "to", now.plusSeconds(60).toString(), "query", tag)));
    }

    @Test
    void secretsNeverReachTheStore() throws Exception {
        Map<String, Object> event = Batches.event(Instant.now(), "ERROR", "scrubtag payment 4111 1111 1111 1111 failed for bob@example.com");
        event.put("stackTrace", "Error: Authorization: Bearer abc.def.ghi\n at pay (https://u:p@shop.example.com/app.js?token=xyz:1:2)");
        event.put("url", "https://shop.example.com/checkout?session_id=abc123&step=2");
        event.put("extra", Map.of("headers", Map.of("Cookie", "sid=1", "Accept", "text/html"), "password", "hunter2",
                "aws", "AKIAIOSFODNN7EXAMPLE"));
        given().contentType("application/json").body(dev.jinju.event.EventJson.mapper().writeValueAsBytes(
                Batches.shop(List.of(event)))).post("/api/ingest").then().statusCode(200);
        JsonPath r = stored("/jinju/shop/prod", "scrubtag");
        String node = r.getString("data.events.edges[0].node");
        assertEquals("scrubtag payment [Filtered:card] failed for bob@example.com", r.getString("data.events.edges[0].node.message"));
        assertEquals("https://shop.example.com/checkout?session_id=[Filtered:secret]&step=2", r.getString("data.events.edges[0].node.url"));
        assertEquals("[Filtered:cookie]", r.getString("data.events.edges[0].node.extra.headers.Cookie"));
        assertEquals("[Filtered:password]", r.getString("data.events.edges[0].node.extra.password"));
        for (String leak : List.of("4111", "hunter2", "abc.def.ghi", "u:p@", "xyz", "sid=1", "AKIAIOSFODNN7EXAMPLE", "abc123")) {
            assertFalse(node.contains(leak), leak + " leaked: " + node);
        }
    }

    @Test
    void projectSettingsMaskEmailsAndIps() {
        Map<String, Object> event = Batches.event(Instant.now(), "INFO", "scrubother login bob@example.com from 10.1.2.3");
        Map<String, Object> batch = Batches.batch("other", "prod", "other-key", List.of(event));
        GraphQL.postAnonymous("mutation($b: IngestBatch!) { ingest(batch: $b) { accepted } }", Map.of("b", batch));
        assertEquals("scrubother login [Filtered:email] from [Filtered:ip]",
                stored("/jinju/other/prod", "scrubother").getString("data.events.edges[0].node.message"));
    }
}
