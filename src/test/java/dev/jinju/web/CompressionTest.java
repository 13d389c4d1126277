package dev.jinju.web;

import dev.jinju.security.Session;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.config.DecoderConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;

/** Answers are gzipped for clients that ask: GraphQL's (a page of events is ~250 KB of JSON) and the dashboard's files. */
@QuarkusTest
class CompressionTest {
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
}
