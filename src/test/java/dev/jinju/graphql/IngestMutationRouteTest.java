package dev.jinju.graphql;

import dev.jinju.security.Session;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The ingest mutation answered without SmallRye ({@link IngestMutationRoute}) behaves exactly as SmallRye does:
 * each request is sent once as the SDK writes it (answered by the route) and once with an empty
 * {@code "extensions"} member, which changes nothing in the answer but makes the route pass it to SmallRye; answers
 * and stored events must be the same, and every input the route does not take must get SmallRye's own error.
 */
@QuarkusTest
class IngestMutationRouteTest {
    static final String MUTATION = "mutation Ingest($b: IngestBatch!) { ingest(batch: $b) "
            + "{ rejected { __typename reason index } accepted __typename } }";
    static final boolean DIRECT = false;
    static final boolean VIA_SMALLRYE = true;

    @Inject
    IngestMutationRoute route;

    private static String body(boolean viaSmallRye, String batchJson) {
        return body(MUTATION, batchJson, viaSmallRye);
    }

    private static String body(String query, String batchJson, boolean viaSmallRye) {
        return "{\"query\":\"" + query.replace("\"", "\\\"") + "\",\"operationName\":\"Ingest\",\"variables\":{\"b\":"
                + batchJson + "}" + (viaSmallRye ? ",\"extensions\":{}" : "") + "}";
    }

    private static Response post(String body, String accept) {
        var request = given().contentType("application/json").body(body);
        if (accept != null) {
            request.accept(accept);
        }
        return request.when().post("/graphql").then().extract().response();
    }

    private static String batch(String tag, String events) {
        return "{\"key\":\"shop-key-1\",\"project\":\"shop\",\"environment\":\"prod\",\"batchId\":\"" + tag
                + UUID.randomUUID() + "\",\"context\":{\"url\":\"https://shop.example.com/cart\",\"userAgent\":"
                + "\"Mozilla/5.0 Test\",\"user\":{\"id\":\"7\",\"email\":null,\"name\":\"김민준\"},\"release\":"
                + "\"web@2.0.0\",\"pageViewId\":\"pv-9\"},\"events\":" + events + "}";
    }

    /** Events with every field, numbers JSON can write in several ways, text to escape, and two bad events. */
    private static String events(String tag) {
        String ts = Instant.now().minusSeconds(30).toString();
        return "[{\"timestamp\":\"" + ts + "\",\"level\":\"warning\",\"type\":\"http\",\"code\":\"E_PAY\","
                + "\"message\":\"" + tag + " 결제 실패 \\\"quoted\\\" </script>\\n line two\",\"stackTrace\":"
                + "\"Error: boom\\n    at pay (app.js:1:2)\",\"url\":\"https://shop.example.com/pay\",\"location\":"
                + "\"app.js:1:2\",\"componentTrace\":[\"PayButton\",\"App\"],\"http\":{\"method\":\"post\","
                + "\"status\":503},\"user\":{\"id\":\"8\"},\"requestId\":\"r-1\",\"extra\":{\"int\":1,\"one\":1.0,"
                + "\"exp\":1e3,\"big\":12345678901234567890,\"negZero\":-0,\"frac\":0.1,\"tiny\":1.5e-7,\"list\":"
                + "[1,2.5,\"x\",null,true,{\"deep\":[]}],\"obj\":{\"n\":null,\"s\":\"é\"}}},"
                + "null,"
                + "{\"timestamp\":\"not \\\"a\\\" time 시간\",\"level\":\"error\",\"message\":\"" + tag + " bad time\"},"
                + "{\"timestamp\":\"" + ts + "\",\"level\":\"loud\",\"message\":\"" + tag + " bad level\","
                + "\"extra\":null,\"http\":null,\"componentTrace\":null}]";
    }

    private static List<Map<String, Object>> stored(String tag) {
        Instant now = Instant.now();
        List<Map<String, Object>> found = new ArrayList<>();
        for (Map<String, Object> e : IngestGraphQLApiTest.search(tag)) {
            Map<String, Object> copy = new HashMap<>(e);
            copy.remove("id");
            copy.remove("fingerprint"); // of the message, which holds the tag
            copy.put("message", ((String) e.get("message")).replace(tag, "TAG"));
            found.add(copy);
        }
        assertTrue(now.isAfter(Instant.now().minus(1, ChronoUnit.MINUTES)));
        return found;
    }

    @Test
    void answersAndStoresExactlyAsSmallRyeDoes() {
        long before = route.answered();
        Response direct = post(body(DIRECT, batch("direct", events("directtag"))), null);
        assertEquals(before + 1, route.answered(), "the SDK's document is answered by the route");
        Response smallrye = post(body(VIA_SMALLRYE, batch("smallrye", events("smallryetag"))), null);
        assertEquals(before + 1, route.answered(), "an alias goes to SmallRye");

        assertEquals(200, direct.statusCode());
        assertEquals(smallrye.contentType(), direct.contentType());
        assertEquals(smallrye.asString(), direct.asString());
        assertTrue(direct.asString().startsWith("{\"data\":{\"ingest\":{\"rejected\":[{\"__typename\":\"Rejection\","),
                direct.asString());
        assertEquals(1, direct.jsonPath().getInt("data.ingest.accepted"), direct.asString());
        assertEquals(List.of(1, 2, 3), direct.jsonPath().getList("data.ingest.rejected.index"));

        List<Map<String, Object>> viaRoute = stored("directtag");
        assertEquals(1, viaRoute.size());
        assertEquals(stored("smallryetag"), viaRoute);
        assertEquals(Map.of("method", "POST", "status", 503), viaRoute.get(0).get("http"));
    }

    @Test
    void theAcceptHeaderChoosesTheContentTypeAsWithSmallRye() {
        for (String accept : new String[] {"application/json", "application/graphql-response+json", "*/*"}) {
            long before = route.answered();
            String batch = batch("accept", events("accepttag"));
            Response direct = post(body(DIRECT, batch), accept);
            Response smallrye = post(body(VIA_SMALLRYE, batch), accept); // a retry of the same batch
            assertEquals(before + 1, route.answered(), accept);
            assertEquals(smallrye.contentType(), direct.contentType(), accept);
            assertEquals(smallrye.asString(), direct.asString(), accept);
        }
        long before = route.answered();
        Response html = post(body(DIRECT, batch("html", events("htmltag"))), "text/html");
        assertEquals(406, html.statusCode(), "SmallRye refuses what it cannot write");
        assertEquals(before, route.answered());
    }

    /** Inputs GraphQL coerces or refuses go to SmallRye, whose answer (an error, mostly) the client gets. */
    @Test
    void inputsThatAreNotPlainlyOfTheirTypeGetSmallRyesAnswer() {
        String ts = Instant.now().minusSeconds(10).toString();
        String good = "\"timestamp\":\"" + ts + "\",\"level\":\"error\",\"message\":\"odd input\"";
        List<String> odd = List.of(
                "[{" + good + ",\"http\":{\"status\":500.0}}]",       // an Int written as a float
                "[{" + good + ",\"http\":{\"status\":5000000000}}]",  // an Int out of range
                "[{" + good + ",\"code\":5}]",                        // a number for a string
                "[{" + good + ",\"colour\":\"red\"}]",                // an unknown field
                "[{\"timestamp\":\"" + ts + "\",\"level\":\"error\"}]", // no message
                "[{" + good + ",\"componentTrace\":\"App\"}]",        // one string for a list
                "[{" + good + ",\"extra\":\"text\"}]",                // extra that is not an object
                "{" + good + "}");                                     // one event for the list
        for (String events : odd) {
            String batch = batch("odd", events); // the same batch id both times: SmallRye may accept it
            long before = route.answered();
            Response direct = post(body(DIRECT, batch), null);
            Response smallrye = post(body(VIA_SMALLRYE, batch), null);
            assertEquals(before, route.answered(), events);
            assertEquals(smallrye.statusCode(), direct.statusCode(), events);
            assertEquals(smallrye.asString(), direct.asString(), events);
        }
        // and a batch whose key is wrong: the service refuses it, nothing is stored, SmallRye words the error
        String wrongKey = batch("key", "[{" + good + "}]").replace("shop-key-1", "not-a-key");
        long before = route.answered();
        Response direct = post(body(DIRECT, wrongKey), null);
        assertEquals(before, route.answered());
        assertTrue(direct.asString().contains("\"errors\""), direct.asString());
        assertEquals(post(body(VIA_SMALLRYE, wrongKey), null).asString(), direct.asString());
    }

    @Test
    void otherOperationNamesAndDocumentsAreLeftToSmallRye() {
        long before = route.answered();
        String batch = batch("name", events("nametag"));
        Response wrongName = post(body(DIRECT, batch).replace("\"operationName\":\"Ingest\"",
                "\"operationName\":\"Other\""), null);
        assertTrue(wrongName.asString().contains("Unknown operation named 'Other'."), wrongName.asString());
        Response twoFields = post(body("mutation Ingest($b: IngestBatch!) { ingest(batch: $b) { accepted } "
                + "again: ingest(batch: $b) { accepted } }", batch, false), null);
        Response alias = post(body(MUTATION.replace("{ ingest(", "{ saved: ingest("), batch, false), null);
        assertEquals(1, alias.jsonPath().getInt("data.saved.accepted"), alias.asString());
        assertEquals(2, twoFields.jsonPath().getMap("data").size(), twoFields.asString());
        Response query = Session.given().contentType("application/json")
                .body(Map.of("query", "{ projects { name } }")).when().post("/graphql").then().extract().response();
        assertTrue(query.asString().contains("\"projects\""), query.asString());
        assertEquals(before, route.answered());
    }
}
