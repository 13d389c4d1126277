package dev.jinju.graphql.types;

import dev.jinju.event.Level;
import jakarta.json.JsonObject;
import jakarta.json.spi.JsonProvider;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

import java.time.Instant;
import java.util.List;

/** GraphQL {@code LogEvent}: every field of a stored event (SPEC §8). */
@Type("LogEvent")
public record LogEvent(@Id @NonNull String id, @NonNull String group, @NonNull String stream,
                       @NonNull String project, @NonNull String environment, @NonNull Instant timestamp,
                       @NonNull Instant receivedAt, @NonNull Level level, String type, String code,
                       @NonNull String message, String stackTrace, String url, String location,
                       List<@NonNull String> componentTrace, Http http, User user, String release,
                       String userAgent, String pageViewId, String requestId, String source,
                       String fingerprint, JsonObject extra) {
    /** Looked up once: {@code Json.createObjectBuilder} runs a ServiceLoader scan of the class path per call. */
    private static final JsonProvider JSON = JsonProvider.provider();

    public static LogEvent of(dev.jinju.event.LogEvent e) {
        return new LogEvent(e.id(), e.group(), e.stream(), e.project(), e.environment(), e.timestamp(),
                e.receivedAt(), e.level(), e.type(), e.code(), e.message(), e.stackTrace(), e.url(), e.location(),
                e.componentTrace(), e.http() == null ? null : new Http(e.http().method(), e.http().status()),
                e.user() == null ? null : new User(e.user().id(), e.user().email(), e.user().name()),
                e.release(), e.userAgent(), e.pageViewId(), e.requestId(), e.source(), e.fingerprint(),
                e.extra() == null ? null : JSON.createObjectBuilder(e.extra()).build());
    }
}
