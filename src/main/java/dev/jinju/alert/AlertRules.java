package dev.jinju.alert;

import dev.jinju.alert.AlertException.Code;
import dev.jinju.event.Level;
import dev.jinju.event.LogGroups;
import dev.jinju.project.ProjectDef;
import dev.jinju.project.ProjectRegistry;
import dev.jinju.query.QueryParser;
import dev.jinju.query.QuerySyntaxException;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Rule definitions: validation, the configured rules (copied into the store at start-up, configuration wins
 * for their definition, the enabled flag set through the API is kept) and the API's create / update / enable.
 */
@ApplicationScoped
public class AlertRules {
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");
    static final Duration MIN_WINDOW = Duration.ofSeconds(10);
    static final Duration MAX_WINDOW = Duration.ofDays(1);

    private final AlertStore store;
    private final ProjectRegistry projects;
    private final AlertsConfig config;

    public AlertRules(AlertStore store, ProjectRegistry projects, AlertsConfig config) {
        this.store = store;
        this.projects = projects;
        this.config = config;
    }

    void onStart(@Observes StartupEvent start) {
        syncConfiguredRules(Instant.now());
    }

    /** Copies the configured rules into the store; a bad configured rule stops start-up with the reason. */
    void syncConfiguredRules(Instant now) {
        for (Map.Entry<String, AlertsConfig.RuleConfig> e : config.rules().entrySet()) {
            AlertsConfig.RuleConfig c = e.getValue();
            RuleSpec spec = new RuleSpec(e.getKey(), c.project(), c.environment().orElse(null),
                    c.groups().orElse(List.of()), c.query().orElse(""), c.levels().orElse(List.of()), c.condition(),
                    c.threshold(), c.minCount(), c.window(), c.cooldown(), c.channels().orElse(List.of()), c.enabled());
            Optional<AlertRule> existing = store.rule(e.getKey());
            AlertRule rule;
            try {
                rule = validate(spec, AlertRule.Source.CONFIG, existing.map(AlertRule::createdAt).orElse(now), now);
            } catch (AlertException ex) {
                throw new IllegalStateException("jinju.alerts.rules." + e.getKey() + ": " + ex.getMessage(), ex);
            }
            if (existing.isPresent() && existing.get().source() == AlertRule.Source.CONFIG) {
                rule = rule.withEnabled(existing.get().enabled(), now);
            }
            store.save(rule);
        }
    }

    public List<AlertRule> all() {
        return store.rules();
    }

    public Optional<AlertRule> find(String name) {
        return name == null ? Optional.empty() : store.rule(name);
    }

    public AlertRule create(RuleSpec spec, Instant now) {
        AlertRule rule = validate(spec, AlertRule.Source.API, now, now);
        if (store.rule(rule.name()).isPresent()) {
            throw new AlertException(Code.RULE_EXISTS, "a rule named '" + rule.name() + "' exists already");
        }
        store.save(rule);
        return rule;
    }

    public AlertRule update(String name, RuleSpec spec, Instant now) {
        AlertRule old = require(name);
        if (old.source() == AlertRule.Source.CONFIG) {
            throw new AlertException(Code.CONFIG_RULE, "rule '" + name + "' is defined in configuration "
                    + "(jinju.alerts.rules." + name + ".*); change it there (it can be disabled here)");
        }
        RuleSpec named = new RuleSpec(name, spec.project(), spec.environment(), spec.groups(), spec.query(),
                spec.levels(), spec.condition(), spec.threshold(), spec.minCount(), spec.window(), spec.cooldown(),
                spec.channels(), spec.enabled() == null ? old.enabled() : spec.enabled());
        AlertRule rule = validate(named, AlertRule.Source.API, old.createdAt(), now);
        store.save(rule);
        if (!rule.scopeGroups().equals(old.scopeGroups()) || !rule.query().equals(old.query())
                || !rule.levels().equals(old.levels()) || rule.condition() != old.condition()) {
            store.saveState(name, RuleState.NEW); // what it watches changed: start afresh (new-error re-baselines)
        }
        return rule;
    }

    public AlertRule setEnabled(String name, boolean enabled, Instant now) {
        AlertRule rule = require(name).withEnabled(enabled, now);
        store.save(rule);
        if (!enabled) {
            RuleState s = store.state(name);
            store.saveState(name, new RuleState(false, s.lastFiredAt(), s.baselineAt(), s.lastEvaluatedAt(),
                    s.lastCount()));
        }
        return rule;
    }

    private AlertRule require(String name) {
        return find(name).orElseThrow(() -> new AlertException(Code.UNKNOWN_RULE, "no alert rule named '" + name + "'"));
    }

    /** Checks a rule and fills its defaults; throws {@link AlertException} (BAD_RULE) saying what is wrong. */
    public AlertRule validate(RuleSpec s, AlertRule.Source source, Instant createdAt, Instant now) {
        if (s.name() == null || !NAME.matcher(s.name()).matches()) {
            throw bad("name must be 1-64 letters, digits, '.', '_' or '-', starting with a letter or digit");
        }
        if (s.project() == null || s.project().isBlank()) {
            throw bad("project is required");
        }
        ProjectDef project = projects.find(s.project())
                .orElseThrow(() -> bad("unknown project '" + s.project() + "'"));
        List<String> groups = s.groups() == null ? List.of() : s.groups();
        String env = s.environment() == null || s.environment().isBlank() ? null : s.environment();
        if (groups.isEmpty()) {
            if (env == null) {
                throw bad("environment is required when no groups are given");
            }
            if (!project.hasEnvironment(env)) {
                throw bad("project '" + project.name() + "' has no environment '" + env + "' (it has "
                        + String.join(", ", project.environments()) + ")");
            }
        } else {
            if (groups.size() > 20) {
                throw bad("a rule watches at most 20 log groups");
            }
            for (String g : groups) {
                if (g == null || g.isBlank()) {
                    throw bad("group names must not be empty");
                }
                if (g.startsWith(LogGroups.JINJU_PREFIX) && !g.startsWith(LogGroups.JINJU_PREFIX + project.name() + "/")) {
                    throw bad("group '" + g + "' belongs to another project than '" + project.name() + "'");
                }
            }
            if (env != null && !project.hasEnvironment(env)) {
                throw bad("project '" + project.name() + "' has no environment '" + env + "'");
            }
        }
        String query = s.query() == null ? "" : s.query().trim();
        try {
            QueryParser.parse(query);
        } catch (QuerySyntaxException e) {
            throw new AlertException(Code.BAD_RULE, "query: " + e.getMessage(), e.position());
        }
        Set<Level> levels = EnumSet.noneOf(Level.class);
        for (String l : s.levels() == null ? List.<String>of() : s.levels()) {
            levels.add(Level.parse(l).orElseThrow(() -> bad("unknown level '" + l + "'")));
        }
        AlertCondition condition = AlertCondition.parse(s.condition()).orElseThrow(() -> bad(
                "condition must be count-above, percent-increase or new-error (not '" + s.condition() + "')"));
        double threshold = s.threshold() == null ? 0 : s.threshold();
        if (threshold < 0 || Double.isNaN(threshold) || Double.isInfinite(threshold)) {
            throw bad("threshold must be a number of at least 0");
        }
        if (condition == AlertCondition.PERCENT_INCREASE && threshold <= 0) {
            throw bad("a percent-increase rule needs a threshold above 0 (the percentage)");
        }
        long minCount = s.minCount() == null ? 1 : s.minCount();
        if (minCount < 0) {
            throw bad("minCount must be at least 0");
        }
        Duration window = s.window() == null ? Duration.ofMinutes(5) : s.window();
        if (window.compareTo(MIN_WINDOW) < 0 || window.compareTo(MAX_WINDOW) > 0) {
            throw bad("window must be between 10 seconds and 1 day");
        }
        Duration cooldown = s.cooldown() == null ? Duration.ofMinutes(30) : s.cooldown();
        if (cooldown.isNegative() || cooldown.compareTo(Duration.ofDays(7)) > 0) {
            throw bad("cooldown must be between 0 and 7 days");
        }
        List<String> channels = s.channels() == null ? List.of() : List.copyOf(s.channels());
        for (String ch : channels) {
            if (!config.channels().containsKey(ch)) {
                throw bad("unknown channel '" + ch + "' (configured: " + String.join(", ",
                        new java.util.TreeSet<>(config.channels().keySet())) + ")");
            }
        }
        return new AlertRule(s.name(), source, project.name(), env, new ArrayList<>(groups), query, levels, condition,
                threshold, minCount, window, cooldown, channels, s.enabled() == null || s.enabled(), createdAt, now);
    }

    private static AlertException bad(String message) {
        return new AlertException(Code.BAD_RULE, message);
    }
}
