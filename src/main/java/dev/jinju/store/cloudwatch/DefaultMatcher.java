package dev.jinju.store.cloudwatch;

import dev.jinju.event.LogEvent;
import dev.jinju.query.Query;
import dev.jinju.query.QueryEvaluator;

/** The reference evaluator ({@link QueryEvaluator}) as an {@link EventMatcher}. */
final class DefaultMatcher implements EventMatcher {
    static final DefaultMatcher INSTANCE = new DefaultMatcher();

    @Override
    public boolean matches(Query query, LogEvent event) {
        return QueryEvaluator.matches(query, event);
    }
}
