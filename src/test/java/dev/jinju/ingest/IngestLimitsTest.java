package dev.jinju.ingest;

import dev.jinju.event.EventJson;
import dev.jinju.graphql.GraphQL;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Issue #7 item 7: rate limits per ingest key, body size, gzip bodies and gzip bombs. */
@QuarkusTest
class IngestLimitsTest {
    static final String INGEST = "mutation($b: IngestBatch!) { ingest(batch: $b) { accepted } }";

    static byte[] json(Object o) throws Exception {
        return EventJson.mapper().writeValueAsBytes(o);
    }

    static int stored(String tag) {
        Instant now = Instant.now();
        return GraphQL.post("query($f: EventFilter!) { events(filter: $f, first: 100) { edges { node { id } } } }",
                Map.of("f", Map.of("groups", List.of("/jinju/limited/prod"), "from", now.minusSeconds(3600).toString(),
                        "to", now.plusSeconds(60).toString(), "query", tag))).getList("data.events.edges").size();
    }

    @Test
    void overTheRateLimitIs429WithRetryAfterAndNothingIsStored() throws Exception {
        // limited: burst 5, then 0.5 events/s (application.properties, %test)
        Map<String, Object> first = Batches.batch("limited", "prod", "limited-key", Batches.events(Instant.now(), 4, "ratelimita"));
        first.put("batchId", "rate-1");
        given().contentType(ContentType.JSON).body(json(first)).post("/api/ingest").then().statusCode(200)
                .body("accepted", equalTo(4));
        Map<String, Object> second = Batches.batch("limited", "prod", "limited-key", Batches.events(Instant.now(), 3, "ratelimitb"));
        second.put("batchId", "rate-2");
        given().contentType(ContentType.JSON).body(json(second)).post("/api/ingest").then().statusCode(429)
                .header("Retry-After", notNullValue()).body("error.code", equalTo("RATE_LIMITED"))
                .body("error.message", containsString("jinju.ingest.rate-limit"));
        var r = GraphQL.postAnonymous(INGEST, Map.of("b", second));
        assertEquals("RATE_LIMITED", r.getString("errors[0].extensions.code"), r.prettify());
        assertEquals(4, stored("ratelimita"));
        assertEquals(0, stored("ratelimitb"), "nothing beyond the limit is stored");
        // the bucket is per key: the project's other key still has its own
        second.put("key", "limited-key-2");
        given().contentType(ContentType.JSON).body(json(second)).post("/api/ingest").then().statusCode(200);
        // and another project is not affected at all
        given().contentType(ContentType.JSON).body(json(Batches.shop(Batches.events(Instant.now(), 50, "notlimited"))))
                .post("/api/ingest").then().statusCode(200).body("accepted", equalTo(50));
    }

    @Test
    void gzipBodiesAreAcceptedAndBombsRefused() throws Exception {
        Map<String, Object> batch = Batches.shop(Batches.events(Instant.now(), 3, "gzipped"));
        batch.put("batchId", "gzip-1");
        given().contentType("text/plain").header("Content-Encoding", "gzip").body(gzip(json(batch)))
                .post("/api/ingest").then().statusCode(200).body("accepted", equalTo(3));
        // 64 MiB of spaces inside a JSON string: ~64 KiB on the wire
        ByteArrayOutputStream raw = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(raw)) {
            gz.write("{\"key\":\"shop-key-1\",\"project\":\"shop\",\"message\":\"".getBytes());
            byte[] spaces = new byte[1 << 20];
            java.util.Arrays.fill(spaces, (byte) ' ');
            for (int i = 0; i < 64; i++) {
                gz.write(spaces);
            }
            gz.write("\"}".getBytes());
        }
        assertTrue(raw.size() < 1 << 20, "a bomb: " + raw.size());
        given().contentType(ContentType.JSON).header("Content-Encoding", "gzip").body(raw.toByteArray())
                .post("/api/ingest").then().statusCode(413).body("error.code", equalTo("TOO_LARGE"))
                .body("error.message", containsString("decompressed"));
        given().contentType(ContentType.JSON).header("Content-Encoding", "gzip").body("not gzip at all".getBytes())
                .post("/api/ingest").then().statusCode(400).body("error.message", containsString("gzip"));
        given().contentType(ContentType.JSON).header("Content-Encoding", "br").body(json(batch))
                .post("/api/ingest").then().statusCode(415);
    }

    @Test
    void bodiesOverTheLimitAre413() throws Exception {
        // announce 11 MiB (quarkus.http.limits.max-body-size is 10M): the answer comes before the body is read
        try (java.net.Socket socket = new java.net.Socket("localhost", io.restassured.RestAssured.port)) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(("POST /api/ingest HTTP/1.1\r\nHost: localhost\r\nContent-Type: text/plain\r\n"
                    + "Content-Length: " + (11 * 1024 * 1024) + "\r\n\r\n{\"key\":").getBytes());
            socket.getOutputStream().flush();
            String status = new java.io.BufferedReader(new java.io.InputStreamReader(socket.getInputStream())).readLine();
            assertTrue(status != null && status.contains(" 413 "), String.valueOf(status));
        }
    }

    static byte[] gzip(byte[] data) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(data);
        }
        return out.toByteArray();
    }
}
