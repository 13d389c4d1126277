package dev.jinju.store;

import dev.jinju.event.LogEvent;
import dev.jinju.query.QueryEvaluator;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** What a search must return, computed with the evaluator: the reference every store is held to. */
public final class ExpectedResults {
    private ExpectedResults() {
    }

    /** Ids the evaluator selects from {@code appended}, newest first (ties: the later-appended first). */
    public static List<String> ids(List<LogEvent> appended, SearchScope scope) {
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < appended.size(); i++) {
            LogEvent e = appended.get(i);
            if (scope.groups().contains(e.group()) && !e.timestamp().isBefore(scope.from())
                    && e.timestamp().isBefore(scope.to()) && scope.levelAllowed(e.level())
                    && QueryEvaluator.matches(scope.query(), e)) {
                order.add(i);
            }
        }
        order.sort(Comparator.comparing((Integer i) -> appended.get(i).timestamp()).thenComparing(i -> i).reversed());
        return order.stream().map(i -> appended.get(i).id()).toList();
    }
}
