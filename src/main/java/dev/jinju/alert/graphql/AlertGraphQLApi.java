package dev.jinju.alert.graphql;

import dev.jinju.alert.AlertException;
import dev.jinju.alert.AlertPreviewer;
import dev.jinju.alert.AlertRule;
import dev.jinju.alert.AlertRules;
import dev.jinju.alert.AlertStore;
import dev.jinju.alert.ChannelDispatcher;
import dev.jinju.alert.RuleSpec;
import dev.jinju.event.Level;
import dev.jinju.graphql.errors.ApiException;
import io.quarkus.runtime.configuration.DurationConverter;
import org.eclipse.microprofile.graphql.DefaultValue;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Mutation;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Alerting over GraphQL: {@code alertRules}, {@code alertChannels}, {@code alertHistory}, {@code previewAlertRule}
 * and the mutations {@code createAlertRule}, {@code updateAlertRule}, {@code setAlertRuleEnabled}.
 */
@GraphQLApi
public class AlertGraphQLApi {
    static final int MAX_HISTORY = 1_000;

    private final AlertRules rules;
    private final AlertStore store;
    private final ChannelDispatcher channels;
    private final AlertPreviewer previewer;

    public AlertGraphQLApi(AlertRules rules, AlertStore store, ChannelDispatcher channels, AlertPreviewer previewer) {
        this.rules = rules;
        this.store = store;
        this.channels = channels;
        this.previewer = previewer;
    }

    @Query("alertRules")
    @Description("Every alert rule (configured and created through the API) with its current state")
    public @NonNull List<AlertTypes.@NonNull Rule> alertRules() {
        Map<String, String> types = channels.channelTypes();
        return rules.all().stream().map(r -> AlertTypes.Rule.of(r, store.state(r.name()), types)).toList();
    }

    @Query("alertChannels")
    @Description("The configured channels, by name and type only")
    public @NonNull List<AlertTypes.@NonNull Channel> alertChannels() {
        return channels.channelTypes().entrySet().stream()
                .map(e -> new AlertTypes.Channel(e.getKey(), e.getValue())).toList();
    }

    @Query("alertHistory")
    @Description("Firings, resolutions and notifications, newest first; 'before' is an entry id to page back from")
    public @NonNull List<AlertTypes.@NonNull History> alertHistory(@Name("rule") String rule,
                                                                   @Name("first") @DefaultValue("100") int first,
                                                                   @Name("before") String before) throws ApiException {
        if (first < 1 || first > MAX_HISTORY) {
            throw new BadAlertRuleException("first must be between 1 and " + MAX_HISTORY, null);
        }
        Long beforeId = null;
        if (before != null) {
            try {
                beforeId = Long.parseLong(before);
            } catch (NumberFormatException e) {
                throw new BadAlertRuleException("before must be the id of a history entry", null);
            }
        }
        return store.history(rule, first, beforeId).stream().map(AlertTypes.History::of).toList();
    }

    @Query("seenFingerprints")
    @Description("Fingerprints seen by new-error rules in a project's environment, most recently seen first")
    public @NonNull List<AlertTypes.@NonNull Fingerprint> seenFingerprints(
            @Name("project") @NonNull String project, @Name("environment") @NonNull String environment,
            @Name("first") @DefaultValue("100") int first) throws ApiException {
        if (first < 1 || first > MAX_HISTORY) {
            throw new BadAlertRuleException("first must be between 1 and " + MAX_HISTORY, null);
        }
        return store.fingerprints(project, environment, first).stream().map(f -> new AlertTypes.Fingerprint(
                f.fingerprint(), f.firstSeen(), f.lastSeen(), f.count(), f.message())).toList();
    }

    @Query("previewAlertRule")
    @Description("How many times the rule would have fired over the last days (default 7), before saving it")
    public AlertTypes.@NonNull Preview previewAlertRule(@Name("rule") AlertTypes.@NonNull RuleInput input,
                                                        @Name("days") @DefaultValue("7") int days) throws ApiException {
        if (days < 1 || days > 31) {
            throw new BadAlertRuleException("days must be between 1 and 31", null);
        }
        Instant now = Instant.now();
        RuleSpec spec = spec(input);
        AlertRule rule = call(() -> rules.validate(spec, AlertRule.Source.API, now, now));
        AlertPreviewer.Preview p = previewer.preview(rule, now, days);
        return new AlertTypes.Preview(p.fires(), p.firedAt(), p.windows(), p.from(), p.to(), p.maxCount());
    }

    @Mutation("createAlertRule")
    @Description("Creates and saves a rule; it is evaluated from the next scheduled evaluation on")
    public AlertTypes.@NonNull Rule createAlertRule(@Name("rule") AlertTypes.@NonNull RuleInput input)
            throws ApiException {
        RuleSpec spec = spec(input);
        AlertRule rule = call(() -> rules.create(spec, Instant.now()));
        return view(rule);
    }

    @Mutation("updateAlertRule")
    @Description("Replaces a rule's definition (rules from configuration can only be enabled or disabled)")
    public AlertTypes.@NonNull Rule updateAlertRule(@Name("name") @NonNull String name,
                                                    @Name("rule") AlertTypes.@NonNull RuleInput input)
            throws ApiException {
        RuleSpec spec = spec(input);
        if (rules.find(name).isEmpty()) {
            throw new UnknownAlertRuleException("no alert rule named '" + name + "'", null);
        }
        if (input.name != null && !input.name.equals(name)) {
            throw new BadAlertRuleException("a rule cannot be renamed (name '" + name + "', rule.name '"
                    + input.name + "')", null);
        }
        AlertRule rule = call(() -> rules.update(name, spec, Instant.now()));
        return view(rule);
    }

    @Mutation("setAlertRuleEnabled")
    @Description("Enables or disables a rule; a disabled rule is not evaluated and its firing state is cleared")
    public AlertTypes.@NonNull Rule setAlertRuleEnabled(@Name("name") @NonNull String name,
                                                        @Name("enabled") boolean enabled) throws ApiException {
        AlertRule rule = call(() -> rules.setEnabled(name, enabled, Instant.now()));
        return view(rule);
    }

    private AlertTypes.Rule view(AlertRule rule) {
        return AlertTypes.Rule.of(rule, store.state(rule.name()), channels.channelTypes());
    }

    private static RuleSpec spec(AlertTypes.RuleInput in) throws ApiException {
        return new RuleSpec(in.name, in.project, in.environment, in.groups, in.query,
                in.levels == null ? null : in.levels.stream().map(Level::name).toList(),
                in.condition == null ? null : in.condition.configName(), in.threshold, in.minCount,
                duration(in.window, "window"), duration(in.cooldown, "cooldown"), in.channels, in.enabled);
    }

    private static Duration duration(String text, String what) throws ApiException {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return DurationConverter.parseDuration(text.trim());
        } catch (RuntimeException e) {
            throw new BadAlertRuleException(what + " '" + text + "' is not a duration (e.g. 30s, 5m, 1h, PT5M)", null);
        }
    }

    private interface Call<T> {
        T run();
    }

    private static <T> T call(Call<T> call) throws ApiException {
        try {
            return call.run();
        } catch (AlertException e) {
            throw switch (e.code()) {
                case BAD_RULE -> new BadAlertRuleException(e.getMessage(), e.position());
                case UNKNOWN_RULE -> new UnknownAlertRuleException(e.getMessage(), null);
                case RULE_EXISTS -> new AlertRuleExistsException(e.getMessage(), null);
                case CONFIG_RULE -> new ConfiguredAlertRuleException(e.getMessage(), null);
            };
        }
    }
}
