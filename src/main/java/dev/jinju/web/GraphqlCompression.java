package dev.jinju.web;

import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Lets GraphQL answers be gzipped as the dashboard's files and the REST answers are. With
 * {@code quarkus.http.enable-compression} Quarkus marks every answer {@code Content-Encoding: identity}, and only
 * its own handlers (static files, Quarkus REST) lift that for {@code quarkus.http.compress-media-types};
 * SmallRye GraphQL's handler does not, and a page of 200 events is about 200 KB of JSON (about 30 KB gzipped).
 */
@ApplicationScoped
public class GraphqlCompression {
    private final Set<String> mediaTypes;

    public GraphqlCompression(@ConfigProperty(name = "quarkus.http.compress-media-types") List<String> mediaTypes) {
        this.mediaTypes = mediaTypes.stream().map(t -> t.trim().toLowerCase(Locale.ROOT)).collect(Collectors.toSet());
    }

    void install(@Observes Router router) {
        router.route("/graphql").order(-110).handler(ctx -> {
            ctx.addHeadersEndHandler(ignored -> allowCompression(ctx.response().headers(), mediaTypes));
            ctx.next();
        });
    }

    /** Drops the {@code identity} marking when the answer's media type is one to compress. */
    static void allowCompression(MultiMap headers, Set<String> mediaTypes) {
        if (!"identity".equals(headers.get(HttpHeaders.CONTENT_ENCODING))) {
            return; // compression is off, or the answer chose its encoding itself
        }
        String type = headers.get(HttpHeaders.CONTENT_TYPE);
        if (type == null) {
            return;
        }
        int semicolon = type.indexOf(';');
        String mediaType = (semicolon < 0 ? type : type.substring(0, semicolon)).trim().toLowerCase(Locale.ROOT);
        if (mediaTypes.contains(mediaType)) {
            headers.remove(HttpHeaders.CONTENT_ENCODING);
        }
    }
}
