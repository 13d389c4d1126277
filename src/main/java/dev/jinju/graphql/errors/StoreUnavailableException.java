package dev.jinju.graphql.errors;

import io.smallrye.graphql.api.ErrorCode;

/** {@code STORE_UNAVAILABLE}: the store could not be reached. */
@ErrorCode("STORE_UNAVAILABLE")
public class StoreUnavailableException extends ApiException {
    public StoreUnavailableException(String message) {
        super(message);
    }

    public StoreUnavailableException(String message, Integer position) {
        super(message, position);
    }
}
