package dev.jinju.graphql.errors;

import io.smallrye.graphql.api.ErrorCode;

/** {@code RATE_LIMITED}: the ingest key is over its rate limit; the message says when to retry. */
@ErrorCode("RATE_LIMITED")
public class RateLimitedException extends ApiException {
    public RateLimitedException(String message) {
        super(message);
    }
}
