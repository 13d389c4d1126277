package dev.jinju.ingest;

/** The key sent more events than its rate limit allows; nothing of the batch was stored. */
public class RateLimitedException extends IngestException {
    private final long retryAfterSeconds;

    public RateLimitedException(String message, long retryAfterSeconds) {
        super(Code.RATE_LIMITED, message);
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
