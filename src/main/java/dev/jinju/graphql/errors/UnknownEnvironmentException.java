package dev.jinju.graphql.errors;

import io.smallrye.graphql.api.ErrorCode;

/** {@code UNKNOWN_ENVIRONMENT}: the environment is not configured for the project. */
@ErrorCode("UNKNOWN_ENVIRONMENT")
public class UnknownEnvironmentException extends ApiException {
    public UnknownEnvironmentException(String message) {
        super(message);
    }

    public UnknownEnvironmentException(String message, Integer position) {
        super(message, position);
    }
}
