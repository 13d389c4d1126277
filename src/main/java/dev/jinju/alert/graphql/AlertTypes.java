package dev.jinju.alert.graphql;

import dev.jinju.alert.AlertCondition;
import dev.jinju.alert.AlertHistoryEntry;
import dev.jinju.alert.AlertRule;
import dev.jinju.alert.RuleState;
import dev.jinju.event.Level;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

import java.time.Instant;
import java.util.List;

/** The GraphQL types of alerting. */
public final class AlertTypes {
    private AlertTypes() {
    }

    @Type("AlertChannel")
    @Description("A configured notification channel; its URL, recipients and secrets are never shown")
    public record Channel(@NonNull String name, @NonNull String type) {
    }

    @Type("AlertRuleState")
    public record State(boolean firing, Instant lastFiredAt, Instant lastEvaluatedAt, Long lastCount) {
        static State of(RuleState s) {
            return new State(s.firing(), s.lastFiredAt(), s.lastEvaluatedAt(), s.lastCount());
        }
    }

    @Type("AlertRule")
    public record Rule(@NonNull String name, @NonNull @Description("CONFIG or API") String source,
                       @NonNull String project, String environment, @NonNull List<@NonNull String> groups,
                       @NonNull String query, @NonNull List<@NonNull Level> levels,
                       @NonNull AlertCondition condition, double threshold, long minCount,
                       @NonNull @Description("ISO-8601 duration, e.g. PT5M") String window, long windowSeconds,
                       @NonNull String cooldown, long cooldownSeconds, @NonNull List<@NonNull Channel> channels,
                       boolean enabled, @NonNull Instant createdAt, @NonNull Instant updatedAt,
                       @NonNull State state) {
        static Rule of(AlertRule r, RuleState s, java.util.Map<String, String> channelTypes) {
            return new Rule(r.name(), r.source().name(), r.project(), r.environment(), r.groups(), r.query(),
                    r.levels().stream().sorted().toList(), r.condition(), r.threshold(), r.minCount(),
                    r.window().toString(), r.window().toSeconds(), r.cooldown().toString(), r.cooldown().toSeconds(),
                    r.channels().stream().map(c -> new Channel(c, channelTypes.getOrDefault(c, "unknown"))).toList(),
                    r.enabled(), r.createdAt(), r.updatedAt(), State.of(s));
        }
    }

    @Type("AlertHistoryEntry")
    @Description("A rule fired or resolved, or a channel was notified (NOTIFIED) or failed after its retries (NOTIFY_FAILED)")
    public record History(@NonNull String id, @NonNull String rule, @NonNull Instant at,
                          @NonNull AlertHistoryEntry.Kind kind, Long count, String message, String fingerprint,
                          String channel, String detail) {
        static History of(AlertHistoryEntry e) {
            return new History(Long.toString(e.id()), e.rule(), e.at(), e.kind(), e.count(), e.message(),
                    e.fingerprint(), e.channel(), e.detail());
        }
    }

    @Type("AlertPreview")
    @Description("How often the rule would have fired over the range, windows walked with its cooldown")
    public record Preview(int fires, @NonNull List<@NonNull Instant> firedAt, int windows, @NonNull Instant from,
                          @NonNull Instant to, long maxCount) {
    }

    @Type("SeenFingerprint")
    @Description("A kind of error (fingerprint) as new-error rules have seen it in a project's environment")
    public record Fingerprint(@NonNull String fingerprint, @NonNull Instant firstSeen, @NonNull Instant lastSeen,
                              long count, String message) {
    }

    @Input("AlertRuleInput")
    public static class RuleInput {
        @NonNull
        public String name;
        @NonNull
        public String project;
        @Description("The environment; without groups the rule watches /jinju/{project}/{environment}")
        public String environment;
        @Description("Explicit log groups (e.g. Lambda groups) instead of the environment's own group")
        public List<@NonNull String> groups;
        @Description("A query in the search language; empty or absent matches every event")
        public String query;
        public List<@NonNull Level> levels;
        @NonNull
        public AlertCondition condition;
        @Description("COUNT_ABOVE: fire above this count; PERCENT_INCREASE: fire at this percentage up")
        public Double threshold;
        @Description("PERCENT_INCREASE: the least count in the window to fire (default 1)")
        public Long minCount;
        @Description("Window length: 5m, 1h, 30s or ISO-8601 (PT5M); default 5m")
        public String window;
        @Description("Quiet time after firing: 30m, 1h or ISO-8601; default 30m")
        public String cooldown;
        @Description("Names of configured channels")
        public List<@NonNull String> channels;
        @Name("enabled")
        public Boolean enabled;
    }
}
