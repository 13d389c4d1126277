package dev.jinju.graphql.errors;

import io.smallrye.graphql.api.ErrorCode;

/** {@code BAD_CURSOR}: the cursor does not belong to this search. */
@ErrorCode("BAD_CURSOR")
public class BadCursorException extends ApiException {
    public BadCursorException(String message) {
        super(message);
    }

    public BadCursorException(String message, Integer position) {
        super(message, position);
    }
}
