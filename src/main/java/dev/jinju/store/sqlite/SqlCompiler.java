package dev.jinju.store.sqlite;

import dev.jinju.event.Level;
import dev.jinju.query.Field;
import dev.jinju.query.Query;
import dev.jinju.query.QueryTimes;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Compiles the structured part of a query tree to SQL over the {@code events} table. Free text, {@code message},
 * {@code stackTrace} and {@code extra.*} are left to the evaluator: they compile to a superset (see
 * {@link SqlPredicate#exact()}).
 * Every leaf yields 0 or 1, never NULL, so that NOT keeps the evaluator's meaning for absent fields.
 */
final class SqlCompiler {

    /**
     * Fields SQL cannot see: a row's {@code text_z} holds them compressed (the body only for rows written before
     * it existed), so the evaluator decides on them.
     */
    private static final Set<String> COMPRESSED = Set.of("message", "stackTrace");

    /** JSON paths in the body column for fields without a column of their own. */
    private static final Map<String, String> JSON_PATHS = Map.ofEntries(
            Map.entry("code", "$.code"), Map.entry("url", "$.url"),
            Map.entry("location", "$.location"), Map.entry("http.method", "$.http.method"),
            Map.entry("user.id", "$.user.id"), Map.entry("user.email", "$.user.email"),
            Map.entry("user.name", "$.user.name"), Map.entry("release", "$.release"),
            Map.entry("userAgent", "$.userAgent"), Map.entry("pageViewId", "$.pageViewId"),
            Map.entry("requestId", "$.requestId"), Map.entry("source", "$.source"),
            Map.entry("fingerprint", "$.fingerprint"));

    private SqlCompiler() {
    }

    static SqlPredicate compile(Query query) {
        if (query instanceof Query.All) {
            return SqlPredicate.TRUE_EXACT;
        }
        if (query instanceof Query.And and) {
            return combine(and.clauses(), " AND ");
        }
        if (query instanceof Query.Or or) {
            SqlPredicate p = combine(or.clauses(), " OR ");
            // One inexact branch makes the OR unknowable in SQL: keep every row, let the evaluator decide.
            return p.exact() ? p : SqlPredicate.TRUE_SUPERSET;
        }
        if (query instanceof Query.Not not) {
            SqlPredicate inner = compile(not.query());
            return inner.exact() ? new SqlPredicate("NOT (" + inner.sql() + ")", inner.params(), true)
                    : SqlPredicate.TRUE_SUPERSET;
        }
        if (query instanceof Query.Match m) {
            return match(m.field(), m.value());
        }
        if (query instanceof Query.AnyOf any) {
            List<Query> alternatives = new ArrayList<>();
            any.values().forEach(v -> alternatives.add(new Query.Match(any.field(), v)));
            return alternatives.size() == 1 ? compile(alternatives.get(0)) : compile(new Query.Or(alternatives));
        }
        if (query instanceof Query.Compare c) {
            return compare(c);
        }
        if (query instanceof Query.Has h) {
            return has(h.field());
        }
        // Text and Phrase: words of message and stack trace, for the evaluator (or the text index) to decide.
        return SqlPredicate.TRUE_SUPERSET;
    }

    private static SqlPredicate combine(List<Query> clauses, String op) {
        List<String> parts = new ArrayList<>();
        List<Object> params = new ArrayList<>();
        boolean exact = true;
        for (Query q : clauses) {
            SqlPredicate p = compile(q);
            exact &= p.exact();
            if (p.sql().equals("1") && op.equals(" AND ")) {
                continue;
            }
            parts.add("(" + p.sql() + ")");
            params.addAll(p.params());
        }
        if (parts.isEmpty()) {
            return exact ? SqlPredicate.TRUE_EXACT : SqlPredicate.TRUE_SUPERSET;
        }
        return new SqlPredicate(String.join(op, parts), params, exact);
    }

    private static SqlPredicate match(Field field, String value) {
        String name = field.name();
        if (field.isExtra() || name.equals("timestamp") || COMPRESSED.contains(name)) {
            return SqlPredicate.TRUE_SUPERSET;
        }
        if (name.equals("level")) {
            if (value.contains("*")) {
                return SqlPredicate.TRUE_SUPERSET;
            }
            return Level.parse(value).map(l -> new SqlPredicate("level = ?", List.<Object>of(l.ordinal()), true))
                    .orElse(new SqlPredicate("0", List.of(), true));
        }
        if (name.equals("http.status")) {
            return textMatch("CAST(http_status AS TEXT)", value);
        }
        if (name.equals("type")) {
            return textMatch("type", value);
        }
        if (name.equals("component")) {
            SqlPredicate inner = textMatch("value", value);
            return new SqlPredicate("EXISTS (SELECT 1 FROM json_each(body, '$.componentTrace') WHERE "
                    + inner.sql() + ")", inner.params(), true);
        }
        String expr = "json_extract(body, '" + JSON_PATHS.get(name) + "')";
        if (name.equals("http.method")) { // compared upper-cased on both sides
            return textMatch("upper(" + expr + ")", value.toUpperCase(Locale.ROOT));
        }
        return textMatch(expr, value);
    }

    /** Equality, or GLOB when the value has a {@code *} wildcard; both case-sensitive, as the evaluator. */
    private static SqlPredicate textMatch(String expr, String value) {
        if (value.contains("*")) {
            return new SqlPredicate("(" + expr + " IS NOT NULL AND " + expr + " GLOB ?)",
                    List.of(globPattern(value)), true);
        }
        return new SqlPredicate("(" + expr + " IS NOT NULL AND " + expr + " = ?)", List.of(value), true);
    }

    /** Our values know only {@code *}; GLOB's other specials ({@code ? [ ]}) are made literal. */
    static String globPattern(String value) {
        StringBuilder sb = new StringBuilder();
        for (char ch : value.toCharArray()) {
            switch (ch) {
                case '?' -> sb.append("[?]");
                case '[' -> sb.append("[[]");
                case ']' -> sb.append("[]]");
                default -> sb.append(ch);
            }
        }
        return sb.toString();
    }

    private static SqlPredicate compare(Query.Compare c) {
        String op = c.op().symbol();
        switch (c.field().name()) {
            case "http.status" -> {
                try {
                    long n = Long.parseLong(c.value().trim());
                    return new SqlPredicate("(http_status IS NOT NULL AND http_status " + op + " ?)", List.of(n), true);
                } catch (NumberFormatException e) {
                    return SqlPredicate.TRUE_SUPERSET;
                }
            }
            case "timestamp" -> {
                Optional<java.time.Instant> t = QueryTimes.parse(c.value());
                return t.map(i -> new SqlPredicate("ts " + op + " ?", List.<Object>of(i.toEpochMilli()), true))
                        .orElse(SqlPredicate.TRUE_SUPERSET);
            }
            case "level" -> {
                return Level.parse(c.value())
                        .map(l -> new SqlPredicate("level " + op + " ?", List.<Object>of(l.ordinal()), true))
                        .orElse(SqlPredicate.TRUE_SUPERSET);
            }
            default -> {
                return SqlPredicate.TRUE_SUPERSET;
            }
        }
    }

    private static SqlPredicate has(Field field) {
        String name = field.name();
        return switch (name) {
            case "level", "timestamp" -> SqlPredicate.TRUE_EXACT;
            case "http.status" -> new SqlPredicate("http_status IS NOT NULL", List.of(), true);
            case "type" -> new SqlPredicate("(type IS NOT NULL AND type <> '')", List.of(), true);
            case "component" -> new SqlPredicate(
                    "COALESCE(json_array_length(body, '$.componentTrace'), 0) > 0", List.of(), true);
            default -> {
                if (field.isExtra() || COMPRESSED.contains(name)) {
                    yield SqlPredicate.TRUE_SUPERSET;
                }
                String expr = "json_extract(body, '" + JSON_PATHS.get(name) + "')";
                yield new SqlPredicate("(" + expr + " IS NOT NULL AND " + expr + " <> '')", List.of(), true);
            }
        };
    }
}
