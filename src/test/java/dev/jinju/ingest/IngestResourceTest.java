package dev.jinju.ingest;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

/** {@code POST /api/ingest}: the beacon door, its content types, keys, origins and error answers. */
@QuarkusTest
class IngestResourceTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    static String body(Map<String, Object> batch) throws Exception {
        return JSON.writeValueAsString(batch);
    }

    @Test
    void acceptsJsonAndTextPlainBodies() throws Exception {
        String json = body(Batches.shop(Batches.events(Instant.now(), 3, "rest-json")));
        given().contentType(ContentType.JSON).body(json).post("/api/ingest")
                .then().statusCode(200).body("accepted", equalTo(3)).body("rejected", hasSize(0));
        String beacon = body(Batches.shop(Batches.events(Instant.now(), 2, "rest-beacon")));
        given().contentType("text/plain;charset=UTF-8").header("Origin", "https://shop.example.com").body(beacon)
                .post("/api/ingest")
                .then().statusCode(200).body("accepted", equalTo(2))
                .header("Access-Control-Allow-Origin", "https://shop.example.com");
    }

    @Test
    void keyMayComeInTheUrl() throws Exception {
        Map<String, Object> batch = Batches.shop(Batches.events(Instant.now(), 1, "rest-urlkey"));
        batch.remove("key");
        given().contentType("text/plain").body(body(batch)).queryParam("key", "shop-key-2").post("/api/ingest")
                .then().statusCode(200).body("accepted", equalTo(1));
    }

    @Test
    void perEventRejectionsKeepTheGoodEvents() throws Exception {
        List<Map<String, Object>> events = new java.util.ArrayList<>(Batches.events(Instant.now(), 2, "rest-mixed"));
        events.add(Map.of("timestamp", Instant.now().toString(), "level", "ERROR"));
        given().contentType(ContentType.JSON).body(body(Batches.shop(events))).post("/api/ingest")
                .then().statusCode(200).body("accepted", equalTo(2))
                .body("rejected[0].index", equalTo(2)).body("rejected[0].reason", containsString("message"));
    }

    @Test
    void badRequestsGetClearStatusesNotServerErrors() throws Exception {
        given().contentType(ContentType.JSON).body("{\"project\": \"shop\", \"events\": [").post("/api/ingest")
                .then().statusCode(400).body("error.code", equalTo("BAD_REQUEST"))
                .body("error.message", containsString("not a valid IngestBatch JSON"));
        given().contentType(ContentType.JSON).body("{\"events\": 42}").post("/api/ingest")
                .then().statusCode(400).body("error.code", equalTo("BAD_REQUEST"));
        given().contentType(ContentType.JSON).body("").post("/api/ingest")
                .then().statusCode(400).body("error.code", equalTo("BAD_REQUEST"));
        given().contentType(ContentType.JSON).body(body(Batches.batch("nope", "prod", "k", List.of())))
                .post("/api/ingest").then().statusCode(404).body("error.code", equalTo("UNKNOWN_PROJECT"));
        given().contentType(ContentType.JSON).body(body(Batches.batch("shop", "prod", "bad", List.of())))
                .post("/api/ingest").then().statusCode(401).body("error.code", equalTo("INVALID_KEY"));
        given().contentType(ContentType.JSON).body(body(Batches.shop(Batches.events(Instant.now(), 1_001, "big"))))
                .post("/api/ingest").then().statusCode(413).body("error.code", equalTo("TOO_LARGE"));
        given().contentType(ContentType.JSON).header("Origin", "https://evil.example.net")
                .body(body(Batches.shop(Batches.events(Instant.now(), 1, "evil")))).post("/api/ingest")
                .then().statusCode(403).body("error.code", equalTo("FORBIDDEN_ORIGIN"))
                .header("Access-Control-Allow-Origin", nullValue());
    }

    @Test
    void preflightIsAnsweredForAllowedOriginsAndCached() {
        given().header("Origin", "https://shop.example.com").header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "content-type")
                .options("/graphql")
                .then().statusCode(204)
                .header("Access-Control-Allow-Origin", "https://shop.example.com")
                .header("Access-Control-Max-Age", "86400")
                .header("Access-Control-Allow-Methods", containsString("POST"));
        given().header("Origin", "https://evil.example.net").header("Access-Control-Request-Method", "POST")
                .options("/api/ingest")
                .then().header("Access-Control-Allow-Origin", nullValue());
    }

    @Test
    void nothingIsIndexedBySearchEngines() {
        given().get("/robots.txt").then().statusCode(200).body(containsString("Disallow: /"))
                .header("X-Robots-Tag", "noindex, nofollow");
        given().contentType(ContentType.JSON).body("{\"query\":\"{ projects { name } }\"}").post("/graphql")
                .then().header("X-Robots-Tag", "noindex, nofollow");
    }
}
