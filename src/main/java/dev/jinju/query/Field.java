package dev.jinju.query;

import java.util.List;
import java.util.Optional;

/** A field a query can name (SPEC §5): one of {@link #KNOWN}, or {@code extra.<path>} into the free JSON object. */
public record Field(String name) {

    public static final String EXTRA_PREFIX = "extra.";

    /** The named fields, in the order error messages list them. */
    public static final List<String> KNOWN = List.of(
            "level", "type", "code", "message", "stackTrace", "url", "location", "component",
            "http.method", "http.status", "user.id", "user.email", "user.name", "release", "userAgent",
            "pageViewId", "requestId", "source", "fingerprint", "timestamp");

    public static final Field LEVEL = new Field("level");
    public static final Field TIMESTAMP = new Field("timestamp");
    public static final Field HTTP_STATUS = new Field("http.status");
    public static final Field HTTP_METHOD = new Field("http.method");
    public static final Field COMPONENT = new Field("component");

    /** The field of that name, or empty when the name is neither known nor a non-empty {@code extra.} path. */
    public static Optional<Field> of(String name) {
        if (KNOWN.contains(name)) {
            return Optional.of(new Field(name));
        }
        if (name.startsWith(EXTRA_PREFIX) && name.length() > EXTRA_PREFIX.length()
                && !name.endsWith(".") && !name.contains("..")) {
            return Optional.of(new Field(name));
        }
        return Optional.empty();
    }

    public boolean isExtra() {
        return name.startsWith(EXTRA_PREFIX);
    }

    /** The dotted path inside {@code extra}, e.g. {@code order.id} for {@code extra.order.id}. */
    public String extraPath() {
        return name.substring(EXTRA_PREFIX.length());
    }

    /** Fields whose values are numbers, so that comparisons are numeric. */
    public boolean isNumeric() {
        return name.equals("http.status");
    }

    @Override
    public String toString() {
        return name;
    }
}
