package dev.jinju.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.jinju.graphql.GraphQL;
import dev.jinju.security.Session;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue #7 item 8: every case of src/test/resources/bad-inputs/cases.jsonl against both ingest doors and the
 * search API. Each answer is a 4xx or a GraphQL error with a message (never a 500), the good events of a batch
 * are kept, and the server still answers afterwards.
 */
@QuarkusTest
class BadInputsTest {
    static final ObjectMapper JSON = new ObjectMapper();
    static final AtomicInteger SEQ = new AtomicInteger();
    static final String INGEST = "mutation($b: IngestBatch!) { ingest(batch: $b) { accepted rejected { index reason } } }";
    static final String EVENTS = "query($f: EventFilter!) { events(filter: $f, first: 5) { edges { node { id message } } } }";

    static Stream<Arguments> cases() throws Exception {
        List<Arguments> out = new ArrayList<>();
        try (InputStream in = BadInputsTest.class.getResourceAsStream("/bad-inputs/cases.jsonl")) {
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (!line.isBlank()) {
                    JsonNode c = JSON.readTree(line);
                    out.add(Arguments.of(c.get("kind").asText() + ": " + c.get("name").asText(), c));
                }
            }
        }
        return out.stream();
    }

    @Test
    void theCorpusHasAtLeast150Cases() throws Exception {
        assertTrue(cases().count() >= 150);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void refusedClearlyNeverA500(String name, JsonNode c) throws Exception {
        switch (c.get("kind").asText()) {
            case "body" -> body(c);
            case "event" -> event(c);
            case "query" -> search(Map.of("query", c.get("query").asText()), c.get("query").asText());
            case "filter" -> search(JSON.convertValue(c.get("filter"), Map.class), null);
            default -> throw new IllegalArgumentException(name);
        }
        // still healthy
        assertFalse(GraphQL.post("{ projects { name } }").getList("data.projects").isEmpty(), "server still answers");
    }

    static void body(JsonNode c) {
        byte[] body = c.has("bodyBase64") ? Base64.getDecoder().decode(c.get("bodyBase64").asText())
                : c.get("body").asText().getBytes(StandardCharsets.UTF_8);
        for (String type : List.of("application/json", "text/plain")) {
            Response r = given().contentType(type).body(body).post("/api/ingest");
            assertClient4xx(r, "/api/ingest " + type);
            if (r.statusCode() != 413) {
                String message = r.jsonPath().getString("error.message");
                assertTrue(message != null && !message.isBlank(), r.asString());
            }
        }
        Response g = Session.given().contentType("application/json").body(body).post("/graphql");
        assertTrue(g.statusCode() < 500, "/graphql answered " + g.statusCode() + ": " + g.asString());
        if (g.statusCode() == 200) {
            String message = g.jsonPath().getString("errors[0].message");
            assertTrue(message != null && !message.isBlank(), "a GraphQL error with a message: " + g.asString());
        }
    }

    static void assertClient4xx(Response r, String door) {
        assertTrue(r.statusCode() >= 400 && r.statusCode() < 500, door + " answered " + r.statusCode() + ": " + r.asString());
    }

    static void event(JsonNode c) throws Exception {
        String now = Instant.now().toString();
        String tag = "badinput" + SEQ.incrementAndGet();
        JsonNode bad = JSON.readTree(c.get("event").toString().replace("$NOW", now));
        List<Object> events = new ArrayList<>();
        events.add(Map.of("timestamp", now, "level", "info", "message", tag + " first good"));
        events.add(bad);
        events.add(Map.of("timestamp", now, "level", "info", "message", tag + " last good"));
        ObjectNode batch = JSON.valueToTree(Map.of("key", "shop-key-1", "project", "shop", "environment", "prod",
                "batchId", tag, "events", events));
        // the beacon door: 200, the good events kept, the bad one accepted or rejected with a reason
        Response r = given().contentType("text/plain").body(JSON.writeValueAsBytes(batch)).post("/api/ingest");
        assertEquals(200, r.statusCode(), r.asString());
        JsonPath p = r.jsonPath();
        List<Integer> rejected = p.getList("rejected.index");
        assertFalse(rejected.contains(0) || rejected.contains(2), "good events kept: " + r.asString());
        for (String reason : p.<String>getList("rejected.reason")) {
            assertFalse(reason.isBlank());
        }
        // the GraphQL door: the good events kept, or (a type error of the variables) a GraphQL error with a message
        batch.put("batchId", tag + "-gql");
        JsonPath g = GraphQL.postAnonymous(INGEST, Map.of("b", JSON.convertValue(batch, Map.class)));
        if (g.get("data.ingest") != null) {
            List<Integer> gRejected = g.getList("data.ingest.rejected.index");
            assertFalse(gRejected.contains(0) || gRejected.contains(2), g.prettify());
        } else {
            String message = g.getString("errors[0].message");
            assertTrue(message != null && !message.isBlank(), g.prettify());
            assertFalse(message.contains("System error") || message.contains("Server Error"), "a clear error: " + g.prettify());
        }
        // stored and searchable without harm
        Instant t = Instant.parse(now);
        List<Object> found = GraphQL.post(EVENTS, Map.of("f", Map.of("groups", List.of("/jinju/shop/prod"),
                "from", t.minusSeconds(60).toString(), "to", t.plusSeconds(60).toString(), "query", tag)))
                .getList("data.events.edges");
        assertNotNull(found);
        assertTrue(found.size() >= 2, "both good events are stored: " + found);
    }

    static void search(Map<String, Object> override, String query) {
        Instant now = Instant.now();
        Map<String, Object> filter = new java.util.HashMap<>(Map.of("groups", List.of("/jinju/shop/prod"),
                "from", now.minusSeconds(3600).toString(), "to", now.plusSeconds(60).toString()));
        filter.putAll(override);
        Response r = Session.given().contentType("application/json")
                .body(Map.of("query", EVENTS, "variables", Map.of("f", filter))).post("/graphql");
        assertEquals(200, r.statusCode(), r.asString());
        JsonPath g = r.jsonPath();
        if (g.get("errors") != null) {
            String message = g.getString("errors[0].message");
            assertTrue(message != null && !message.isBlank() && !message.contains("System error")
                    && !message.contains("Server Error"), "a clear error: " + g.prettify());
        }
        if (query != null) {
            int status;
            try {
                status = Session.given().queryParam("groups", "/jinju/shop/prod").queryParam("from", now.minusSeconds(3600).toString())
                        .queryParam("to", now.plusSeconds(60).toString()).queryParam("query", query).get("/api/export")
                        .statusCode();
            } catch (Exception closed) { // rest-assured rethrows the socket's IOException unchecked
                if (!(closed instanceof java.net.SocketException)) {
                    throw new AssertionError("/api/export failed", closed);
                }
                // A request line over the server's limit (4 096 bytes) is answered 414 and the connection closed,
                // which can reach the client as a broken pipe while it is still sending the URL.
                int urlBytes = java.net.URLEncoder.encode(query, StandardCharsets.UTF_8).length();
                assertTrue(urlBytes > 4_096, "the connection closed on a " + urlBytes + "-byte query: " + closed);
                return;
            }
            assertTrue(status == 200 || (status >= 400 && status < 500), "/api/export answered " + status);
        }
    }
}
