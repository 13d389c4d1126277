package dev.jinju.graphql;

import dev.jinju.ingest.IngestBatch;
import org.junit.jupiter.api.Test;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

/** Reading the ingest mutation's batch straight from the request body, and leaving to GraphQL what it must judge. */
class IngestBatchJsonTest {
    static final String EVENT = "{\"timestamp\":\"2026-11-27T10:00:00Z\",\"level\":\"error\",\"message\":\"결제 failed\"}";

    private static IngestBatch read(String body) {
        return IngestBatchJson.request(body.getBytes(StandardCharsets.UTF_8), "Ingest", "b");
    }

    private static String request(String batch) {
        return "{\"query\":\"mutation Ingest($b: IngestBatch!) { ingest(batch: $b) { accepted } }\","
                + "\"operationName\":\"Ingest\",\"variables\":{\"b\":" + batch + "}}";
    }

    private static String batch(String events) {
        return "{\"key\":\"k\",\"project\":\"shop\",\"environment\":\"prod\",\"batchId\":\"b1\",\"events\":" + events + "}";
    }

    @Test
    void readsEveryFieldOfTheBatchAndItsEvents() {
        IngestBatch b = read(request("{\"key\":\"k\",\"project\":\"shop\",\"environment\":\"prod\",\"batchId\":\"b1\","
                + "\"context\":{\"url\":\"https://x/\",\"userAgent\":\"UA\",\"user\":{\"id\":\"7\",\"email\":null,"
                + "\"name\":\"김\"},\"release\":\"r1\",\"pageViewId\":\"pv\"},\"events\":[{\"timestamp\":\"t\","
                + "\"level\":\"warn\",\"type\":\"http\",\"code\":\"E1\",\"message\":\"m \\\"q\\\"\\n2\",\"stackTrace\":"
                + "\"at x\",\"url\":\"https://x/pay\",\"location\":\"a.js:1\",\"componentTrace\":[\"A\",\"B\"],"
                + "\"http\":{\"method\":\"post\",\"status\":503},\"user\":{\"id\":\"8\"},\"requestId\":\"r\","
                + "\"extra\":{\"n\":1,\"f\":1.0,\"e\":1e3,\"big\":12345678901234567890,\"l\":[true,null,{\"d\":[]}]}},"
                + "null]}"));
        assertNotNull(b);
        assertEquals(List.of("k", "shop", "prod", "b1"), List.of(b.key(), b.project(), b.environment(), b.batchId()));
        assertEquals(new IngestBatch.Context("https://x/", "UA", new IngestBatch.UserData("7", null, "김"), "r1", "pv"),
                b.context());
        assertEquals(2, b.events().size());
        assertNull(b.events().get(1));
        IngestBatch.Event e = b.events().get(0);
        assertEquals(List.of("t", "warn", "http", "E1", "m \"q\"\n2", "at x", "https://x/pay", "a.js:1", "r"),
                List.of(e.timestamp(), e.level(), e.type(), e.code(), e.message(), e.stackTrace(), e.url(),
                        e.location(), e.requestId()));
        assertEquals(List.of("A", "B"), e.componentTrace());
        assertEquals(new IngestBatch.HttpData("post", 503), e.http());
        assertEquals(new IngestBatch.UserData("8", null, null), e.user());
        Map<String, Object> extra = e.extra();
        assertEquals(1L, extra.get("n"));
        assertEquals(1.0, extra.get("f"));
        assertEquals(1000.0, extra.get("e"));
        assertEquals(new BigInteger("12345678901234567890"), extra.get("big"));
        assertEquals(Arrays.asList(true, null, Map.of("d", List.of())), extra.get("l"));
        assertEquals(List.of("n", "f", "e", "big", "l"), List.copyOf(extra.keySet()));
    }

    @Test
    void membersMayComeInAnyOrderAndUndeclaredVariablesAreIgnored() {
        IngestBatch b = read("{\"variables\":{\"other\":{\"x\":[1,{\"y\":2}]},\"b\":" + batch("[" + EVENT + "]")
                + "},\"operationName\":null,\"query\":\"mutation Ingest($b: IngestBatch!) { ingest(batch: $b) { accepted } }\"}");
        assertNotNull(b);
        assertEquals("결제 failed", b.events().get(0).message());
    }

    @Test
    void inputGraphQLWouldCoerceOrRefuseIsLeftToIt() {
        String ok = EVENT.substring(0, EVENT.length() - 1);
        List<String> odd = List.of(
                request(batch("[" + ok + ",\"http\":{\"status\":500.0}}]")),      // an Int written as a float
                request(batch("[" + ok + ",\"http\":{\"status\":5e2}}]")),
                request(batch("[" + ok + ",\"http\":{\"status\":5000000000}}]")), // out of range
                request(batch("[" + ok + ",\"code\":5}]")),                       // a number for a string
                request(batch("[" + ok + ",\"colour\":\"red\"}]")),               // an unknown field
                request(batch("[{\"timestamp\":\"t\",\"level\":\"error\"}]")),     // no message
                request(batch("[" + ok + ",\"message\":null}]")),                  // a required field null
                request(batch("[" + ok + ",\"componentTrace\":\"App\"}]")),       // one string for a list
                request(batch("[" + ok + ",\"componentTrace\":[null]}]")),        // null in a list of String!
                request(batch("[" + ok + ",\"extra\":\"text\"}]")),               // extra not an object
                request(batch(EVENT)),                                             // one event for the list
                request(batch("null")),
                request("{\"key\":\"k\",\"project\":\"shop\",\"environment\":\"prod\",\"events\":[]}"), // no batchId
                request("null"),
                request(batch("[]")).replace("\"operationName\":\"Ingest\"", "\"operationName\":\"Other\""),
                request(batch("[]")).replace("}}}", "}},\"extensions\":{}}"),     // a member for SmallRye
                request(batch("[]")).replace("\"b\":", "\"c\":"),                 // the variable missing
                request(batch("[]")) + " {}",                                      // content after the value
                request(batch("[]")).substring(5),                                 // not JSON
                "[]");
        for (String body : odd) {
            assertNull(read(body), body);
        }
        assertNotNull(read(request(batch("[]"))), "the same request, plainly typed");
    }
}
