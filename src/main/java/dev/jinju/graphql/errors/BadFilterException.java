package dev.jinju.graphql.errors;

import io.smallrye.graphql.api.ErrorCode;

/** {@code BAD_FILTER}: the filter or paging arguments are invalid. */
@ErrorCode("BAD_FILTER")
public class BadFilterException extends ApiException {
    public BadFilterException(String message) {
        super(message);
    }

    public BadFilterException(String message, Integer position) {
        super(message, position);
    }
}
