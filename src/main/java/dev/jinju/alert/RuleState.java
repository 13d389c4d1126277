package dev.jinju.alert;

import java.time.Instant;

/** What the evaluator remembers of a rule between evaluations. */
public record RuleState(boolean firing, Instant lastFiredAt, Instant baselineAt, Instant lastEvaluatedAt,
                        Long lastCount) {
    public static final RuleState NEW = new RuleState(false, null, null, null, null);
}
