package dev.jinju.store.cloudwatch;

import dev.jinju.event.LogEvent;

import java.util.Optional;

/**
 * One {@link LogEvent} as one CloudWatch message: the event's one JSON form ({@link dev.jinju.event.EventJson}),
 * so JSON filter patterns address fields as {@code $.level}, {@code $.http.status}, {@code $.extra.orderId}.
 */
public final class EventMessages {
    private EventMessages() {
    }

    public static String write(LogEvent event) {
        return dev.jinju.event.EventJson.write(event);
    }

    /** The event a message holds, or empty when the message is not a Jinju event (e.g. a Lambda line). */
    public static Optional<LogEvent> read(String message) {
        if (message == null || message.isEmpty() || message.charAt(0) != '{') {
            return Optional.empty();
        }
        try {
            LogEvent e = dev.jinju.event.EventJson.mapper().readValue(message, LogEvent.class);
            return e.id() == null || e.timestamp() == null ? Optional.empty() : Optional.of(e);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            return Optional.empty();
        }
    }
}
