package dev.jinju.graphql.errors;

import io.smallrye.graphql.api.ErrorCode;

/** {@code BAD_REQUEST}: the batch is malformed. */
@ErrorCode("BAD_REQUEST")
public class BadRequestException extends ApiException {
    public BadRequestException(String message) {
        super(message);
    }

    public BadRequestException(String message, Integer position) {
        super(message, position);
    }
}
