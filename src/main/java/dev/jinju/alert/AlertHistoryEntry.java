package dev.jinju.alert;

import java.time.Instant;

/**
 * One line of alert history: a rule fired or resolved, or a channel was notified or failed.
 * {@code channel} and {@code detail} are set for notifications; {@code fingerprint} for new-error firings.
 */
public record AlertHistoryEntry(long id, String rule, Instant at, Kind kind, Long count, String message,
                                String fingerprint, String channel, String detail) {

    /** What happened. */
    public enum Kind { FIRED, RESOLVED, NOTIFIED, NOTIFY_FAILED }
}
