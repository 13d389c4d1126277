package dev.jinju.query;

import java.util.stream.Collectors;

/** Prints a {@link Query} back as query text, so that {@code QueryParser.parse(print(q)).equals(q)}. */
public final class QueryPrinter {

    private QueryPrinter() {
    }

    /**
     * The text of {@code q}. Works for every tree the parser produces; throws IllegalArgumentException for
     * trees it cannot produce and the language cannot spell (an {@code All} inside a group, a {@link Query.Text}
     * that would need quotes, which would make it a phrase).
     */
    public static String print(Query q) {
        if (q instanceof Query.All) {
            return "";
        }
        return node(q);
    }

    private static String node(Query q) {
        if (q instanceof Query.All) {
            throw new IllegalArgumentException("All can only stand alone, as the empty query");
        } else if (q instanceof Query.And and) {
            // OR binds looser than AND, so an Or inside an And needs parentheses; so does an And inside an
            // And, which the parser would otherwise flatten.
            return and.clauses().stream()
                    .map(c -> c instanceof Query.Or || c instanceof Query.And ? group(c) : node(c))
                    .collect(Collectors.joining(" "));
        } else if (q instanceof Query.Or or) {
            return or.clauses().stream()
                    .map(c -> c instanceof Query.Or ? group(c) : node(c))
                    .collect(Collectors.joining(" OR "));
        } else if (q instanceof Query.Not not) {
            Query inner = not.query();
            return "!" + (inner instanceof Query.And || inner instanceof Query.Or ? group(inner) : node(inner));
        } else if (q instanceof Query.Text text) {
            if (!isBareTerm(text.term())) {
                throw new IllegalArgumentException("a free term cannot be written as " + text.term());
            }
            return text.term();
        } else if (q instanceof Query.Phrase phrase) {
            return quote(phrase.text());
        } else if (q instanceof Query.Match match) {
            String v = match.value();
            boolean bare = isBare(v, false) && v.charAt(0) != '[' && v.charAt(0) != '>' && v.charAt(0) != '<';
            return match.field() + ":" + (bare ? v : quote(v));
        } else if (q instanceof Query.AnyOf anyOf) {
            return anyOf.field() + ":[" + anyOf.values().stream()
                    .map(v -> isBare(v, true) ? v : quote(v))
                    .collect(Collectors.joining(",")) + "]";
        } else if (q instanceof Query.Compare compare) {
            String v = compare.value();
            boolean bare = isBare(v, false) && "=<>".indexOf(v.charAt(0)) < 0;
            return compare.field() + ":" + compare.op().symbol() + (bare ? v : quote(v));
        } else if (q instanceof Query.Has has) {
            return "has:" + has.field();
        }
        throw new IllegalArgumentException("unknown query node " + q);
    }

    private static String group(Query q) {
        return "(" + node(q) + ")";
    }

    /** Whether {@code term} reads back as the same free term when written without quotes. */
    public static boolean isBareTerm(String term) {
        return isBare(term, false) && term.charAt(0) != '!' && term.charAt(0) != '-'
                && !term.equals("AND") && !term.equals("OR") && QueryLexer.fieldNameLength(term, 0) < 0;
    }

    private static boolean isBare(String s, boolean inList) {
        if (s.isEmpty()) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            if (inList ? QueryLexer.endsListItem(s.charAt(i)) : QueryLexer.endsWord(s.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    private static String quote(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
