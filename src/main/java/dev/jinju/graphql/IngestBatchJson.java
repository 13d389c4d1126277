package dev.jinju.graphql;

import dev.jinju.graphql.types.EventInput;
import dev.jinju.graphql.types.HttpInput;
import dev.jinju.graphql.types.IngestBatchInput;
import dev.jinju.graphql.types.IngestContext;
import dev.jinju.graphql.types.UserInput;
import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The {@code IngestBatch} input of the ingest mutation read straight from its JSON variable, for the input every
 * client sends: each field of its declared type, nothing else. Whatever GraphQL would coerce or refuse (an
 * unknown field, a number for a string, a missing required field, {@code 500.0} for an Int, one string for a
 * list) makes {@link #batch} answer null, and the request goes to SmallRye, which says exactly what is wrong.
 */
final class IngestBatchJson {
    private static final Set<String> BATCH = Set.of("key", "project", "environment", "batchId", "context", "events");
    private static final Set<String> CONTEXT = Set.of("url", "userAgent", "user", "release", "pageViewId");
    private static final Set<String> USER = Set.of("id", "email", "name");
    private static final Set<String> HTTP = Set.of("method", "status");
    private static final Set<String> EVENT = Set.of("timestamp", "level", "type", "code", "message", "stackTrace",
            "url", "location", "componentTrace", "http", "user", "requestId", "extra");

    /** Thrown inside this class when the input is not plainly of its type; never leaves it. */
    private static final class NotPlain extends RuntimeException {
        NotPlain() {
            super(null, null, false, false);
        }
    }

    private static final NotPlain NOT_PLAIN = new NotPlain();

    private IngestBatchJson() {
    }

    /** The batch, or null when GraphQL's own coercion should decide about this input. */
    static IngestBatchInput batch(JsonValue json) {
        try {
            JsonObject o = object(json, BATCH, false);
            IngestBatchInput in = new IngestBatchInput();
            in.key = string(o, "key", true);
            in.project = string(o, "project", true);
            in.environment = string(o, "environment", true);
            in.batchId = string(o, "batchId", true);
            in.context = context(o.get("context"));
            JsonValue events = o.get("events");
            if (!(events instanceof JsonArray array)) {
                throw NOT_PLAIN;
            }
            in.events = new ArrayList<>(array.size());
            for (JsonValue e : array) {
                in.events.add(event(e));
            }
            return in;
        } catch (NotPlain e) {
            return null;
        }
    }

    private static IngestContext context(JsonValue json) {
        JsonObject o = object(json, CONTEXT, true);
        if (o == null) {
            return null;
        }
        IngestContext c = new IngestContext();
        c.url = string(o, "url", false);
        c.userAgent = string(o, "userAgent", false);
        c.user = user(o.get("user"));
        c.release = string(o, "release", false);
        c.pageViewId = string(o, "pageViewId", false);
        return c;
    }

    private static EventInput event(JsonValue json) {
        JsonObject o = object(json, EVENT, true);
        if (o == null) {
            return null;
        }
        EventInput e = new EventInput();
        e.timestamp = string(o, "timestamp", true);
        e.level = string(o, "level", true);
        e.type = string(o, "type", false);
        e.code = string(o, "code", false);
        e.message = string(o, "message", true);
        e.stackTrace = string(o, "stackTrace", false);
        e.url = string(o, "url", false);
        e.location = string(o, "location", false);
        e.componentTrace = strings(o.get("componentTrace"));
        e.http = http(o.get("http"));
        e.user = user(o.get("user"));
        e.requestId = string(o, "requestId", false);
        JsonValue extra = o.get("extra");
        if (extra != null && extra != JsonValue.NULL && !(extra instanceof JsonObject)) {
            throw NOT_PLAIN;
        }
        e.extra = extra instanceof JsonObject x ? x : null;
        return e;
    }

    private static HttpInput http(JsonValue json) {
        JsonObject o = object(json, HTTP, true);
        if (o == null) {
            return null;
        }
        HttpInput h = new HttpInput();
        h.method = string(o, "method", false);
        JsonValue status = o.get("status");
        if (status != null && status != JsonValue.NULL) {
            if (!(status instanceof JsonNumber n) || !n.isIntegral()) {
                throw NOT_PLAIN;
            }
            try {
                h.status = n.bigIntegerValueExact().intValueExact();
            } catch (ArithmeticException outOfRange) {
                throw NOT_PLAIN;
            }
        }
        return h;
    }

    private static UserInput user(JsonValue json) {
        JsonObject o = object(json, USER, true);
        if (o == null) {
            return null;
        }
        UserInput u = new UserInput();
        u.id = string(o, "id", false);
        u.email = string(o, "email", false);
        u.name = string(o, "name", false);
        return u;
    }

    private static List<String> strings(JsonValue json) {
        if (json == null || json == JsonValue.NULL) {
            return null;
        }
        if (!(json instanceof JsonArray array)) {
            throw NOT_PLAIN;
        }
        List<String> out = new ArrayList<>(array.size());
        for (JsonValue v : array) {
            if (!(v instanceof JsonString s)) {
                throw NOT_PLAIN;
            }
            out.add(s.getString());
        }
        return out;
    }

    /** The value as an object with only the given keys; null for JSON null or absent when nullable. */
    private static JsonObject object(JsonValue json, Set<String> keys, boolean nullable) {
        if (json == null || json == JsonValue.NULL) {
            if (nullable) {
                return null;
            }
            throw NOT_PLAIN;
        }
        if (!(json instanceof JsonObject o) || !keys.containsAll(o.keySet())) {
            throw NOT_PLAIN;
        }
        return o;
    }

    private static String string(JsonObject o, String key, boolean required) {
        JsonValue v = o.get(key);
        if (v == null || v == JsonValue.NULL) {
            if (required) {
                throw NOT_PLAIN;
            }
            return null;
        }
        if (!(v instanceof JsonString s)) {
            throw NOT_PLAIN;
        }
        return s.getString();
    }
}
