package dev.jinju.store.cloudwatch;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A small matcher of CloudWatch Logs JSON filter patterns as AWS documents them (the subset the compiler emits):
 * {@code { cond }} where cond is {@code $.a.b op value} with op {@code = != > < >= <=}, value a quoted string
 * (exact, case-sensitive; {@code *} wildcard) or a number, combined with {@code &&} and {@code ||} (&& binds
 * tighter) and parentheses. A selector that names no field does not match; strings compare only with string
 * values, numbers only with numeric values.
 */
final class FilterPatternSemantics {
    private static final Pattern TOKEN = Pattern.compile(
            "\\s*(\\(|\\)|&&|\\|\\||\\$[A-Za-z0-9_.]+|!=|>=|<=|=|>|<|\"[^\"]*\"|-?[0-9]+(?:\\.[0-9]+)?)");
    private final String src;
    private final Matcher m;
    private String tok;

    private FilterPatternSemantics(String body) {
        this.src = body;
        this.m = TOKEN.matcher(body);
        advance();
    }

    static boolean matches(String pattern, JsonNode event) {
        String p = pattern.trim();
        if (!p.startsWith("{") || !p.endsWith("}")) {
            throw new IllegalArgumentException("not a JSON pattern: " + pattern);
        }
        FilterPatternSemantics parser = new FilterPatternSemantics(p.substring(1, p.length() - 1));
        boolean r = parser.or(event);
        if (parser.tok != null) {
            throw new IllegalArgumentException("trailing " + parser.tok + " in " + pattern);
        }
        return r;
    }

    private void advance() {
        if (m.lookingAt()) {
            tok = m.group(1);
            m.region(m.end(), src.length());
        } else {
            if (!src.substring(m.regionStart()).isBlank()) {
                throw new IllegalArgumentException("bad pattern at " + src.substring(m.regionStart()));
            }
            tok = null;
        }
    }

    private boolean or(JsonNode e) {
        boolean r = and(e);
        while ("||".equals(tok)) {
            advance();
            r |= and(e);
        }
        return r;
    }

    private boolean and(JsonNode e) {
        boolean r = primary(e);
        while ("&&".equals(tok)) {
            advance();
            r &= primary(e);
        }
        return r;
    }

    private boolean primary(JsonNode e) {
        if ("(".equals(tok)) {
            advance();
            boolean r = or(e);
            expect(")");
            return r;
        }
        String selector = tok;
        if (selector == null || !selector.startsWith("$.")) {
            throw new IllegalArgumentException("selector expected, got " + tok);
        }
        advance();
        String op = tok;
        advance();
        String value = tok;
        advance();
        JsonNode node = e;
        for (String part : selector.substring(2).split("\\.")) {
            node = node == null ? null : node.get(part);
        }
        if (node == null || node.isNull()) {
            return false;
        }
        if (value.startsWith("\"")) {
            String v = value.substring(1, value.length() - 1);
            if (!node.isTextual()) {
                return false;
            }
            boolean eq = Pattern.compile(("\\Q" + v + "\\E").replace("*", "\\E.*\\Q")).matcher(node.asText()).matches();
            return switch (op) {
                case "=" -> eq;
                case "!=" -> !eq;
                default -> throw new IllegalArgumentException("string with " + op);
            };
        }
        if (!node.isNumber()) {
            return false;
        }
        int cmp = Double.compare(node.asDouble(), Double.parseDouble(value));
        return switch (op) {
            case "=" -> cmp == 0;
            case "!=" -> cmp != 0;
            case ">" -> cmp > 0;
            case "<" -> cmp < 0;
            case ">=" -> cmp >= 0;
            case "<=" -> cmp <= 0;
            default -> throw new IllegalArgumentException("operator " + op);
        };
    }

    private void expect(String t) {
        if (!t.equals(tok)) {
            throw new IllegalArgumentException("expected " + t + " got " + tok);
        }
        advance();
    }
}
