package dev.jinju.alert;

import java.time.Duration;
import java.util.List;

/** A rule as asked for (by configuration or the API), before validation. Null fields take defaults. */
public record RuleSpec(String name, String project, String environment, List<String> groups, String query,
                       List<String> levels, String condition, Double threshold, Long minCount, Duration window,
                       Duration cooldown, List<String> channels, Boolean enabled) {
}
