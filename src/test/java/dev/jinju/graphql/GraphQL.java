package dev.jinju.graphql;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

import java.util.Map;

import static io.restassured.RestAssured.given;

/** Posts GraphQL operations to the running test server and returns the JSON answer. */
public final class GraphQL {
    private GraphQL() {
    }

    /** Posts as the logged-in test user. */
    public static JsonPath post(String query, Map<String, Object> variables) {
        return dev.jinju.security.Session.given().contentType(ContentType.JSON)
                .body(Map.of("query", query, "variables", variables))
                .when().post("/graphql")
                .then().statusCode(200)
                .extract().jsonPath();
    }

    public static JsonPath post(String query) {
        return post(query, Map.of());
    }

    /** Posts without a session, as a web app or script sending events does. */
    public static JsonPath postAnonymous(String query, Map<String, Object> variables) {
        return given().contentType(ContentType.JSON)
                .body(Map.of("query", query, "variables", variables))
                .when().post("/graphql")
                .then().statusCode(200)
                .extract().jsonPath();
    }
}
