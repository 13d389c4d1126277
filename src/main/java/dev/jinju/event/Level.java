package dev.jinju.event;

import java.util.Locale;
import java.util.Optional;

/** Severity of an event, normalised from the spellings of Python, Sentry, Lambda, Powertools and browsers. */
public enum Level {
    TRACE, DEBUG, INFO, WARN, ERROR, FATAL;

    /**
     * Maps any common spelling to a level, case-insensitively: Python's {@code WARNING}/{@code CRITICAL}/
     * {@code EXCEPTION}, Sentry's {@code warning}/{@code fatal}/{@code log}, console's {@code log}/{@code verbose},
     * syslog's {@code notice}/{@code alert}/{@code emerg}, and Python's numeric levels (10..50).
     */
    public static Optional<Level> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String s = text.trim().toUpperCase(Locale.ROOT);
        return Optional.ofNullable(switch (s) {
            case "TRACE", "FINEST", "FINER", "VERBOSE", "5" -> TRACE;
            case "DEBUG", "FINE", "CONFIG", "10" -> DEBUG;
            case "INFO", "INFORMATION", "LOG", "NOTICE", "NOTSET", "20" -> INFO;
            case "WARN", "WARNING", "30" -> WARN;
            case "ERROR", "ERR", "SEVERE", "EXCEPTION", "40" -> ERROR;
            case "FATAL", "CRITICAL", "CRIT", "ALERT", "EMERG", "EMERGENCY", "PANIC", "50" -> FATAL;
            default -> null;
        });
    }

    /** Whether this level is at least as severe as {@code other}. */
    public boolean atLeast(Level other) {
        return compareTo(other) >= 0;
    }
}
