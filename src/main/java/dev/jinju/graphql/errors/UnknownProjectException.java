package dev.jinju.graphql.errors;

import io.smallrye.graphql.api.ErrorCode;

/** {@code UNKNOWN_PROJECT}: the project is not configured. */
@ErrorCode("UNKNOWN_PROJECT")
public class UnknownProjectException extends ApiException {
    public UnknownProjectException(String message) {
        super(message);
    }

    public UnknownProjectException(String message, Integer position) {
        super(message, position);
    }
}
