package dev.jinju.alert;

import dev.jinju.event.Level;
import dev.jinju.event.LogEvent;
import dev.jinju.ingest.Fingerprints;
import dev.jinju.query.QueryParser;
import dev.jinju.selfmonitor.SelfMonitorConfig;
import dev.jinju.store.HistogramBucket;
import dev.jinju.store.LogStore;
import dev.jinju.store.SearchPage;
import dev.jinju.store.SearchScope;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Evaluates alert rules through the {@link LogStore} alone (histogram counts, searches for the top message and
 * fingerprints), so it works the same on every store. The scheduler calls {@link #evaluateAll(Instant)} every
 * {@code jinju.alerts.evaluate-every}; tests call {@link #evaluate(String, Instant)} with a time of their own.
 */
@ApplicationScoped
public class AlertEvaluator {
    private static final Logger LOG = Logger.getLogger(AlertEvaluator.class);
    /** Events read to find the top message of a window. */
    static final int SUMMARY_SCAN = 500;
    /** Events read at most per scan for fingerprints. */
    static final int FINGERPRINT_SCAN = 20_000;
    /** New-error notifications sent at most per evaluation (the history records every one). */
    static final int MAX_NEW_ERROR_NOTIFICATIONS = 10;

    private final LogStore store;
    private final AlertStore alerts;
    private final AlertRules rules;
    private final ChannelDispatcher channels;
    private final MeterRegistry metrics;
    private final AlertsConfig config;
    private final SelfMonitorConfig self;

    public AlertEvaluator(LogStore store, AlertStore alerts, AlertRules rules, ChannelDispatcher channels,
                          MeterRegistry metrics, AlertsConfig config, SelfMonitorConfig self) {
        this.store = store;
        this.alerts = alerts;
        this.rules = rules;
        this.channels = channels;
        this.metrics = metrics;
        this.config = config;
        this.self = self;
    }

    /** What one evaluation did. */
    public record Outcome(String rule, boolean breached, long count, Long previousCount, int fired, boolean resolved,
                          int channelFailures) {
    }

    @Scheduled(every = "${jinju.alerts.evaluate-every:30s}", identity = "jinju-alert-evaluation",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        evaluateAll(Instant.now());
    }

    /** Evaluates every enabled rule at {@code now}; a failing rule does not stop the others. */
    public List<Outcome> evaluateAll(Instant now) {
        List<Outcome> out = new ArrayList<>();
        for (AlertRule rule : rules.all()) {
            if (!rule.enabled()) {
                continue;
            }
            try {
                out.add(evaluate(rule, now));
            } catch (RuntimeException e) {
                metrics.counter("jinju.alert.evaluations", "outcome", "error").increment();
                LOG.warnf("Alert rule %s could not be evaluated: %s", rule.name(), e.getMessage());
            }
        }
        return out;
    }

    /** Evaluates one rule (enabled or not) at {@code now}. */
    public Outcome evaluate(String name, Instant now) {
        AlertRule rule = rules.find(name).orElseThrow(() -> new AlertException(AlertException.Code.UNKNOWN_RULE,
                "no alert rule named '" + name + "'"));
        return evaluate(rule, now);
    }

    synchronized Outcome evaluate(AlertRule rule, Instant now) {
        now = now.truncatedTo(ChronoUnit.MILLIS);
        Outcome outcome = rule.condition() == AlertCondition.NEW_ERROR ? newErrors(rule, now) : counted(rule, now);
        metrics.counter("jinju.alert.evaluations", "outcome", "ok").increment();
        return outcome;
    }

    // ---------------------------------------------------------------- count conditions

    private Outcome counted(AlertRule rule, Instant now) {
        Instant from = now.minus(rule.window());
        long count = count(rule, from, now);
        Long previous = null;
        if (rule.condition() == AlertCondition.PERCENT_INCREASE) {
            previous = count(rule, from.minus(rule.window()), from);
        }
        boolean breach = breached(rule, count, previous);
        RuleState state = alerts.state(rule.name());
        Step step = step(breach, state.firing(), state.lastFiredAt(), now, rule.cooldown());
        int failures = 0;
        Instant lastFired = state.lastFiredAt();
        if (step == Step.FIRE) {
            lastFired = now;
            Summary s = summarize(rule, from, now);
            AlertNotification n = notification(rule, AlertNotification.Kind.FIRED, count, previous, s, null, from, now);
            alerts.record(rule.name(), now, AlertHistoryEntry.Kind.FIRED, count, n.reason(), null, null, s.topMessage);
            metrics.counter("jinju.alert.fired", "rule", rule.name()).increment();
            failures = channels.dispatch(rule.channels(), n, now);
        } else if (step == Step.RESOLVE) {
            AlertNotification n = notification(rule, AlertNotification.Kind.RESOLVED, count, previous,
                    new Summary(null, null, null), null, from, now);
            alerts.record(rule.name(), now, AlertHistoryEntry.Kind.RESOLVED, count, n.reason(), null, null, null);
            failures = channels.dispatch(rule.channels(), n, now);
        }
        boolean firing = step == Step.FIRE || (step == Step.STAY && state.firing());
        alerts.saveState(rule.name(), new RuleState(firing, lastFired, state.baselineAt(), now, count));
        return new Outcome(rule.name(), breach, count, previous, step == Step.FIRE ? 1 : 0, step == Step.RESOLVE,
                failures);
    }

    static boolean breached(AlertRule rule, long count, Long previous) {
        return switch (rule.condition()) {
            case COUNT_ABOVE -> count > rule.threshold();
            case PERCENT_INCREASE -> count >= Math.max(1, rule.minCount())
                    && (previous == null || previous == 0 || (count - previous) * 100.0 / previous >= rule.threshold());
            case NEW_ERROR -> false;
        };
    }

    /** What a rule does on one evaluation. */
    enum Step { FIRE, RESOLVE, STAY }

    /**
     * The rule's state machine: a breach fires unless the rule is already firing or fired less than a cooldown
     * ago (then it stays quiet, and fires once the cooldown is over if the breach lasts); the end of a breach
     * resolves a firing rule.
     */
    static Step step(boolean breach, boolean firing, Instant lastFiredAt, Instant now, Duration cooldown) {
        if (breach) {
            if (firing) {
                return Step.STAY;
            }
            boolean cooled = lastFiredAt == null || !now.isBefore(lastFiredAt.plus(cooldown));
            return cooled ? Step.FIRE : Step.STAY;
        }
        return firing ? Step.RESOLVE : Step.STAY;
    }

    private long count(AlertRule rule, Instant from, Instant to) {
        return store.histogram(scope(rule, from, to), 1).stream().mapToLong(HistogramBucket::total).sum();
    }

    static SearchScope scope(AlertRule rule, Instant from, Instant to) {
        return new SearchScope(rule.scopeGroups(), from, to, rule.levels(), QueryParser.parse(rule.query()));
    }

    // ---------------------------------------------------------------- new errors

    private Outcome newErrors(AlertRule rule, Instant now) {
        RuleState state = alerts.state(rule.name());
        if (state.baselineAt() == null) {
            // First evaluation: what already happened is not new. Learn it quietly.
            Map<String, List<LogEvent>> seen = scanFingerprints(rule, now.minus(config.newErrorBaseline()), now);
            alerts.learn(rule.name(), seen.keySet());
            recordSightings(rule, seen);
            alerts.saveState(rule.name(), new RuleState(false, null, now, now, (long) seen.size()));
            return new Outcome(rule.name(), false, 0, null, 0, false, 0);
        }
        Instant from = now.minus(rule.window());
        Map<String, List<LogEvent>> seen = scanFingerprints(rule, from, now);
        recordSightings(rule, seen);
        List<String> fresh = alerts.learn(rule.name(), seen.keySet());
        int failures = 0;
        int notified = 0;
        Instant lastFired = state.lastFiredAt();
        for (String f : fresh) {
            List<LogEvent> events = seen.get(f);
            LogEvent newest = events.get(0);
            Summary s = new Summary(newest.message(), newest.level(), f);
            AlertNotification n = notification(rule, AlertNotification.Kind.FIRED, events.size(), null, s, f, from, now);
            alerts.record(rule.name(), now, AlertHistoryEntry.Kind.FIRED, (long) events.size(), n.reason(), f, null,
                    newest.message());
            metrics.counter("jinju.alert.fired", "rule", rule.name()).increment();
            lastFired = now;
            if (notified++ < MAX_NEW_ERROR_NOTIFICATIONS) {
                failures += channels.dispatch(rule.channels(), n, now);
            }
        }
        long total = seen.values().stream().mapToLong(List::size).sum();
        alerts.saveState(rule.name(), new RuleState(false, lastFired, state.baselineAt(), now, total));
        return new Outcome(rule.name(), !fresh.isEmpty(), total, null, fresh.size(), false, failures);
    }

    /** Events of the range by fingerprint, each list newest first, in order of each fingerprint's newest event. */
    private Map<String, List<LogEvent>> scanFingerprints(AlertRule rule, Instant from, Instant to) {
        Map<String, List<LogEvent>> out = new LinkedHashMap<>();
        SearchScope scope = scope(rule, from, to);
        String cursor = null;
        int read = 0;
        do {
            SearchPage page = store.search(scope, 500, cursor);
            for (LogEvent e : page.events()) {
                out.computeIfAbsent(fingerprint(e), k -> new ArrayList<>()).add(e);
            }
            read += page.events().size();
            cursor = page.nextCursor();
        } while (cursor != null && read < FINGERPRINT_SCAN);
        return out;
    }

    private void recordSightings(AlertRule rule, Map<String, List<LogEvent>> seen) {
        for (Map.Entry<String, List<LogEvent>> e : seen.entrySet()) {
            LogEvent newest = e.getValue().get(0);
            alerts.sighted(newest.project() == null ? rule.project() : newest.project(),
                    newest.environment() == null ? rule.environment() : newest.environment(), e.getKey(),
                    e.getValue().stream().map(LogEvent::timestamp).toList(), newest.message());
        }
    }

    static String fingerprint(LogEvent e) {
        return e.fingerprint() != null ? e.fingerprint() : Fingerprints.of(e);
    }

    // ---------------------------------------------------------------- messages

    record Summary(String topMessage, Level level, String fingerprint) {
    }

    /** The most frequent kind of event (by fingerprint) among the newest of the window, and the highest level. */
    private Summary summarize(AlertRule rule, Instant from, Instant to) {
        List<LogEvent> events = store.search(scope(rule, from, to), SUMMARY_SCAN, null).events();
        if (events.isEmpty()) {
            return new Summary(null, null, null);
        }
        Map<String, Integer> counts = new HashMap<>();
        Map<String, LogEvent> newest = new HashMap<>();
        Level highest = Level.TRACE;
        for (LogEvent e : events) {
            String f = fingerprint(e);
            counts.merge(f, 1, Integer::sum);
            newest.putIfAbsent(f, e);
            if (e.level() != null && e.level().atLeast(highest)) {
                highest = e.level();
            }
        }
        String top = counts.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey();
        return new Summary(newest.get(top).message(), highest, top);
    }

    private AlertNotification notification(AlertRule rule, AlertNotification.Kind kind, long count, Long previous,
                                           Summary s, String fingerprint, Instant from, Instant to) {
        return new AlertNotification(rule.name(), kind, rule.condition(), rule.project(), rule.environment(),
                rule.scopeGroups(), rule.query(), count, previous, rule.threshold(), s.level, s.topMessage,
                fingerprint, from, to, link(rule, fingerprint, from, to));
    }

    /** A dashboard link showing the rule's query (narrowed to the fingerprint for new errors) over the window. */
    String link(AlertRule rule, String fingerprint, Instant from, Instant to) {
        String base = self.publicUrl().endsWith("/") ? self.publicUrl().substring(0, self.publicUrl().length() - 1)
                : self.publicUrl();
        String q = rule.query();
        if (fingerprint != null) {
            q = (q.isEmpty() ? "" : "(" + q + ") ") + "fingerprint:" + fingerprint;
        }
        StringBuilder b = new StringBuilder(base).append("/explore?project=").append(enc(rule.project()));
        if (rule.environment() != null) {
            b.append("&env=").append(enc(rule.environment()));
        }
        for (String g : rule.groups()) {
            b.append("&group=").append(enc(g));
        }
        if (!q.isEmpty()) {
            b.append("&q=").append(enc(q));
        }
        rule.levels().stream().sorted().forEach(l -> b.append("&level=").append(l.name()));
        b.append("&from=").append(enc(from.toString())).append("&to=").append(enc(to.toString()));
        return b.toString();
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
