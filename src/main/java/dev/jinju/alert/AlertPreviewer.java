package dev.jinju.alert;

import dev.jinju.event.LogEvent;
import dev.jinju.store.HistogramBucket;
import dev.jinju.store.LogStore;
import dev.jinju.store.SearchPage;
import dev.jinju.store.SearchScope;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * "How many times would this rule have fired?": walks the last days in consecutive windows of the rule's size,
 * with its condition and cooldown, before the rule is saved. Count rules use one histogram call; new-error
 * rules scan the events, the first day serving as the baseline of known fingerprints.
 */
@ApplicationScoped
public class AlertPreviewer {
    static final int MAX_WINDOWS = 20_160;

    private final LogStore store;

    public AlertPreviewer(LogStore store) {
        this.store = store;
    }

    /** The answer: firing times, and how many windows were looked at over which range. */
    public record Preview(int fires, List<Instant> firedAt, int windows, Instant from, Instant to,
                          long maxCount) {
    }

    public Preview preview(AlertRule rule, Instant now, int days) {
        now = now.truncatedTo(ChronoUnit.SECONDS);
        Duration range = Duration.ofDays(days);
        if (rule.condition() == AlertCondition.NEW_ERROR) {
            return newErrors(rule, now.minus(range), now);
        }
        long windowMs = rule.window().toMillis();
        int windows = (int) Math.min(MAX_WINDOWS, Math.max(1, range.toMillis() / windowMs));
        // One extra window in front: the "previous window" of the first one.
        Instant from = now.minusMillis(windowMs * (windows + 1L));
        List<HistogramBucket> buckets = store.histogram(AlertEvaluator.scope(rule, from, now), windows + 1);
        List<Instant> fired = new ArrayList<>();
        boolean firing = false;
        Instant lastFired = null;
        long max = 0;
        for (int i = 1; i < buckets.size(); i++) {
            long count = buckets.get(i).total();
            long previous = buckets.get(i - 1).total();
            max = Math.max(max, count);
            Instant at = buckets.get(i).end();
            boolean breach = AlertEvaluator.breached(rule, count, previous);
            AlertEvaluator.Step step = AlertEvaluator.step(breach, firing, lastFired, at, rule.cooldown());
            if (step == AlertEvaluator.Step.FIRE) {
                fired.add(at);
                lastFired = at;
                firing = true;
            } else if (step == AlertEvaluator.Step.RESOLVE) {
                firing = false;
            }
        }
        return new Preview(fired.size(), fired, buckets.size() - 1, buckets.isEmpty() ? from : buckets.get(1).start(),
                now, max);
    }

    private Preview newErrors(AlertRule rule, Instant from, Instant to) {
        Instant baselineEnd = from.plus(Duration.ofDays(1)).isBefore(to) ? from.plus(Duration.ofDays(1)) : to;
        Map<String, Instant> first = new HashMap<>();
        SearchScope scope = AlertEvaluator.scope(rule, from, to);
        String cursor = null;
        int read = 0;
        do {
            SearchPage page = store.search(scope, 500, cursor);
            for (LogEvent e : page.events()) {
                first.merge(AlertEvaluator.fingerprint(e), e.timestamp(), (a, b) -> a.isBefore(b) ? a : b);
            }
            read += page.events().size();
            cursor = page.nextCursor();
        } while (cursor != null && read < AlertEvaluator.FINGERPRINT_SCAN * 5);
        List<Instant> fired = first.values().stream().filter(t -> !t.isBefore(baselineEnd)).sorted().toList();
        int windows = (int) Math.max(1, Duration.between(baselineEnd, to).toMillis() / rule.window().toMillis());
        return new Preview(fired.size(), fired, windows, baselineEnd, to, first.size());
    }
}
