package dev.jinju.alert;

import java.util.Locale;
import java.util.Optional;

/** What makes a rule fire. */
public enum AlertCondition {
    /** More than {@code threshold} matching events in the window. */
    COUNT_ABOVE("count-above"),
    /** The window's count is up by at least {@code threshold} percent against the previous window. */
    PERCENT_INCREASE("percent-increase"),
    /** An event whose fingerprint the rule has never seen before. */
    NEW_ERROR("new-error");

    private final String configName;

    AlertCondition(String configName) {
        this.configName = configName;
    }

    public String configName() {
        return configName;
    }

    /** Accepts the configuration spelling ({@code count-above}) and the enum name ({@code COUNT_ABOVE}). */
    public static Optional<AlertCondition> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String s = text.trim().toLowerCase(Locale.ROOT).replace('_', '-');
        for (AlertCondition c : values()) {
            if (c.configName.equals(s)) {
                return Optional.of(c);
            }
        }
        return Optional.empty();
    }
}
