package dev.jinju.graphql;

import dev.jinju.ingest.Batches;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static dev.jinju.graphql.IngestGraphQLApiTest.assertError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Reading through GraphQL: projects, log groups, events with cursor paging, one event, histograms, errors. */
@QuarkusTest
class SearchGraphQLApiTest {
    static final String EVENTS = "query($f: EventFilter!, $first: Int, $after: String) { events(filter: $f, first: $first, after: $after) "
            + "{ edges { cursor node { id message level timestamp group stream project environment } } pageInfo { hasNextPage endCursor } } }";
    /** A window of its own, two days back, so other tests' events do not fall into it. */
    static final Instant BASE = Instant.now().minus(2, ChronoUnit.DAYS).truncatedTo(ChronoUnit.HOURS);

    private static boolean seeded;

    @BeforeEach
    void seed() {
        if (seeded) {
            return;
        }
        seeded = true;
        List<Map<String, Object>> events = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            Map<String, Object> e = Batches.event(BASE.plusSeconds(i * 60L), i % 3 == 0 ? "ERROR" : "INFO",
                    "searchseed " + (i % 2 == 0 ? "payment failed" : "결제가 실패했습니다") + " #" + i);
            if (i % 5 == 0) {
                e.put("http", Map.of("method", "GET", "status", 500 + i));
            }
            events.add(e);
        }
        Map<String, Object> batch = Batches.batch("shop", "dev", "shop-key-1", events);
        batch.put("batchId", "search-seed-" + BASE.toEpochMilli());
        assertEquals(30, GraphQL.post(IngestGraphQLApiTest.INGEST, Map.of("batch", batch)).getInt("data.ingest.accepted"));
    }

    static Map<String, Object> filter(String query) {
        Map<String, Object> f = new HashMap<>();
        f.put("groups", List.of("/jinju/shop/dev"));
        f.put("from", BASE.toString());
        f.put("to", BASE.plus(1, ChronoUnit.HOURS).toString());
        f.put("query", query);
        return f;
    }

    static JsonPath events(Map<String, Object> filter, int first, String after) {
        Map<String, Object> vars = new HashMap<>();
        vars.put("f", filter);
        vars.put("first", first);
        vars.put("after", after);
        return GraphQL.post(EVENTS, vars);
    }

    @Test
    void projectsListEnvironmentsAndTheirGroups() {
        JsonPath r = GraphQL.post("{ projects { name environments { name logGroups { name } } } }");
        List<Map<String, Object>> projects = r.getList("data.projects");
        Map<String, Object> shop = projects.stream().filter(p -> p.get("name").equals("shop")).findFirst().orElseThrow();
        assertEquals(List.of(Map.of("name", "prod", "logGroups", List.of(Map.of("name", "/jinju/shop/prod"))),
                Map.of("name", "dev", "logGroups", List.of(Map.of("name", "/jinju/shop/dev")))), shop.get("environments"));
        JsonPath g = GraphQL.post("{ logGroups(project: \"shop\", environment: \"dev\") { name } }");
        assertEquals(List.of("/jinju/shop/dev"), g.getList("data.logGroups.name"));
    }

    @Test
    void pagesWalkNewestFirstWithCursors() {
        List<String> seen = new ArrayList<>();
        String after = null;
        int pages = 0;
        do {
            JsonPath r = events(filter(""), 7, after);
            assertNull(r.get("errors"), r::prettify);
            List<String> messages = r.getList("data.events.edges.node.message");
            seen.addAll(messages);
            after = r.getBoolean("data.events.pageInfo.hasNextPage") ? r.getString("data.events.pageInfo.endCursor") : null;
            pages++;
        } while (after != null);
        assertEquals(30, seen.size());
        assertEquals(5, pages);
        assertTrue(seen.get(0).endsWith("#29") && seen.get(29).endsWith("#0"), "newest first");

        // Any edge's cursor continues right after that edge.
        JsonPath first = events(filter(""), 5, null);
        String third = first.getString("data.events.edges[2].cursor");
        JsonPath rest = events(filter(""), 2, third);
        assertEquals(List.of(seen.get(3), seen.get(4)), rest.getList("data.events.edges.node.message"));
    }

    @Test
    void queriesAndLevelsFilter() {
        JsonPath r = events(filter("결제 level:error"), 100, null);
        List<String> messages = r.getList("data.events.edges.node.message");
        assertFalse(messages.isEmpty());
        assertTrue(messages.stream().allMatch(m -> m.contains("결제")), messages.toString());
        Map<String, Object> f = filter("http.status:>=510");
        f.put("levels", List.of("ERROR"));
        assertEquals(List.of("searchseed 결제가 실패했습니다 #15"), events(f, 100, null).getList("data.events.edges.node.message"));
    }

    @Test
    void oneEventById() {
        JsonPath r = events(filter("#7"), 1, null);
        String id = r.getString("data.events.edges[0].node.id");
        JsonPath one = GraphQL.post("query($id: ID!) { event(id: $id) { id message group stream project environment level } }",
                Map.of("id", id));
        assertEquals("searchseed 결제가 실패했습니다 #7", one.getString("data.event.message"));
        assertEquals("/jinju/shop/dev", one.getString("data.event.group"));
        assertEquals("shop", one.getString("data.event.project"));
        assertEquals("dev", one.getString("data.event.environment"));
        assertTrue(one.getString("data.event.stream").matches("\\d{4}/\\d{2}/\\d{2}/\\d{2}"));
        assertNull(GraphQL.post("{ event(id: \"no-such-id\") { id } }").get("data.event"));
    }

    @Test
    void histogramCountsPerLevel() {
        JsonPath r = GraphQL.post("query($f: EventFilter!) { histogram(filter: $f, buckets: 3) { start end counts { level count } } }",
                Map.of("f", filter("")));
        List<Map<String, Object>> buckets = r.getList("data.histogram");
        assertEquals(3, buckets.size());
        assertEquals(BASE.toString(), Instant.parse((String) buckets.get(0).get("start")).toString());
        // Minutes 0..19 fall into the first bucket: 7 errors (0,3,..,18) and 13 infos.
        assertEquals(List.of(Map.of("level", "INFO", "count", 13), Map.of("level", "ERROR", "count", 7)),
                buckets.get(0).get("counts"));
        assertEquals(List.of(), buckets.get(2).get("counts"));
        JsonPath q = GraphQL.post("query($f: EventFilter!) { histogram(filter: $f, buckets: 1) { counts { level count } } }",
                Map.of("f", filter("payment")));
        assertEquals(List.of(Map.of("level", "INFO", "count", 10), Map.of("level", "ERROR", "count", 5)),
                q.getList("data.histogram[0].counts"));
    }

    @Test
    void malformedQueryNamesThePosition() {
        JsonPath r = events(filter("level:error (payment"), 10, null);
        assertError(r, "BAD_QUERY", "position 20");
        assertEquals(20, r.getInt("errors[0].extensions.position"));
        assertError(events(filter("colour:red"), 10, null), "BAD_QUERY", "known fields are");
    }

    @Test
    void badFiltersAndCursorsAreRefusedClearly() {
        Map<String, Object> backwards = filter("");
        backwards.put("from", BASE.plusSeconds(3600).toString());
        backwards.put("to", BASE.toString());
        assertError(events(backwards, 10, null), "BAD_FILTER", "must be before");
        Map<String, Object> unknown = filter("");
        unknown.put("groups", List.of("/jinju/nope/prod"));
        assertError(events(unknown, 10, null), "UNKNOWN_GROUP", "/jinju/nope/prod");
        String cursor = events(filter(""), 2, null).getString("data.events.pageInfo.endCursor");
        assertNotNull(cursor);
        assertError(events(filter("payment"), 2, cursor), "BAD_CURSOR", "another search");
        assertError(events(filter(""), 2, "garbage!"), "BAD_CURSOR", "not a cursor");
        assertError(events(filter(""), 0, null), "BAD_FILTER", "first must be");
        Map<String, Object> badDate = filter("");
        badDate.put("from", "last tuesday");
        JsonPath r = events(badDate, 1, null);
        assertTrue(r.getString("errors[0].message").contains("from"), r.prettify());
    }
}
