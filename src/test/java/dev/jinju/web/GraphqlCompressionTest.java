package dev.jinju.web;

import dev.jinju.security.Session;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.config.DecoderConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.http.ContentType;
import io.vertx.core.MultiMap;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.Set;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** Answers are gzipped for clients that ask: GraphQL's as well as the dashboard's files. */
@QuarkusTest
class GraphqlCompressionTest {
    private static final String QUERY = "{ projects { name environments { name logGroups { name } } } }";

    @Test
    void graphqlAnswersAreGzippedWhenTheClientAcceptsIt() {
        Session.given().header("Accept-Encoding", "gzip").contentType(ContentType.JSON).body(Map.of("query", QUERY))
                .when().post("/graphql")
                .then().statusCode(200).header("Content-Encoding", "gzip")
                .body("data.projects[0].name", notNullValue()); // rest-assured decodes it: the gzip is whole

        // No Accept-Encoding at all (rest-assured sends gzip and deflate unless told not to decode).
        Session.given().config(RestAssuredConfig.config().decoderConfig(DecoderConfig.decoderConfig().noContentDecoders()))
                .contentType(ContentType.JSON).body(Map.of("query", QUERY))
                .when().post("/graphql")
                .then().statusCode(200).header("Content-Encoding", not(equalTo("gzip")))
                .body("data.projects[0].name", notNullValue());
    }

    @Test
    void theDashboardsFilesAreGzippedToo() {
        given().header("Accept-Encoding", "gzip").when().get("/login.html")
                .then().statusCode(200).header("Content-Encoding", "gzip");
    }

    @Test
    void liftsTheIdentityMarkingOnlyForMediaTypesToCompress() {
        Set<String> types = Set.of("application/graphql-response+json", "application/json");

        MultiMap json = MultiMap.caseInsensitiveMultiMap().add("Content-Encoding", "identity")
                .add("Content-Type", "application/graphql-response+json; charset=UTF-8");
        GraphqlCompression.allowCompression(json, types);
        assertNull(json.get("Content-Encoding"));

        MultiMap other = MultiMap.caseInsensitiveMultiMap().add("Content-Encoding", "identity").add("Content-Type", "text/event-stream");
        GraphqlCompression.allowCompression(other, types);
        assertEquals("identity", other.get("Content-Encoding"));

        MultiMap untyped = MultiMap.caseInsensitiveMultiMap().add("Content-Encoding", "identity");
        GraphqlCompression.allowCompression(untyped, types);
        assertEquals("identity", untyped.get("Content-Encoding"));

        MultiMap chosen = MultiMap.caseInsensitiveMultiMap().add("Content-Encoding", "br").add("Content-Type", "application/json");
        GraphqlCompression.allowCompression(chosen, types);
        assertEquals("br", chosen.get("Content-Encoding"));
    }
}
