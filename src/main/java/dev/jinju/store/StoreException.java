package dev.jinju.store;

/** A store could not do what was asked (unreachable, corrupt, or a bad cursor); the message says why. */
public class StoreException extends RuntimeException {
    public StoreException(String message) {
        super(message);
    }

    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
