package dev.jinju.security;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code POST /logout} expires the session cookie and sends the browser to the login page. Sessions here are
 * renewed at every request, so the logout's own request renews one too, and the expired cookie must replace it.
 */
@QuarkusTest
@TestProfile(LogoutTest.RenewedAtEveryRequest.class)
class LogoutTest {
    /** Form authentication sets a fresh session cookie on every answer (the default renews it once a minute). */
    public static class RenewedAtEveryRequest implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.http.auth.form.new-cookie-interval", "PT0S");
        }
    }

    private static List<String> sessionCookies(Response r) {
        return r.headers().getValues("Set-Cookie").stream().filter(c -> c.startsWith(Session.COOKIE + "=")).toList();
    }

    @Test
    void signingOutExpiresTheSessionCookieAndGoesToTheLoginPage() {
        String session = Session.login(Session.USER, Session.PASSWORD);
        Response renewed = given().cookie(Session.COOKIE, session).contentType("application/json")
                .body(Map.of("query", "{ projects { name } }")).post("/graphql");
        assertEquals(1, sessionCookies(renewed).size(), "a session is renewed at each request here: "
                + renewed.headers());
        Response r = given().redirects().follow(false).cookie(Session.COOKIE, session).post("/logout");
        assertEquals(303, r.statusCode(), r.asString());
        assertTrue(r.header("Location").endsWith("/login.html"), r.header("Location"));
        assertEquals("no-store", r.header("Cache-Control"));
        // exactly one cookie for the session, and it is an expired, empty one (a refreshed session must not follow)
        List<String> cookies = sessionCookies(r);
        assertEquals(1, cookies.size(), cookies.toString());
        String cookie = cookies.get(0);
        assertTrue(cookie.startsWith(Session.COOKIE + "=;") && cookie.contains("Max-Age=0") && cookie.contains("Path=/")
                && cookie.toLowerCase().contains("httponly"), cookie);
    }

    @Test
    void signingOutWithoutASessionStillLandsOnTheLoginPage() {
        Response r = given().redirects().follow(false).post("/logout");
        assertEquals(303, r.statusCode(), r.asString());
        assertTrue(r.header("Location").endsWith("/login.html"), r.header("Location"));
    }

    @Test
    void onlyAPostSignsOut() {
        Response r = given().redirects().follow(false).cookie(Session.COOKIE, Session.cookie()).get("/logout");
        assertEquals(405, r.statusCode(), r.asString());
        assertEquals("POST", r.header("Allow"));
        assertTrue(sessionCookies(r).stream().noneMatch(c -> c.contains("Max-Age=0")), sessionCookies(r).toString());
    }

    @Test
    void anotherSiteCannotSignTheUserOut() {
        Response r = given().redirects().follow(false).cookie(Session.COOKIE, Session.cookie())
                .header("Sec-Fetch-Site", "cross-site").post("/logout");
        assertEquals(403, r.statusCode(), r.asString());
        assertTrue(r.asString().contains("FORBIDDEN"), r.asString());
        // the session goes on (renewed here, as every answer renews it in this test), it is not expired
        assertTrue(sessionCookies(r).stream().noneMatch(c -> c.contains("Max-Age=0") || c.startsWith(Session.COOKIE + "=;")),
                sessionCookies(r).toString());
    }
}
