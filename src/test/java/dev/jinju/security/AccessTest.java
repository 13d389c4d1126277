package dev.jinju.security;

import dev.jinju.graphql.GraphQL;
import dev.jinju.ingest.Batches;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.vertx.ext.web.Route;
import jakarta.ws.rs.Path;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Issue #7 items 1, 2, 4 and 6: who may reach what, and the headers every answer carries. */
@QuarkusTest
class AccessTest {
    /** What an anonymous caller may reach: the login page, static assets, robots.txt, health, the ingest doors. */
    static final Set<String> PUBLIC = Set.of("/login.html", "/login-error.html", "/login.css", "/favicon.svg",
            "/robots.txt", "/q/health", "/api/ingest", "/graphql", "/j_security_check", "/logout");

    static final String ANONYMOUS_INGEST = "mutation($b: IngestBatch!) { ingest(batch: $b) { accepted } }";

    static String code(JsonPath r) {
        return r.getString("errors[0].extensions.code");
    }

    @Test
    void everyGraphQLReadNeedsASessionButIngestDoesNot() {
        JsonPath schema = GraphQL.post("{ __schema { queryType { fields { name } } } }");
        List<String> queries = schema.getList("data.__schema.queryType.fields.name");
        assertTrue(queries != null, schema.prettify());
        assertTrue(queries.containsAll(List.of("projects", "logGroups", "events", "event", "histogram")), queries.toString());
        List<String> operations = new ArrayList<>();
        queries.forEach(q -> operations.add("query { " + q + " }"));
        List<String> subscriptions = GraphQL.post("{ __schema { subscriptionType { fields { name } } } }")
                .getList("data.__schema.subscriptionType.fields.name");
        if (subscriptions != null) {
            subscriptions.forEach(s -> operations.add("subscription { " + s + " }"));
        }
        for (String m : GraphQL.post("{ __schema { mutationType { fields { name } } } }")
                .<String>getList("data.__schema.mutationType.fields.name")) {
            if (!m.equals("ingest")) {
                operations.add("mutation { " + m + " }");
            }
        }
        operations.add("{ __schema { types { name } } }");
        operations.add("{ __type(name: \"Query\") { fields { name } } }");
        operations.add("query { __typename }");
        operations.add("mutation { ingest(batch: {}) { accepted } } query q { projects { name } }");
        for (String op : operations) {
            JsonPath r = GraphQL.postAnonymous(op, Map.of());
            assertEquals("UNAUTHENTICATED", code(r), op + " -> " + r.prettify());
            assertNull(r.get("data.projects"), op);
        }
        // a document the query cache already parsed and validated for a logged-in user is still refused
        String cached = "{ projects { name } }";
        assertFalse(GraphQL.post(cached).getList("data.projects").isEmpty());
        assertEquals("UNAUTHENTICATED", code(GraphQL.postAnonymous(cached, Map.of())));
        // ingest: the key decides, a session is neither needed nor enough
        Map<String, Object> good = Batches.shop(List.of(Batches.event(java.time.Instant.now(), "INFO", "anonymous ingest")));
        assertEquals(1, GraphQL.postAnonymous(ANONYMOUS_INGEST, Map.of("b", good)).getInt("data.ingest.accepted"));
        Map<String, Object> badKey = Batches.batch("shop", "prod", "not-a-key", List.of());
        assertEquals("INVALID_KEY", code(GraphQL.postAnonymous(ANONYMOUS_INGEST, Map.of("b", badKey))));
        assertEquals("INVALID_KEY", code(GraphQL.post(ANONYMOUS_INGEST, Map.of("b", badKey))));
        given().cookie(Session.COOKIE, Session.cookie()).contentType(ContentType.JSON)
                .body(dev.jinju.event.EventJson.mapper().valueToTree(badKey).toString())
                .post("/api/ingest").then().statusCode(401);
    }

    @Test
    void pagesRedirectToTheLoginPageAndTheLoginWorks() {
        for (String page : List.of("/", "/explore?project=shop", "/index.html", "/q/graphql-ui/", "/api/export")) {
            given().redirects().follow(false).get(page).then().statusCode(302)
                    .header("Location", containsString("/login.html"));
        }
        given().get("/login.html").then().statusCode(200).body(containsString("j_security_check"))
                .body(containsString("j_password")).header("Cache-Control", "no-cache");
        Response bad = given().redirects().follow(false).contentType("application/x-www-form-urlencoded")
                .formParam("j_username", Session.USER).formParam("j_password", "wrong").post("/j_security_check");
        assertEquals(302, bad.statusCode());
        assertTrue(bad.header("Location").contains("/login-error.html"), bad.header("Location"));
        assertNull(bad.getCookie(Session.COOKIE));
        Response good = given().redirects().follow(false).contentType("application/x-www-form-urlencoded")
                .formParam("j_username", Session.USER).formParam("j_password", Session.PASSWORD).post("/j_security_check");
        assertEquals(302, good.statusCode());
        String setCookie = good.headers().getValues("Set-Cookie").stream().filter(c -> c.startsWith(Session.COOKIE + "="))
                .findFirst().orElseThrow();
        assertTrue(setCookie.toLowerCase().contains("httponly"), setCookie);
        assertTrue(setCookie.toLowerCase().contains("samesite=strict"), setCookie);
        assertFalse(setCookie.contains("Secure"), "plain HTTP: no Secure flag (it is set on HTTPS): " + setCookie);
        int export = given().cookie(Session.COOKIE, good.getCookie(Session.COOKIE)).redirects().follow(false)
                .queryParam("groups", "/jinju/shop/prod").queryParam("from", java.time.Instant.now().minusSeconds(3600).toString())
                .queryParam("to", java.time.Instant.now().toString()).get("/api/export").statusCode();
        assertTrue(export == 200 || export == 400, "the session reaches the export itself: " + export);
        // a forged or stale cookie is no session
        assertEquals("UNAUTHENTICATED", code(given().cookie(Session.COOKIE, "forged").contentType(ContentType.JSON)
                .body(Map.of("query", "{ projects { name } }")).post("/graphql").then().extract().jsonPath()));
    }

    /** Every route of the running server, walked without a session: only the public ones answer. */
    @Test
    void everyRouteIsRefusedWithoutASessionExceptThePublicOnes() throws Exception {
        Set<String> paths = new TreeSet<>();
        for (Route route : RouterSpy.router.getRoutes()) {
            String p = route.getPath();
            if (p != null && !p.isEmpty()) {
                paths.add(p.endsWith("*") ? p.substring(0, p.length() - 1) : p);
            }
        }
        paths.addAll(jaxRsPaths());
        assertTrue(paths.containsAll(List.of("/graphql", "/api/ingest", "/api/export")), paths.toString());
        // UI paths (served by Quinoa in the packaged app) and the explorer and schema
        paths.addAll(List.of("/", "/index.html", "/explore", "/events/abc", "/q/graphql-ui/", "/graphql/schema.graphql",
                "/q/dev-ui", "/q/metrics", "/anything-else"));
        List<String> walked = new ArrayList<>();
        for (String path : paths) {
            boolean open = PUBLIC.contains(path) || path.startsWith("/assets/") || path.startsWith("/q/health");
            for (String method : List.of("GET", "POST")) {
                Response r = given().redirects().follow(false).contentType("application/json").body("{}")
                        .request(method, path);
                int s = r.statusCode();
                walked.add(method + " " + path + " " + s);
                if (open) {
                    assertTrue(s != 302 || !String.valueOf(r.header("Location")).contains("/login"),
                            method + " " + path + " is public but asked for a login");
                } else {
                    boolean toLogin = s == 302 && String.valueOf(r.header("Location")).contains("/login.html");
                    assertTrue(toLogin || s == 401 || s == 403, method + " " + path + " answered " + s
                            + " without a session: " + r.asString());
                }
            }
        }
        System.out.println("walked without a session:\n" + String.join("\n", walked));
    }

    static List<String> jaxRsPaths() throws IOException {
        java.nio.file.Path classes = java.nio.file.Path.of("target/classes");
        List<String> out = new ArrayList<>();
        try (Stream<java.nio.file.Path> files = Files.walk(classes)) {
            for (java.nio.file.Path f : files.filter(p -> p.toString().endsWith(".class")).toList()) {
                String name = classes.relativize(f).toString().replace('/', '.').replaceAll("\\.class$", "");
                try {
                    Class<?> c = Class.forName(name, false, AccessTest.class.getClassLoader());
                    Path root = c.getAnnotation(Path.class);
                    if (root == null) {
                        continue;
                    }
                    out.add(root.value());
                    for (var m : c.getDeclaredMethods()) {
                        Path sub = m.getAnnotation(Path.class);
                        if (sub != null) {
                            out.add((root.value() + "/" + sub.value()).replaceAll("/+", "/").replaceAll("\\{[^}]*}", "x"));
                        }
                    }
                } catch (Throwable notLoadable) {
                    // generated or optional classes
                }
            }
        }
        return out;
    }

    @Test
    void graphqlTakesOnlyJsonPostsAndTheBeaconOnlyIngests() {
        String op = "{\"query\":\"mutation { ingest(batch: {key: \\\"shop-key-1\\\", project: \\\"shop\\\", environment: \\\"prod\\\", batchId: \\\"csrf\\\", events: []}) { accepted } }\"}";
        for (String type : List.of("text/plain", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x",
                "application/graphql")) {
            var r = raw("POST", "/graphql", type, op);
            assertEquals(415, r.statusCode(), type);
            assertTrue(r.body().contains("application/json"), r.body());
        }
        given().cookie(Session.COOKIE, Session.cookie()).queryParam("query", "{ projects { name } }").get("/graphql")
                .then().statusCode(405).header("Allow", "POST");
        given().contentType("application/json").queryParam("query", "mutation { ingest(batch: {}) { accepted } }")
                .body("{}").post("/graphql").then().statusCode(200).body(containsString("errors"));
        // the text/plain beacon route reads a batch, nothing else: a GraphQL document is just a bad batch
        given().contentType("text/plain").body(op).post("/api/ingest").then().statusCode(400)
                .body(containsString("BAD_REQUEST"));
    }

    @Test
    void graphqlTakesOneJsonValueAsItsBody() {
        for (String body : List.of("{\"query\": ", "{\"query\": \"{ projects { name } }\"} trailing", "   ", "query",
                "{\"query\": \"{ projects { name } }\", \"variables\": {\"a\": [1, {\"b\": [2,]}]}}", "[{}] []",
                "{\"query\": \"{ projects { name } }\", \"variables\": {\"a\": [" + "9".repeat(2_000) + "]}}",
                "9".repeat(2_000),
                // JSON-P's limit is 1 100 characters, sign included: one more would make SmallRye fail with a 500
                "{\"query\": \"{ projects { name } }\", \"variables\": {\"a\": -" + "9".repeat(1_100) + "}}")) {
            var r = raw("POST", "/graphql", "application/json", body);
            assertEquals(400, r.statusCode(), body + " -> " + r.body());
            assertTrue(r.body().contains("BAD_REQUEST") && r.body().contains("the body is not JSON"), r.body());
        }
        var longest = raw("POST", "/graphql", "application/json", "{\"query\": \"{ projects { name } }\", "
                + "\"variables\": {\"a\": -" + "9".repeat(1_099) + "}}");
        assertEquals(200, longest.statusCode(), longest.body());
        assertTrue(longest.body().contains("\"projects\""), longest.body());
        var ok = raw("POST", "/graphql", "application/json", " {\"query\": \"{ projects { name } }\"}\n");
        assertEquals(200, ok.statusCode(), ok.body());
        assertTrue(ok.body().contains("\"projects\""), ok.body());
        // members in any order, nested values skipped over without being built
        ok = raw("POST", "/graphql", "application/json", "{\"variables\": {\"a\": [1, {\"b\": [true, null]}], \"c\": \"x\"},"
                + " \"operationName\": null, \"query\": \"{ projects { name } }\"}");
        assertTrue(ok.body().contains("\"projects\""), ok.body());
    }

    @Test
    void anOperationThatFailedToParseFailsEveryTime() {
        for (int i = 0; i < 3; i++) { // a parsed operation is remembered; a failed one must not be
            var r = raw("POST", "/graphql", "application/json", "{\"query\": \"{ projects { name }\"}");
            assertTrue(r.body().contains("GRAPHQL_PARSE_FAILED"), r.body());
        }
    }

    /** A request exactly as sent, with the tester's session (rest-assured would re-encode form bodies). */
    static java.net.http.HttpResponse<String> raw(String method, String path, String type, String body) {
        try {
            return java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
                            java.net.URI.create("http://localhost:" + RestAssured.port + path))
                    .header("Content-Type", type).header("Cookie", Session.COOKIE + "=" + Session.cookie())
                    .method(method, java.net.http.HttpRequest.BodyPublishers.ofString(body)).build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString());
        } catch (IOException | InterruptedException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void limitsRefuseDeepWideAndLongOperations() {
        StringBuilder deep = new StringBuilder("{ __type(name: \"Query\") { ");
        for (int i = 0; i < 50; i++) {
            deep.append("ofType { ");
        }
        deep.append("name ").append("} ".repeat(51)).append("}");
        JsonPath r = GraphQL.post(deep.toString());
        assertTrue(r.getString("errors[0].message").toLowerCase().contains("depth"), r.prettify());
        assertNull(r.get("data.__type"));

        StringBuilder wide = new StringBuilder("{ ");
        for (int i = 0; i < 1000; i++) {
            wide.append("a").append(i).append(": projects { name } ");
        }
        r = GraphQL.post(wide.append("}").toString());
        assertTrue(r.getString("errors[0].message").toLowerCase().contains("complexity"), r.prettify());

        String longOp = "{ projects { " + "name ".repeat(20_000) + "} }";
        r = GraphQL.post(longOp);
        assertTrue(r.getString("errors[0].message").toLowerCase().contains("token"), r.prettify());
        // and the ordinary dashboard-sized operations still run
        assertFalse(GraphQL.post("{ projects { name environments { name logGroups { name } } } }")
                .getList("data.projects").isEmpty());
    }

    @Test
    void everyAnswerCarriesTheSecurityHeaders() {
        for (Response r : List.of(given().get("/robots.txt"), given().redirects().follow(false).get("/"),
                given().contentType("application/json").body(Map.of("query", "{ projects { name } }")).post("/graphql"),
                given().contentType("text/plain").body("{").post("/api/ingest"), given().get("/login.html"))) {
            String csp = r.header("Content-Security-Policy");
            assertTrue(csp != null && csp.contains("script-src 'self'") && !csp.contains("unsafe-inline")
                    && csp.contains("frame-ancestors 'none'"), String.valueOf(csp));
            assertEquals("DENY", r.header("X-Frame-Options"));
            assertEquals("nosniff", r.header("X-Content-Type-Options"));
            assertEquals("strict-origin-when-cross-origin", r.header("Referrer-Policy"));
            assertEquals("noindex, nofollow", r.header("X-Robots-Tag"));
        }
        assertEquals("no-store", given().contentType("text/plain").body("{").post("/api/ingest").header("Cache-Control"));
    }
}
