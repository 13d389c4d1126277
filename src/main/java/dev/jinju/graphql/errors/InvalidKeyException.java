package dev.jinju.graphql.errors;

import io.smallrye.graphql.api.ErrorCode;

/** {@code INVALID_KEY}: the ingest key is wrong. */
@ErrorCode("INVALID_KEY")
public class InvalidKeyException extends ApiException {
    public InvalidKeyException(String message) {
        super(message);
    }

    public InvalidKeyException(String message, Integer position) {
        super(message, position);
    }
}
