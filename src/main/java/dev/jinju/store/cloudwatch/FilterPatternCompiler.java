package dev.jinju.store.cloudwatch;

import dev.jinju.event.Level;
import dev.jinju.query.Field;
import dev.jinju.query.Query;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Compiles a query tree to a CloudWatch Logs JSON filter pattern ({@code { $.level = "ERROR" && ... }}) for
 * FilterLogEvents on Jinju's own groups, whose messages are {@link EventMessages} objects.
 *
 * <p>The pattern only narrows what is fetched; the evaluator decides. So every pattern is a <em>superset</em> of
 * the query: whatever cannot be expressed with the same meaning becomes "match everything" (no condition).
 * In particular free terms and phrases are never pushed down (CloudWatch terms are case-sensitive substrings,
 * ours case-insensitive analysed words); wildcards, {@code extra.*} (string or number), {@code component},
 * {@code timestamp} (the time range goes to startTime/endTime), {@code http.method} (stored in any case, compared
 * upper-cased) and {@code has:} are not either. A negation is
 * pushed only when its operand is exact and total, which holds for level conditions (every event has a level).
 * Values are pushed only when made of characters that need no escaping in a quoted pattern value.
 */
public final class FilterPatternCompiler {
    /** FilterLogEvents' documented maximum length of filterPattern. */
    public static final int MAX_PATTERN_LENGTH = 1024;
    private static final Pattern SAFE_VALUE = Pattern.compile("[A-Za-z0-9 _.,:/@+#-]+");
    private static final Pattern INTEGER = Pattern.compile("-?[0-9]{1,9}");

    /** Event fields addressed by a JSON selector, with their JSON path. */
    static final Map<String, String> STRING_FIELDS = Map.ofEntries(
            Map.entry("type", "$.type"), Map.entry("code", "$.code"), Map.entry("message", "$.message"),
            Map.entry("stackTrace", "$.stackTrace"), Map.entry("url", "$.url"), Map.entry("location", "$.location"),
Map.entry("user.id", "$.user.id"),
            Map.entry("user.email", "$.user.email"), Map.entry("user.name", "$.user.name"),
            Map.entry("release", "$.release"), Map.entry("userAgent", "$.userAgent"),
            Map.entry("pageViewId", "$.pageViewId"), Map.entry("requestId", "$.requestId"),
            Map.entry("source", "$.source"), Map.entry("fingerprint", "$.fingerprint"));

    private FilterPatternCompiler() {
    }

    /** The pattern for the query and the scope's levels (empty = all), or empty when nothing narrows. */
    public static Optional<String> compile(Query query, Set<Level> levels) {
        List<String> parts = new ArrayList<>();
        if (levels != null && !levels.isEmpty() && levels.size() < Level.values().length) {
            parts.add(levels(EnumSet.copyOf(levels)));
        }
        superset(query).ifPresent(parts::add);
        if (parts.isEmpty()) {
            return Optional.empty();
        }
        String body = parts.size() == 1 ? parts.get(0) : and(parts);
        String pattern = "{ " + body + " }";
        return pattern.length() <= MAX_PATTERN_LENGTH ? Optional.of(pattern) : Optional.empty();
    }

    /** A condition matched by every event the query matches, or empty for "no condition". */
    static Optional<String> superset(Query q) {
        if (q instanceof Query.And and) {
            List<String> parts = new ArrayList<>();
            for (Query c : and.clauses()) {
                superset(c).ifPresent(parts::add);
            }
            return parts.isEmpty() ? Optional.empty() : Optional.of(parts.size() == 1 ? parts.get(0) : and(parts));
        }
        if (q instanceof Query.Or or) {
            List<String> parts = new ArrayList<>();
            for (Query c : or.clauses()) {
                Optional<String> p = superset(c);
                if (p.isEmpty()) {
                    return Optional.empty(); // one unconstrained branch: the whole OR is unconstrained
                }
                parts.add(p.get());
            }
            return Optional.of(parts.size() == 1 ? parts.get(0) : or(parts));
        }
        if (q instanceof Query.Not not) {
            return levelSet(not.query()).map(set -> {
                EnumSet<Level> complement = EnumSet.allOf(Level.class);
                complement.removeAll(set);
                return levels(complement);
            });
        }
        if (q instanceof Query.Match m) {
            return m.field().equals(Field.LEVEL) ? levelSet(m).map(FilterPatternCompiler::levels)
                    : equality(m.field(), m.value());
        }
        if (q instanceof Query.AnyOf any) {
            if (any.field().equals(Field.LEVEL)) {
                return levelSet(any).map(FilterPatternCompiler::levels);
            }
            List<String> parts = new ArrayList<>();
            for (String v : any.values()) {
                Optional<String> p = equality(any.field(), v);
                if (p.isEmpty()) {
                    return Optional.empty();
                }
                parts.add(p.get());
            }
            return parts.isEmpty() ? Optional.empty() : Optional.of(parts.size() == 1 ? parts.get(0) : or(parts));
        }
        if (q instanceof Query.Compare c) {
            if (c.field().equals(Field.LEVEL)) {
                return levelSet(c).map(FilterPatternCompiler::levels);
            }
            if (c.field().equals(Field.HTTP_STATUS) && INTEGER.matcher(c.value()).matches()) {
                return Optional.of("$.http.status " + c.op().symbol() + " " + Integer.parseInt(c.value()));
            }
            return Optional.empty();
        }
        // All, Text, Phrase, Has: no condition
        return Optional.empty();
    }

    /**
     * The exact set of levels a level-only query selects (every event has exactly one level, so such a query's
     * negation is exact too), or empty when the query is not a plain level condition.
     */
    static Optional<EnumSet<Level>> levelSet(Query q) {
        if (q instanceof Query.Match m && m.field().equals(Field.LEVEL)) {
            return m.value().contains("*") ? Optional.empty() : Level.parse(m.value()).map(EnumSet::of);
        }
        if (q instanceof Query.AnyOf a && a.field().equals(Field.LEVEL)) {
            EnumSet<Level> set = EnumSet.noneOf(Level.class);
            for (String v : a.values()) {
                Optional<Level> l = v.contains("*") ? Optional.empty() : Level.parse(v);
                if (l.isEmpty()) {
                    return Optional.empty();
                }
                set.add(l.get());
            }
            return Optional.of(set);
        }
        if (q instanceof Query.Compare c && c.field().equals(Field.LEVEL)) {
            return Level.parse(c.value()).map(ref -> {
                EnumSet<Level> set = EnumSet.noneOf(Level.class);
                for (Level l : Level.values()) {
                    if (c.op().test(l.compareTo(ref))) {
                        set.add(l);
                    }
                }
                return set;
            });
        }
        return Optional.empty();
    }

    private static String levels(Set<Level> set) {
        if (set.isEmpty()) {
            return "$.level = \"-none-\"";
        }
        List<String> parts = set.stream().sorted().map(l -> "$.level = \"" + l.name() + "\"").toList();
        return parts.size() == 1 ? parts.get(0) : or(parts);
    }

    private static Optional<String> equality(Field field, String value) {
        if (value.contains("*")) {
            return Optional.empty();
        }
        if (field.equals(Field.HTTP_STATUS)) {
            return INTEGER.matcher(value).matches()
                    ? Optional.of("$.http.status = " + Integer.parseInt(value)) : Optional.empty();
        }
        String path = STRING_FIELDS.get(field.name());
        if (path == null || !SAFE_VALUE.matcher(value).matches()) {
            return Optional.empty();
        }
        return Optional.of(path + " = \"" + value + "\"");
    }

    private static String and(List<String> parts) {
        return "(" + String.join(") && (", parts) + ")";
    }

    private static String or(List<String> parts) {
        return "(" + String.join(") || (", parts) + ")";
    }
}
