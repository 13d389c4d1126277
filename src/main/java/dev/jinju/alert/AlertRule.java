package dev.jinju.alert;

import dev.jinju.event.Level;
import dev.jinju.event.LogGroups;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * One alert rule: a query over a project's environment (or explicit log groups), a window, a condition, a
 * cooldown and the channels to notify. {@code source} says whether it came from configuration or the API.
 */
public record AlertRule(String name, Source source, String project, String environment, List<String> groups,
                        String query, Set<Level> levels, AlertCondition condition, double threshold, long minCount,
                        Duration window, Duration cooldown, List<String> channels, boolean enabled,
                        Instant createdAt, Instant updatedAt) {

    /** Where a rule is defined. */
    public enum Source { CONFIG, API }

    public AlertRule {
        groups = groups == null ? List.of() : List.copyOf(groups);
        levels = levels == null ? Set.of() : Set.copyOf(levels);
        channels = channels == null ? List.of() : List.copyOf(channels);
        query = query == null ? "" : query;
    }

    /** The log groups the rule watches: its explicit groups, else the environment's own group. */
    public List<String> scopeGroups() {
        if (!groups.isEmpty()) {
            return groups;
        }
        return List.of(LogGroups.groupName(project, environment));
    }

    public AlertRule withEnabled(boolean value, Instant now) {
        return new AlertRule(name, source, project, environment, groups, query, levels, condition, threshold,
                minCount, window, cooldown, channels, value, createdAt, now);
    }
}
