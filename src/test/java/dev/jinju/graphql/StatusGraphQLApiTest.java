package dev.jinju.graphql;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The text index's lag is reported through GraphQL and as Prometheus gauges. */
@QuarkusTest
class StatusGraphQLApiTest {
    @Test
    void indexLagIsReported() {
        JsonPath r = GraphQL.post("{ indexStatus { lagEvents lagMillis } }");
        assertNotNull(r.get("data.indexStatus"), r.prettify());
        assertTrue(r.getLong("data.indexStatus.lagEvents") >= 0);
        dev.jinju.security.Session.given().get("/q/metrics").then().statusCode(200)
                .body(containsString("jinju_index_lag_events"))
                .body(containsString("jinju_index_lag_seconds"));
    }
}
