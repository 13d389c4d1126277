package dev.jinju.graphql;

import dev.jinju.ingest.Batches;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The {@code ingest} mutation: what it accepts, what it rejects and why, and that nothing good is lost. */
@QuarkusTest
class IngestGraphQLApiTest {
    static final String INGEST = "mutation($batch: IngestBatch!) { ingest(batch: $batch) { accepted rejected { index reason } } }";
    static final String SEARCH = "query($f: EventFilter!) { events(filter: $f, first: 100) { edges { node { id message level "
            + "type url user { id email } release pageViewId extra source fingerprint http { method status } componentTrace } } } }";

    static JsonPath ingest(Map<String, Object> batch) {
        return GraphQL.post(INGEST, Map.of("batch", batch));
    }

    static List<Map<String, Object>> search(String query) {
        Instant now = Instant.now();
        JsonPath r = GraphQL.post(SEARCH, Map.of("f", Map.of("groups", List.of("/jinju/shop/prod"),
                "from", now.minus(15, ChronoUnit.DAYS).toString(), "to", now.plus(2, ChronoUnit.HOURS).toString(),
                "query", query)));
        assertNull(r.get("errors"), () -> r.prettify());
        return r.getList("data.events.edges.node");
    }

    @Test
    void acceptsABatchAndStoresEveryFieldWithTheContext() {
        String tag = "tag" + UUID.randomUUID().toString().replace("-", "");
        Map<String, Object> e = Batches.event(Instant.now().minusSeconds(5), "warning", tag + " checkout slow");
        e.put("type", "http");
        e.put("http", Map.of("method", "post", "status", 503));
        e.put("componentTrace", List.of("PayButton", "App"));
        e.put("extra", Map.of("orderId", 9, "nested", Map.of("a", List.of(1, "x", true))));
        JsonPath r = ingest(Batches.shop(List.of(e)));
        assertEquals(1, r.getInt("data.ingest.accepted"), r.prettify());
        assertEquals(0, r.getList("data.ingest.rejected").size());

        List<Map<String, Object>> found = search(tag);
        assertEquals(1, found.size());
        Map<String, Object> ev = found.get(0);
        assertEquals("WARN", ev.get("level"), "Python's WARNING is normalised");
        assertEquals("https://shop.example.com/checkout", ev.get("url"), "url comes from the batch context");
        assertEquals(Map.of("id", "42", "email", "kim@example.com"), ev.get("user"));
        assertEquals("web@1.0.0", ev.get("release"));
        assertEquals("pv-1", ev.get("pageViewId"));
        assertEquals("browser", ev.get("source"));
        assertEquals(Map.of("method", "POST", "status", 503), ev.get("http"));
        assertEquals(List.of("PayButton", "App"), ev.get("componentTrace"));
        assertEquals(Map.of("orderId", 9, "nested", Map.of("a", List.of(1, "x", true))), ev.get("extra"),
                "extra is a JSON object, not a string");
        assertTrue(((String) ev.get("fingerprint")).length() >= 8);
    }

    @Test
    void resendingTheSameBatchIdDoesNotDuplicate() {
        String tag = "dup" + UUID.randomUUID().toString().replace("-", "");
        Map<String, Object> batch = Batches.shop(Batches.events(Instant.now().minusSeconds(60), 5, tag));
        assertEquals(5, ingest(batch).getInt("data.ingest.accepted"));
        assertEquals(5, ingest(batch).getInt("data.ingest.accepted"), "a retry is acknowledged again");
        assertEquals(5, search(tag).size(), "but stored once");
    }

    @Test
    void badEventsAreRejectedOneByOneAndTheGoodOnesKept() {
        String tag = "mix" + UUID.randomUUID().toString().replace("-", "");
        Instant now = Instant.now();
        List<Map<String, Object>> events = new ArrayList<>();
        events.add(Batches.event(now, "ERROR", tag + " good one"));                       // 0 ok
        events.add(Batches.event(now, "ERROR", ""));                                       // 1 empty message
        events.add(Batches.event(now, "LOUD", tag + " bad level"));                        // 2 unknown level
        events.add(Batches.event(now.plus(3, ChronoUnit.DAYS), "INFO", tag + " future"));  // 3 future
        Map<String, Object> unparsable = Batches.event(now, "INFO", tag + " bad time");
        unparsable.put("timestamp", "yesterday at noon");                                   // 4 unparsable
        events.add(unparsable);
        events.add(Batches.event(now, "INFO", "x".repeat(1_048_576)));                     // 5 1 MB message
        Map<String, Object> badStatus = Batches.event(now, "INFO", tag + " status");
        badStatus.put("http", Map.of("status", 9999));                                      // 6 not a status
        events.add(badStatus);
        events.add(Batches.event(now, "critical", tag + " good two"));                     // 7 ok, FATAL
        events.add(Batches.event(Instant.parse("0001-01-01T00:00:00Z"), "INFO", tag + " year one")); // 8 too old
        JsonPath r = ingest(Batches.shop(events));
        assertEquals(2, r.getInt("data.ingest.accepted"), r.prettify());
        List<Integer> indexes = r.getList("data.ingest.rejected.index");
        assertEquals(List.of(1, 2, 3, 4, 5, 6, 8), indexes);
        List<String> reasons = r.getList("data.ingest.rejected.reason");
        assertTrue(reasons.get(0).contains("message"), reasons.get(0));
        assertTrue(reasons.get(1).contains("unknown level 'LOUD'"), reasons.get(1));
        assertTrue(reasons.get(2).contains("future"), reasons.get(2));
        assertTrue(reasons.get(3).contains("ISO-8601"), reasons.get(3));
        assertTrue(reasons.get(4).contains("message is 1048576 characters"), reasons.get(4));
        assertTrue(reasons.get(5).contains("http.status"), reasons.get(5));
        assertTrue(reasons.get(6).contains("past"), reasons.get(6));
        List<Map<String, Object>> found = search(tag);
        assertEquals(2, found.size());
        assertTrue(found.stream().anyMatch(e -> e.get("level").equals("FATAL")), "critical is FATAL");
    }

    @Test
    void wholeBatchErrorsCarryACode() {
        List<Map<String, Object>> one = Batches.events(Instant.now(), 1, "whole");
        assertError(ingest(Batches.batch("nope", "prod", "k", one)), "UNKNOWN_PROJECT", "unknown project 'nope'");
        assertError(ingest(Batches.batch("shop", "qa", "shop-key-1", one)), "UNKNOWN_ENVIRONMENT", "no environment 'qa'");
        assertError(ingest(Batches.batch("shop", "prod", "wrong", one)), "INVALID_KEY", "ingest key is not valid");
        assertError(ingest(Batches.batch("shop", "prod", "other-key", one)), "INVALID_KEY", "ingest key");
        assertEquals(1, ingest(Batches.batch("shop", "prod", "shop-key-2", one)).getInt("data.ingest.accepted"),
                "the second key of a rotation works too");
        assertError(ingest(Batches.shop(Batches.events(Instant.now(), 10_000, "big"))), "TOO_LARGE", "at most 1000");
        Map<String, Object> noId = Batches.shop(one);
        noId.put("batchId", "");
        assertError(ingest(noId), "BAD_REQUEST", "batchId is required");
    }

    @Test
    void wrongTypesAreAGraphQLErrorNotAServerError() {
        Map<String, Object> batch = Batches.shop(List.of());
        batch.put("events", "not a list");
        JsonPath r = ingest(batch);
        assertNull(r.get("data"));
        String message = r.getString("errors[0].message");
        assertTrue(message.contains("Variable 'batch' has an invalid value"), message);

        Map<String, Object> e = new HashMap<>(Batches.event(Instant.now(), "INFO", "typed"));
        e.put("componentTrace", Map.of("not", "a list"));
        JsonPath r2 = ingest(Batches.shop(List.of(e)));
        assertTrue(r2.getList("errors").size() > 0, r2.prettify());
    }

    static void assertError(JsonPath r, String code, String text) {
        assertEquals(code, r.getString("errors[0].extensions.code"), r.prettify());
        assertTrue(r.getString("errors[0].message").contains(text), r.getString("errors[0].message"));
    }
}
