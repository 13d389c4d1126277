package dev.jinju.store.cloudwatch;

import dev.jinju.event.LogEvent;
import dev.jinju.query.Query;

/** Whether an event matches a query: the reference evaluator, applied to what CloudWatch returns. */
@FunctionalInterface
public interface EventMatcher {
    boolean matches(Query query, LogEvent event);
}
