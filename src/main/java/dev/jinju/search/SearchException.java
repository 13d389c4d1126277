package dev.jinju.search;

/** A search request was malformed; {@code code} is machine-readable, {@code position} is set for query errors. */
public class SearchException extends RuntimeException {

    /** What was wrong. */
    public enum Code { BAD_QUERY, BAD_FILTER, UNKNOWN_GROUP, BAD_CURSOR }

    private final Code code;
    private final Integer position;

    public SearchException(Code code, String message, Integer position) {
        super(message);
        this.code = code;
        this.position = position;
    }

    public Code code() {
        return code;
    }

    public Integer position() {
        return position;
    }
}
