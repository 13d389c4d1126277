package dev.jinju.retention;

import dev.jinju.graphql.GraphQL;
import dev.jinju.ingest.Batches;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A project's retention-days removes its older events and keeps the newer ones. */
@QuarkusTest
class RetentionServiceTest {
    @Inject
    RetentionService retention;

    @Test
    void eventsOlderThanTheRetentionAreDeleted() {
        Instant now = Instant.now();
        List<Map<String, Object>> events = List.of(
                Batches.event(now.minus(10, ChronoUnit.DAYS), "ERROR", "retention old"),
                Batches.event(now.minus(2, ChronoUnit.DAYS), "ERROR", "retention recent"));
        JsonPath r = GraphQL.post("mutation($b: IngestBatch!) { ingest(batch: $b) { accepted } }",
                Map.of("b", Batches.batch("other", "prod", "other-key", events)));
        assertEquals(2, r.getInt("data.ingest.accepted"), r.prettify());
        assertTrue(retention.applyAll() >= 1);
        JsonPath found = GraphQL.post("query($f: EventFilter!) { events(filter: $f) { edges { node { message } } } }",
                Map.of("f", Map.of("groups", List.of("/jinju/other/prod"), "from", now.minus(14, ChronoUnit.DAYS).toString(),
                        "to", now.toString(), "query", "retention")));
        assertEquals(List.of("retention recent"), found.getList("data.events.edges.node.message"));
    }
}
