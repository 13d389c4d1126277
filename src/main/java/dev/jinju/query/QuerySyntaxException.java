package dev.jinju.query;

/** A malformed query: where (0-based character offset) and what was expected there. */
public class QuerySyntaxException extends RuntimeException {

    private final int position;
    private final String expected;

    /** {@code at position P: expected E but found F}. */
    public QuerySyntaxException(int position, String expected, String found) {
        this("expected " + expected + " but found " + found, position, expected);
    }

    private QuerySyntaxException(String explanation, int position, String expected) {
        super("at position " + position + ": " + explanation);
        this.position = position;
        this.expected = expected;
    }

    /** {@code at position P: <explanation>}, for errors that say more than what was found (unknown fields). */
    public static QuerySyntaxException explained(int position, String expected, String explanation) {
        return new QuerySyntaxException(explanation, position, expected);
    }

    /** 0-based character (UTF-16) offset into the query text. */
    public int position() {
        return position;
    }

    /** What would have been valid at {@link #position()}, e.g. {@code ')'} or {@code a value}. */
    public String expected() {
        return expected;
    }
}
