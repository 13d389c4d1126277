package dev.jinju.graphql.errors;

import io.smallrye.graphql.api.ErrorCode;

/** {@code UNKNOWN_GROUP}: a log group does not exist. */
@ErrorCode("UNKNOWN_GROUP")
public class UnknownGroupException extends ApiException {
    public UnknownGroupException(String message) {
        super(message);
    }

    public UnknownGroupException(String message, Integer position) {
        super(message, position);
    }
}
