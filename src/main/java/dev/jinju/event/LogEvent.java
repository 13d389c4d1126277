package dev.jinju.event;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One stored log or error event: the fields a service sends (SPEC §2) plus those the system adds
 * ({@code id}, {@code receivedAt}, {@code group}, {@code stream}, {@code source}, {@code fingerprint}, ...).
 * Optional fields are {@code null} when absent; {@code extra} holds a free JSON object as plain Java values
 * (Map, List, String, Number, Boolean).
 */
public record LogEvent(
        String id,
        String group,
        String stream,
        String project,
        String environment,
        Instant timestamp,
        Instant receivedAt,
        Level level,
        String type,
        String code,
        String message,
        String stackTrace,
        String url,
        String location,
        List<String> componentTrace,
        Http http,
        User user,
        String release,
        String userAgent,
        String pageViewId,
        String requestId,
        String source,
        String fingerprint,
        Map<String, Object> extra) {

    public LogEvent {
        componentTrace = componentTrace == null ? null : List.copyOf(componentTrace);
    }

    /** A builder, since most events set only some of the optional fields. */
    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        return new Builder().id(id).group(group).stream(stream).project(project).environment(environment)
                .timestamp(timestamp).receivedAt(receivedAt).level(level).type(type).code(code).message(message)
                .stackTrace(stackTrace).url(url).location(location).componentTrace(componentTrace).http(http)
                .user(user).release(release).userAgent(userAgent).pageViewId(pageViewId).requestId(requestId)
                .source(source).fingerprint(fingerprint).extra(extra);
    }

    /** Mutable builder for {@link LogEvent}. */
    public static final class Builder {
        private String id, group, stream, project, environment, type, code, message, stackTrace, url, location;
        private String release, userAgent, pageViewId, requestId, source, fingerprint;
        private Instant timestamp, receivedAt;
        private Level level;
        private List<String> componentTrace;
        private Http http;
        private User user;
        private Map<String, Object> extra;

        public Builder id(String v) { id = v; return this; }
        public Builder group(String v) { group = v; return this; }
        public Builder stream(String v) { stream = v; return this; }
        public Builder project(String v) { project = v; return this; }
        public Builder environment(String v) { environment = v; return this; }
        public Builder timestamp(Instant v) { timestamp = v; return this; }
        public Builder receivedAt(Instant v) { receivedAt = v; return this; }
        public Builder level(Level v) { level = v; return this; }
        public Builder type(String v) { type = v; return this; }
        public Builder code(String v) { code = v; return this; }
        public Builder message(String v) { message = v; return this; }
        public Builder stackTrace(String v) { stackTrace = v; return this; }
        public Builder url(String v) { url = v; return this; }
        public Builder location(String v) { location = v; return this; }
        public Builder componentTrace(List<String> v) { componentTrace = v; return this; }
        public Builder http(Http v) { http = v; return this; }
        public Builder user(User v) { user = v; return this; }
        public Builder release(String v) { release = v; return this; }
        public Builder userAgent(String v) { userAgent = v; return this; }
        public Builder pageViewId(String v) { pageViewId = v; return this; }
        public Builder requestId(String v) { requestId = v; return this; }
        public Builder source(String v) { source = v; return this; }
        public Builder fingerprint(String v) { fingerprint = v; return this; }
        public Builder extra(Map<String, Object> v) { extra = v; return this; }

        public LogEvent build() {
            return new LogEvent(id, group, stream, project, environment, timestamp, receivedAt, level, type, code,
                    message, stackTrace, url, location, componentTrace, http, user, release, userAgent, pageViewId,
                    requestId, source, fingerprint, extra);
        }
    }
}
