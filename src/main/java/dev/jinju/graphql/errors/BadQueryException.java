package dev.jinju.graphql.errors;

import io.smallrye.graphql.api.ErrorCode;

/** {@code BAD_QUERY}: the query could not be parsed. */
@ErrorCode("BAD_QUERY")
public class BadQueryException extends ApiException {
    public BadQueryException(String message) {
        super(message);
    }

    public BadQueryException(String message, Integer position) {
        super(message, position);
    }
}
