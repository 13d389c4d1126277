package dev.jinju.security;

import io.vertx.core.http.Cookie;
import io.vertx.core.http.CookieSameSite;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.Optional;

/**
 * {@code POST /logout}: ends the dashboard session by expiring the form login's cookie, then sends the browser to
 * the login page. The session lives only in that (encrypted) cookie, so there is nothing to forget on the server.
 */
@ApplicationScoped
public class LogoutRoute {
    private final String cookieName;
    private final String cookiePath;
    private final Optional<String> cookieDomain;

    public LogoutRoute(@ConfigProperty(name = "quarkus.http.auth.form.cookie-name", defaultValue = "quarkus-credential")
                       String cookieName,
                       @ConfigProperty(name = "quarkus.http.auth.form.cookie-path", defaultValue = "/") String cookiePath,
                       @ConfigProperty(name = "quarkus.http.auth.form.cookie-domain") Optional<String> cookieDomain) {
        this.cookieName = cookieName;
        this.cookiePath = cookiePath;
        this.cookieDomain = cookieDomain;
    }

    void install(@Observes Router router) {
        router.post("/logout").order(-80).handler(this::logout);
        // signing out changes state: a link, a prefetch or a crawler must not do it
        router.route("/logout").order(-79).handler(ctx -> {
            ctx.response().putHeader(HttpHeaders.ALLOW, "POST");
            HttpGuards.reject(ctx, 405, "METHOD_NOT_ALLOWED", "sign out with POST /logout, not " + ctx.request().method());
        });
    }

    void logout(RoutingContext ctx) {
        // another site's form could sign the user out; browsers say where a request came from
        if ("cross-site".equals(ctx.request().getHeader("Sec-Fetch-Site"))) {
            HttpGuards.reject(ctx, 403, "FORBIDDEN", "sign out from the dashboard itself, not from another site");
            return;
        }
        // same name, path and domain as the session's cookie: it replaces the renewed one form authentication may
        // have set on this very response, and the browser drops the cookie it holds
        Cookie expired = Cookie.cookie(cookieName, "").setPath(cookiePath).setMaxAge(0).setHttpOnly(true)
                .setSameSite(CookieSameSite.STRICT);
        cookieDomain.ifPresent(expired::setDomain);
        ctx.response().addCookie(expired);
        ctx.response().setStatusCode(303).putHeader(HttpHeaders.LOCATION, "/login.html")
                .putHeader(HttpHeaders.CACHE_CONTROL, "no-store").end();
    }
}
