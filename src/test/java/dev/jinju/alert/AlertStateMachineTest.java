package dev.jinju.alert;

import dev.jinju.alert.AlertEvaluator.Step;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The rule state machine and conditions, without a server. */
class AlertStateMachineTest {
    static final Instant T = Instant.parse("2026-11-26T10:00:00Z");
    static final Duration COOLDOWN = Duration.ofMinutes(30);

    static AlertRule rule(AlertCondition c, double threshold, long minCount) {
        return new AlertRule("r", AlertRule.Source.API, "shop", "prod", List.of(), "", Set.of(), c, threshold, minCount,
                Duration.ofMinutes(5), COOLDOWN, List.of(), true, T, T);
    }

    @Test
    void firesOnceThenStaysUntilTheBreachEnds() {
        assertEquals(Step.FIRE, AlertEvaluator.step(true, false, null, T, COOLDOWN));
        assertEquals(Step.STAY, AlertEvaluator.step(true, true, T, T.plusSeconds(30), COOLDOWN));
        assertEquals(Step.RESOLVE, AlertEvaluator.step(false, true, T, T.plusSeconds(60), COOLDOWN));
        assertEquals(Step.STAY, AlertEvaluator.step(false, false, T, T.plusSeconds(90), COOLDOWN));
    }

    @Test
    void cooldownHoldsBackANewBreachUntilItIsOver() {
        assertEquals(Step.STAY, AlertEvaluator.step(true, false, T, T.plus(COOLDOWN).minusMillis(1), COOLDOWN));
        assertEquals(Step.FIRE, AlertEvaluator.step(true, false, T, T.plus(COOLDOWN), COOLDOWN));
        assertEquals(Step.FIRE, AlertEvaluator.step(true, false, T, T.plusMillis(1), Duration.ZERO));
    }

    @Test
    void conditions() {
        AlertRule above = rule(AlertCondition.COUNT_ABOVE, 10, 1);
        assertFalse(AlertEvaluator.breached(above, 10, null));
        assertTrue(AlertEvaluator.breached(above, 11, null));

        AlertRule up = rule(AlertCondition.PERCENT_INCREASE, 50, 5);
        assertTrue(AlertEvaluator.breached(up, 15, 10L));
        assertFalse(AlertEvaluator.breached(up, 14, 10L));
        assertFalse(AlertEvaluator.breached(up, 4, 0L), "below minCount");
        assertTrue(AlertEvaluator.breached(up, 5, 0L), "from nothing to minCount is an increase");
        assertFalse(AlertEvaluator.breached(up, 5, 10L), "a decrease");
    }

    @Test
    void conditionNames() {
        assertEquals(AlertCondition.COUNT_ABOVE, AlertCondition.parse("count-above").orElseThrow());
        assertEquals(AlertCondition.NEW_ERROR, AlertCondition.parse("NEW_ERROR").orElseThrow());
        assertEquals(AlertCondition.PERCENT_INCREASE, AlertCondition.parse("Percent-Increase").orElseThrow());
        assertTrue(AlertCondition.parse("more").isEmpty());
    }
}
