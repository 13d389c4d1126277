package dev.jinju.graphql.errors;

import io.smallrye.graphql.api.ErrorCode;

/** {@code TOO_LARGE}: the batch exceeds a limit. */
@ErrorCode("TOO_LARGE")
public class TooLargeException extends ApiException {
    public TooLargeException(String message) {
        super(message);
    }

    public TooLargeException(String message, Integer position) {
        super(message, position);
    }
}
