package dev.jinju.graphql.errors;

import io.smallrye.graphql.api.ErrorCode;

/** {@code FORBIDDEN_ORIGIN}: the browser origin may not send to the project. */
@ErrorCode("FORBIDDEN_ORIGIN")
public class ForbiddenOriginException extends ApiException {
    public ForbiddenOriginException(String message) {
        super(message);
    }

    public ForbiddenOriginException(String message, Integer position) {
        super(message, position);
    }
}
