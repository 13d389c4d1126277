package dev.jinju.ingest;

/** A whole batch was refused (unknown project, wrong key, too large, ...); {@code code} is machine-readable. */
public class IngestException extends RuntimeException {

    /** Why a batch was refused. */
    public enum Code { BAD_REQUEST, UNKNOWN_PROJECT, UNKNOWN_ENVIRONMENT, INVALID_KEY, FORBIDDEN_ORIGIN, TOO_LARGE, STORE_UNAVAILABLE, RATE_LIMITED }

    private final Code code;

    public IngestException(Code code, String message) {
        super(message);
        this.code = code;
    }

    public Code code() {
        return code;
    }
}
