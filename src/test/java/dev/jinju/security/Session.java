package dev.jinju.security;

import io.restassured.specification.RequestSpecification;

/** A logged-in dashboard session for API tests: the test user of application.properties ({@code %test}). */
public final class Session {
    public static final String USER = "tester";
    public static final String PASSWORD = "tester-password";
    public static final String COOKIE = "quarkus-credential";

    private static volatile String cookie;

    private Session() {
    }

    /** Logs in through {@code POST /j_security_check} and returns the session cookie's value. */
    public static String login(String user, String password) {
        var r = io.restassured.RestAssured.given().redirects().follow(false).contentType("application/x-www-form-urlencoded")
                .formParam("j_username", user).formParam("j_password", password)
                .post("/j_security_check");
        String value = r.getCookie(COOKIE);
        if (r.statusCode() != 302 || value == null) {
            throw new AssertionError("login as " + user + " failed: " + r.statusCode() + " " + r.headers());
        }
        return value;
    }

    /** The tester's session cookie (logged in once, reused: the test encryption key is fixed). */
    public static String cookie() {
        if (cookie == null) {
            cookie = login(USER, PASSWORD);
        }
        return cookie;
    }

    /** A request that carries the tester's session. */
    public static RequestSpecification given() {
        return io.restassured.RestAssured.given().cookie(COOKIE, cookie());
    }
}
