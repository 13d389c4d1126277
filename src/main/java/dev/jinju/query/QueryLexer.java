package dev.jinju.query;

import java.util.ArrayList;
import java.util.List;

/** Splits query text into {@link Token}s on demand, so an error is reported at the first bad spot from the left. */
final class QueryLexer {

    private final String src;
    private int pos;

    QueryLexer(String src) {
        this.src = src;
    }

    /** Whether {@code c} ends an unquoted term or value. */
    static boolean endsWord(char c) {
        return Character.isWhitespace(c) || c == '(' || c == ')' || c == '"';
    }

    /** Whether {@code c} ends an unquoted value inside {@code [a,b]}. */
    static boolean endsListItem(char c) {
        return endsWord(c) || c == ',' || c == '[' || c == ']';
    }

    /**
     * The length of the field name that {@code s} starts with when {@code s} reads as {@code name:...}, else -1.
     * A name starts with a letter and goes on with letters, digits, {@code _ . -}; {@code name://} is not a
     * field, so that URLs can be searched as free terms.
     */
    static int fieldNameLength(String s, int from) {
        int i = from;
        if (i >= s.length() || !Character.isLetter(s.charAt(i))) {
            return -1;
        }
        while (i < s.length()) {
            char c = s.charAt(i);
            if (!(Character.isLetterOrDigit(c) || c == '_' || c == '.' || c == '-')) {
                break;
            }
            i++;
        }
        if (i >= s.length() || s.charAt(i) != ':' || s.startsWith("//", i + 1)) {
            return -1;
        }
        return i - from;
    }

    Token next() {
        while (pos < src.length() && Character.isWhitespace(src.charAt(pos))) {
            pos++;
        }
        int start = pos;
        if (pos >= src.length()) {
            return new Token.End(start);
        }
        char c = src.charAt(pos);
        switch (c) {
            case '(':
                pos++;
                return new Token.Open(start);
            case ')':
                pos++;
                return new Token.Close(start);
            case '"':
                return new Token.Quoted(start, quoted());
            case '!':
            case '-':
                pos++;
                return new Token.Negation(start, c);
            default:
                break;
        }
        int nameLength = fieldNameLength(src, pos);
        if (nameLength > 0) {
            String name = src.substring(pos, pos + nameLength);
            pos += nameLength + 1;
            return fieldTerm(start, name);
        }
        String word = bare(false);
        if (word.equals("AND")) {
            return new Token.AndOp(start);
        }
        if (word.equals("OR")) {
            return new Token.OrOp(start);
        }
        return new Token.Word(start, word);
    }

    private Token fieldTerm(int start, String name) {
        String after = "'" + name + ":'";
        if (name.equals("has")) {
            int at = pos;
            return new Token.FieldTerm(start, name, null, -1, List.of(new Token.Value(bare(false), at)), false);
        }
        if (pos < src.length() && src.charAt(pos) == '[') {
            return new Token.FieldTerm(start, name, null, -1, list(), true);
        }
        Query.Comparison op = null;
        int opPosition = -1;
        if (pos < src.length() && (src.charAt(pos) == '>' || src.charAt(pos) == '<')) {
            opPosition = pos;
            boolean greater = src.charAt(pos) == '>';
            boolean orEqual = pos + 1 < src.length() && src.charAt(pos + 1) == '=';
            op = greater ? (orEqual ? Query.Comparison.GE : Query.Comparison.GT)
                    : (orEqual ? Query.Comparison.LE : Query.Comparison.LT);
            pos += orEqual ? 2 : 1;
            after = "'" + name + ":" + op.symbol() + "'";
        }
        return new Token.FieldTerm(start, name, op, opPosition, List.of(value(after, false)), false);
    }

    /** {@code [a, "b c", d]}: one or more values; spaces are allowed around items. */
    private List<Token.Value> list() {
        pos++;
        List<Token.Value> values = new ArrayList<>();
        while (true) {
            skipWhitespace();
            values.add(value("'[' or ','", true));
            skipWhitespace();
            if (pos >= src.length()) {
                throw new QuerySyntaxException(pos, "',' or ']'", "end of query");
            }
            char c = src.charAt(pos);
            if (c == ']') {
                pos++;
                return values;
            }
            if (c != ',') {
                throw new QuerySyntaxException(pos, "',' or ']'", found(pos));
            }
            pos++;
        }
    }

    /** A quoted or bare value; an empty one is an error, so every field term carries something to compare. */
    private Token.Value value(String after, boolean inList) {
        int at = pos;
        String text = pos < src.length() && src.charAt(pos) == '"' ? quoted() : bare(inList);
        if (text.isEmpty()) {
            throw new QuerySyntaxException(at, "a value after " + after, found(at));
        }
        return new Token.Value(text, at);
    }

    private String bare(boolean inList) {
        int start = pos;
        while (pos < src.length() && !(inList ? endsListItem(src.charAt(pos)) : endsWord(src.charAt(pos)))) {
            pos++;
        }
        return src.substring(start, pos);
    }

    /** A {@code "..."} string; a backslash takes the next character literally ({@code \"}, {@code \\}). */
    private String quoted() {
        int open = pos;
        pos++;
        StringBuilder out = new StringBuilder();
        while (pos < src.length()) {
            char c = src.charAt(pos);
            if (c == '"') {
                pos++;
                return out.toString();
            }
            if (c == '\\' && pos + 1 < src.length()) {
                out.append(src.charAt(pos + 1));
                pos += 2;
            } else {
                out.append(c);
                pos++;
            }
        }
        throw QuerySyntaxException.explained(src.length(), "'\"'",
                "expected '\"' to close the quote opened at position " + open + " but found end of query");
    }

    private void skipWhitespace() {
        while (pos < src.length() && Character.isWhitespace(src.charAt(pos))) {
            pos++;
        }
    }

    /** How the text at {@code at} reads in "but found ...": the word there, or the single character. */
    String found(int at) {
        if (at >= src.length()) {
            return "end of query";
        }
        int end = at;
        while (end < src.length() && !endsListItem(src.charAt(end))) {
            end++;
        }
        if (end == at) {
            end = at + Character.charCount(src.codePointAt(at));
        }
        return "'" + src.substring(at, end) + "'";
    }
}
