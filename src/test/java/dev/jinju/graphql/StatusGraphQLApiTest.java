package dev.jinju.graphql;

import dev.jinju.ingest.Batches;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The text index's lag is reported through GraphQL and as Prometheus gauges, and the delay of each write as a histogram. */
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

    @Test
    void eachWriteCountsInTheSearchableHistogramOnceItIsSearchable() throws Exception {
        double before = searchableCount();
        String tag = "tag" + java.util.UUID.randomUUID().toString().replace("-", "");
        JsonPath r = IngestGraphQLApiTest.ingest(Batches.shop(java.util.List.of(
                Batches.event(java.time.Instant.now().minusSeconds(5), "info", tag + " searchable soon"))));
        assertEquals(1, r.getInt("data.ingest.accepted"), r.prettify());
        long deadline = System.currentTimeMillis() + 30_000;
        while (searchableCount() <= before && System.currentTimeMillis() < deadline) {
            Thread.sleep(50);
        }
        assertTrue(searchableCount() > before, "the write was counted once the index made it searchable");
        assertEquals(1, IngestGraphQLApiTest.search(tag).size());
        String metrics = dev.jinju.security.Session.given().get("/q/metrics").asString();
        for (String bound : new String[]{"0.5", "1.0", "1.5", "2.0", "3.0", "5.0"}) {
            assertTrue(metrics.contains("jinju_index_searchable_seconds_bucket{le=\"" + bound + "\"}"), bound + " s bucket");
        }
    }

    /** {@code jinju_index_searchable_seconds_count}: writes the index has made searchable so far. */
    private static double searchableCount() {
        String metrics = dev.jinju.security.Session.given().get("/q/metrics").asString();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(?m)^jinju_index_searchable_seconds_count(?:\\{[^}]*\\})? (\\S+)$")
                .matcher(metrics);
        return m.find() ? Double.parseDouble(m.group(1)) : -1;
    }
}
