package dev.jinju.alert;

import dev.jinju.event.Level;

import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * What a channel is told: a rule fired or resolved, with the numbers behind it, the top message of the window
 * and a link into the dashboard showing the rule's query over the window.
 */
public record AlertNotification(String rule, Kind kind, AlertCondition condition, String project,
                                String environment, List<String> groups, String query, long count,
                                Long previousCount, double threshold, Level level, String topMessage,
                                String fingerprint, Instant from, Instant to, String link) {

    /** Firing or resolved. */
    public enum Kind { FIRED, RESOLVED }

    public String where() {
        return project + (environment == null ? "" : "/" + environment);
    }

    /** One line saying what happened, e.g. "count 42 > 10 in 5 min". */
    public String reason() {
        long minutes = Math.max(1, java.time.Duration.between(from, to).toMinutes());
        String w = " in " + minutes + " min";
        return switch (condition) {
            case COUNT_ABOVE -> count + " events" + w + " (threshold " + num(threshold) + ")";
            case PERCENT_INCREASE -> count + " events" + w + ", previous window " + previousCount
                    + " (threshold +" + num(threshold) + " %)";
            case NEW_ERROR -> "a new kind of error (fingerprint " + fingerprint + ")";
        };
    }

    public String title() {
        String state = kind == Kind.FIRED ? "FIRING" : "RESOLVED";
        return "[" + state + "] " + rule + " — " + where()
                + (level == null ? "" : " " + level.name().toLowerCase(Locale.ROOT));
    }

    private static String num(double d) {
        return d == Math.rint(d) ? Long.toString((long) d) : Double.toString(d);
    }
}
