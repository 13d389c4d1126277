package dev.jinju.store;

import dev.jinju.event.LogEvent;

import java.util.List;

/** One page of search results, newest first; {@code nextCursor} is null on the last page. */
public record SearchPage(List<LogEvent> events, String nextCursor) {
    public SearchPage {
        events = List.copyOf(events);
    }
}
