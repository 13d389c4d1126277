package dev.jinju.store.cloudwatch;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.jinju.event.LogEvent;

import java.util.Optional;

/**
 * One {@link LogEvent} as one CloudWatch message: a JSON object with every field of the record (including
 * {@code id}, {@code group}, {@code stream}), nulls left out, times as ISO-8601. Field names are the record's, so
 * JSON filter patterns address them as {@code $.level}, {@code $.http.status}, {@code $.user.id},
 * {@code $.extra.orderId}.
 */
public final class EventJson {
    static final ObjectMapper MAPPER = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .setSerializationInclusion(JsonInclude.Include.NON_NULL);

    private EventJson() {
    }

    public static String write(LogEvent event) {
        try {
            return MAPPER.writeValueAsString(event);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("event cannot be written as JSON: " + e.getOriginalMessage(), e);
        }
    }

    /** The event a message holds, or empty when the message is not a Jinju event. */
    public static Optional<LogEvent> read(String message) {
        if (message == null || message.isEmpty() || message.charAt(0) != '{') {
            return Optional.empty();
        }
        try {
            LogEvent e = MAPPER.readValue(message, LogEvent.class);
            return e.id() == null || e.timestamp() == null ? Optional.empty() : Optional.of(e);
        } catch (JsonProcessingException e) {
            return Optional.empty();
        }
    }
}
