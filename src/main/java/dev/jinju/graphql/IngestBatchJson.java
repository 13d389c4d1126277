package dev.jinju.graphql;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.jinju.ingest.IngestBatch;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code IngestBatch} variable of an ingest mutation read straight from the request body into the service's
 * {@link IngestBatch}, token by token with Jackson, for the input every client sends: each field of its declared
 * type, nothing else. Whatever GraphQL would coerce or refuse (an unknown field, a number for a string, a missing
 * required field, {@code 500.0} for an Int, one string for a list) makes {@link #request} answer null, and the
 * request goes to SmallRye, which says exactly what is wrong.
 */
public final class IngestBatchJson {
    /** Jackson's streaming parser alone: no object mapper, nothing built but the batch. */
    private static final JsonFactory JSON = new JsonFactory();

    /** Thrown inside this class when the input is not plainly of its type; never leaves it. */
    private static final class NotPlain extends RuntimeException {
        NotPlain() {
            super(null, null, false, false);
        }
    }

    private static final NotPlain NOT_PLAIN = new NotPlain();

    private IngestBatchJson() {
    }

    /**
     * The batch of a GraphQL request body ({@code query}, {@code operationName}, {@code variables} and no other
     * member) whose document is the ingest mutation named {@code operationName} with the batch in variable
     * {@code variable}; null when GraphQL's own reading should decide about this request.
     */
    public static IngestBatch request(byte[] body, String operationName, String variable) {
        try (JsonParser p = JSON.createParser(body)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                return null;
            }
            IngestBatch batch = null;
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String member = p.currentName();
                JsonToken value = p.nextToken();
                switch (member) {
                    case "query" -> require(value == JsonToken.VALUE_STRING);
                    case "operationName" -> require(value == JsonToken.VALUE_NULL
                            || value == JsonToken.VALUE_STRING && p.getText().equals(operationName));
                    case "variables" -> {
                        require(value == JsonToken.START_OBJECT);
                        batch = variables(p, variable);
                    }
                    default -> throw NOT_PLAIN; // extensions and the like: SmallRye's to interpret
                }
            }
            return p.nextToken() == null ? batch : null;
        } catch (IOException | RuntimeException notPlain) { // NotPlain, or JSON Jackson refuses: SmallRye decides
            return null;
        }
    }

    private static IngestBatch variables(JsonParser p, String variable) throws IOException {
        IngestBatch batch = null;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            boolean ours = p.currentName().equals(variable);
            JsonToken value = p.nextToken();
            if (ours) {
                require(value == JsonToken.START_OBJECT);
                batch = batch(p);
            } else {
                p.skipChildren(); // a variable the document does not declare: GraphQL ignores it
            }
        }
        return batch;
    }

    private static IngestBatch batch(JsonParser p) throws IOException {
        String key = null, project = null, environment = null, batchId = null;
        IngestBatch.Context context = null;
        List<IngestBatch.Event> events = null;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String field = p.currentName();
            JsonToken value = p.nextToken();
            switch (field) {
                case "key" -> key = string(p, value);
                case "project" -> project = string(p, value);
                case "environment" -> environment = string(p, value);
                case "batchId" -> batchId = string(p, value);
                case "context" -> context = value == JsonToken.VALUE_NULL ? null : context(p, value);
                case "events" -> {
                    require(value == JsonToken.START_ARRAY);
                    events = new ArrayList<>(64);
                    for (JsonToken e = p.nextToken(); e != JsonToken.END_ARRAY; e = p.nextToken()) {
                        events.add(e == JsonToken.VALUE_NULL ? null : event(p, e));
                    }
                }
                default -> throw NOT_PLAIN;
            }
        }
        require(key != null && project != null && environment != null && batchId != null && events != null);
        return new IngestBatch(key, project, environment, batchId, context, events);
    }

    private static IngestBatch.Context context(JsonParser p, JsonToken start) throws IOException {
        require(start == JsonToken.START_OBJECT);
        String url = null, userAgent = null, release = null, pageViewId = null;
        IngestBatch.UserData user = null;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String field = p.currentName();
            JsonToken value = p.nextToken();
            switch (field) {
                case "url" -> url = string(p, value);
                case "userAgent" -> userAgent = string(p, value);
                case "user" -> user = user(p, value);
                case "release" -> release = string(p, value);
                case "pageViewId" -> pageViewId = string(p, value);
                default -> throw NOT_PLAIN;
            }
        }
        return new IngestBatch.Context(url, userAgent, user, release, pageViewId);
    }

    private static IngestBatch.Event event(JsonParser p, JsonToken start) throws IOException {
        require(start == JsonToken.START_OBJECT);
        String timestamp = null, level = null, type = null, code = null, message = null, stackTrace = null;
        String url = null, location = null, requestId = null;
        List<String> componentTrace = null;
        IngestBatch.HttpData http = null;
        IngestBatch.UserData user = null;
        Map<String, Object> extra = null;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String field = p.currentName();
            JsonToken value = p.nextToken();
            switch (field) {
                case "timestamp" -> timestamp = string(p, value);
                case "level" -> level = string(p, value);
                case "type" -> type = string(p, value);
                case "code" -> code = string(p, value);
                case "message" -> message = string(p, value);
                case "stackTrace" -> stackTrace = string(p, value);
                case "url" -> url = string(p, value);
                case "location" -> location = string(p, value);
                case "componentTrace" -> componentTrace = strings(p, value);
                case "http" -> http = http(p, value);
                case "user" -> user = user(p, value);
                case "requestId" -> requestId = string(p, value);
                case "extra" -> {
                    require(value == JsonToken.VALUE_NULL || value == JsonToken.START_OBJECT);
                    extra = value == JsonToken.VALUE_NULL ? null : object(p);
                }
                default -> throw NOT_PLAIN;
            }
        }
        require(timestamp != null && level != null && message != null);
        return new IngestBatch.Event(timestamp, level, type, code, message, stackTrace, url, location,
                componentTrace, http, user, requestId, extra);
    }

    private static IngestBatch.HttpData http(JsonParser p, JsonToken start) throws IOException {
        if (start == JsonToken.VALUE_NULL) {
            return null;
        }
        require(start == JsonToken.START_OBJECT);
        String method = null;
        Integer status = null;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String field = p.currentName();
            JsonToken value = p.nextToken();
            switch (field) {
                case "method" -> method = string(p, value);
                case "status" -> {
                    // an Int: an integer literal within 32 bits; 500.0 or 5e2 are for GraphQL to judge
                    require(value == JsonToken.VALUE_NULL || value == JsonToken.VALUE_NUMBER_INT
                            && p.getNumberType() == JsonParser.NumberType.INT);
                    status = value == JsonToken.VALUE_NULL ? null : p.getIntValue();
                }
                default -> throw NOT_PLAIN;
            }
        }
        return new IngestBatch.HttpData(method, status);
    }

    private static IngestBatch.UserData user(JsonParser p, JsonToken start) throws IOException {
        if (start == JsonToken.VALUE_NULL) {
            return null;
        }
        require(start == JsonToken.START_OBJECT);
        String id = null, email = null, name = null;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String field = p.currentName();
            JsonToken value = p.nextToken();
            switch (field) {
                case "id" -> id = string(p, value);
                case "email" -> email = string(p, value);
                case "name" -> name = string(p, value);
                default -> throw NOT_PLAIN;
            }
        }
        return new IngestBatch.UserData(id, email, name);
    }

    private static List<String> strings(JsonParser p, JsonToken start) throws IOException {
        if (start == JsonToken.VALUE_NULL) {
            return null;
        }
        require(start == JsonToken.START_ARRAY);
        List<String> out = new ArrayList<>();
        for (JsonToken t = p.nextToken(); t != JsonToken.END_ARRAY; t = p.nextToken()) {
            require(t == JsonToken.VALUE_STRING);
            out.add(p.getText());
        }
        return out;
    }

    /** A JSON object (the parser at its start) as the plain Java values events hold, as the JSON scalar gives them. */
    private static Map<String, Object> object(JsonParser p) throws IOException {
        Map<String, Object> map = new LinkedHashMap<>();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            map.put(name, value(p, p.nextToken()));
        }
        return map;
    }

    private static Object value(JsonParser p, JsonToken t) throws IOException {
        return switch (t) {
            case START_OBJECT -> object(p);
            case START_ARRAY -> {
                List<Object> list = new ArrayList<>();
                for (JsonToken e = p.nextToken(); e != JsonToken.END_ARRAY; e = p.nextToken()) {
                    list.add(value(p, e));
                }
                yield list;
            }
            case VALUE_STRING -> p.getText();
            case VALUE_NUMBER_INT -> p.getNumberType() == JsonParser.NumberType.BIG_INTEGER
                    ? p.getBigIntegerValue() : (Object) p.getLongValue();
            case VALUE_NUMBER_FLOAT -> p.getDoubleValue();
            case VALUE_TRUE -> Boolean.TRUE;
            case VALUE_FALSE -> Boolean.FALSE;
            case VALUE_NULL -> null;
            default -> throw NOT_PLAIN;
        };
    }

    /** A string field's value, or null for JSON null; anything else is not plainly a String. */
    private static String string(JsonParser p, JsonToken value) throws IOException {
        if (value == JsonToken.VALUE_NULL) {
            return null;
        }
        require(value == JsonToken.VALUE_STRING);
        return p.getText();
    }

    private static void require(boolean plain) {
        if (!plain) {
            throw NOT_PLAIN;
        }
    }
}
