package dev.jinju.query;

import dev.jinju.event.LogEvent;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/** Reads the value(s) a query {@link Field} names from a {@link LogEvent}, for the evaluator and store compilers. */
public final class EventFields {

    private EventFields() {
    }

    /**
     * The raw value, or null when absent: a String for most fields, the {@code Level} for level, the
     * {@code Instant} for timestamp, the Integer for http.status, the {@code List<String>} componentTrace for
     * component, and for {@code extra.<path>} whatever is there (Map, List, String, Number, Boolean).
     */
    public static Object value(LogEvent e, Field field) {
        return switch (field.name()) {
            case "level" -> e.level();
            case "type" -> e.type();
            case "code" -> e.code();
            case "message" -> e.message();
            case "stackTrace" -> e.stackTrace();
            case "url" -> e.url();
            case "location" -> e.location();
            case "component" -> e.componentTrace();
            case "http.method" -> e.http() == null ? null : e.http().method();
            case "http.status" -> e.http() == null ? null : e.http().status();
            case "user.id" -> e.user() == null ? null : e.user().id();
            case "user.email" -> e.user() == null ? null : e.user().email();
            case "user.name" -> e.user() == null ? null : e.user().name();
            case "release" -> e.release();
            case "userAgent" -> e.userAgent();
            case "pageViewId" -> e.pageViewId();
            case "requestId" -> e.requestId();
            case "source" -> e.source();
            case "fingerprint" -> e.fingerprint();
            case "timestamp" -> e.timestamp();
            default -> {
                if (!field.isExtra()) {
                    throw new IllegalArgumentException("unknown field " + field);
                }
                yield extra(e.extra(), field.extraPath());
            }
        };
    }

    /**
     * Walks {@code path} ({@code a.b.c}) through nested maps of {@code extra}; a segment of digits indexes a
     * list ({@code items.0.sku}). Null when any step is missing.
     */
    public static Object extra(Map<String, Object> extra, String path) {
        Object at = extra;
        for (String key : path.split("\\.")) {
            if (at instanceof Map<?, ?> map) {
                at = map.get(key);
            } else if (at instanceof List<?> list && key.matches("[0-9]{1,9}")) {
                int i = Integer.parseInt(key);
                at = i < list.size() ? list.get(i) : null;
            } else {
                return null;
            }
        }
        return at;
    }

    /** Whether a value counts as present for {@code has:}: not null, "", an empty list or an empty map. */
    public static boolean isPresent(Object value) {
        if (value == null) {
            return false;
        }
        if (value instanceof String s) {
            return !s.isEmpty();
        }
        if (value instanceof Collection<?> c) {
            return !c.isEmpty();
        }
        if (value instanceof Map<?, ?> m) {
            return !m.isEmpty();
        }
        return true;
    }

    /**
     * The scalars a value stands for when matching: none for null or a map, each scalar element of a list
     * (componentTrace, JSON arrays in extra), else the value itself.
     */
    public static List<Object> scalars(Object value) {
        List<Object> out = new ArrayList<>();
        if (value instanceof List<?> list) {
            for (Object o : list) {
                if (o != null && !(o instanceof Map) && !(o instanceof List)) {
                    out.add(o);
                }
            }
        } else if (value != null && !(value instanceof Map)) {
            out.add(value);
        }
        return out;
    }

    /** The text a scalar compares as: numbers via {@link #formatNumber}, levels by name, instants in ISO-8601. */
    public static String text(Object scalar) {
        if (scalar instanceof Number n) {
            return formatNumber(n);
        }
        if (scalar instanceof Enum<?> en) {
            return en.name();
        }
        return String.valueOf(scalar);
    }

    /** The texts {@code field:value} compares against: {@link #text} of each of {@link #scalars}. */
    public static List<String> texts(LogEvent e, Field field) {
        return scalars(value(e, field)).stream().map(EventFields::text).toList();
    }

    /**
     * A number in plain decimal, without exponent and without trailing zeros: 9, 9L and 9.0 are all {@code 9},
     * 9.50 is {@code 9.5}, 1e20 is {@code 100000000000000000000}. NaN and infinities print as Java does.
     */
    public static String formatNumber(Number n) {
        BigDecimal d = toDecimal(n);
        return d == null ? n.toString() : d.stripTrailingZeros().toPlainString();
    }

    /** The exact decimal value of a number, or null for NaN and infinities. */
    public static BigDecimal toDecimal(Number n) {
        if (n instanceof BigDecimal bd) {
            return bd;
        }
        if (n instanceof BigInteger bi) {
            return new BigDecimal(bi);
        }
        if (n instanceof Integer || n instanceof Long || n instanceof Short || n instanceof Byte) {
            return BigDecimal.valueOf(n.longValue());
        }
        double d = n.doubleValue();
        if (Double.isNaN(d) || Double.isInfinite(d)) {
            return null;
        }
        // Float via its own shortest decimal, so 0.1f is 0.1 and not 0.100000001490116...
        return n instanceof Float f ? new BigDecimal(Float.toString(f)) : BigDecimal.valueOf(d);
    }
}
