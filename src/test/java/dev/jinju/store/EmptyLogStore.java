package dev.jinju.store;

import dev.jinju.event.LogEvent;

import java.util.List;
import java.util.Optional;

/** A store that keeps nothing and finds nothing; test doubles override what their test watches. */
public class EmptyLogStore implements LogStore {
    @Override
    public AppendResult append(List<LogEvent> events) {
        return AppendResult.ALL_STORED;
    }

    @Override
    public List<LogGroupInfo> logGroups() {
        return List.of();
    }

    @Override
    public SearchPage search(SearchScope scope, int limit, String cursor) {
        return new SearchPage(List.of(), null);
    }

    @Override
    public Optional<LogEvent> event(String id) {
        return Optional.empty();
    }

    @Override
    public List<HistogramBucket> histogram(SearchScope scope, int buckets) {
        return List.of();
    }
}
