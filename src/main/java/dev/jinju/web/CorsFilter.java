package dev.jinju.web;

import dev.jinju.project.ProjectDef;
import dev.jinju.project.ProjectRegistry;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * CORS for the two ingest doors. A preflight cannot tell which project a request is for, so it is answered
 * for any origin some project allows, and cached for a day ({@code Access-Control-Max-Age}); the ingest
 * itself then checks the origin against the batch's own project.
 */
@ApplicationScoped
public class CorsFilter {
    static final String MAX_AGE_SECONDS = "86400";

    private final ProjectRegistry projects;

    public CorsFilter(ProjectRegistry projects) {
        this.projects = projects;
    }

    void install(@Observes Router router) {
        router.route("/api/ingest").order(-100).handler(this::handle);
        router.route("/graphql").order(-100).handler(this::handle);
    }

    private void handle(RoutingContext ctx) {
        String origin = ctx.request().getHeader("Origin");
        if (origin == null || !allowedByAnyProject(origin)) {
            ctx.next();
            return;
        }
        ctx.response().putHeader("Access-Control-Allow-Origin", origin);
        ctx.response().putHeader("Vary", "Origin");
        // The SDK honours Retry-After on 429/503; a cross-origin script only sees it when exposed.
        ctx.response().putHeader("Access-Control-Expose-Headers", "Retry-After");
        if (ctx.request().method() == HttpMethod.OPTIONS) {
            ctx.response().putHeader("Access-Control-Allow-Methods", "POST, OPTIONS");
            ctx.response().putHeader("Access-Control-Allow-Headers", "content-type");
            ctx.response().putHeader("Access-Control-Max-Age", MAX_AGE_SECONDS);
            ctx.response().setStatusCode(204).end();
            return;
        }
        ctx.next();
    }

    private boolean allowedByAnyProject(String origin) {
        for (ProjectDef p : projects.all()) {
            if (p.allowsOrigin(origin)) {
                return true;
            }
        }
        return false;
    }
}
