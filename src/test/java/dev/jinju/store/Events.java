package dev.jinju.store;

import dev.jinju.event.Level;
import dev.jinju.event.LogEvent;
import dev.jinju.event.LogGroups;

import java.time.Instant;

/** Events for store tests: project, environment and stream follow from the group and the time, as ingest sets them. */
public final class Events {
    private Events() {
    }

    public static LogEvent event(String id, String group, Instant ts, Level level, String message, String stack) {
        String[] parts = group.split("/");
        return LogEvent.builder().id(id).group(group).project(parts[2]).environment(parts[3])
                .stream(LogGroups.streamName(ts)).timestamp(ts).receivedAt(ts).level(level).message(message)
                .stackTrace(stack).source("browser").build();
    }
}
