package dev.jinju.graphql.errors;

/**
 * Base of the errors the GraphQL API reports to clients. Checked, so SmallRye shows its message; each
 * subclass carries an {@code @ErrorCode} that becomes {@code extensions.code}.
 */
public abstract class ApiException extends Exception {
    private final Integer position;

    protected ApiException(String message) {
        this(message, null);
    }

    protected ApiException(String message, Integer position) {
        super(message, null, false, false);
        this.position = position;
    }

    /** For query errors: the 0-based character position in the query; otherwise null. */
    public Integer position() {
        return position;
    }
}
