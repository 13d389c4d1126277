package dev.jinju.alert;

/** A rule request that cannot be carried out; {@code code} says why (the API maps it to an error code). */
public class AlertException extends RuntimeException {
    /** Why. */
    public enum Code { BAD_RULE, UNKNOWN_RULE, RULE_EXISTS, CONFIG_RULE }

    private final Code code;
    private final Integer position;

    public AlertException(Code code, String message) {
        this(code, message, null);
    }

    public AlertException(Code code, String message, Integer position) {
        super(message);
        this.code = code;
        this.position = position;
    }

    public Code code() {
        return code;
    }

    /** For a bad query: the 0-based position in it; otherwise null. */
    public Integer position() {
        return position;
    }
}
