package dev.jinju.ingest;

import dev.jinju.event.EventJson;
import dev.jinju.event.Http;
import dev.jinju.event.Level;
import dev.jinju.event.LogEvent;
import dev.jinju.event.LogGroups;
import dev.jinju.event.User;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;

/** Turns one sent event plus the batch's context into a {@link LogEvent}, or says exactly what is wrong with it. */
final class EventValidator {

    /** Thrown for an event that cannot be stored; the message is the rejection reason. */
    static final class Invalid extends Exception {
        Invalid(String reason) {
            super(reason, null, false, false);
        }
    }

    private EventValidator() {
    }

    static LogEvent toEvent(IngestBatch batch, IngestBatch.Event in, String id, String source, Instant now)
            throws Invalid {
        if (in == null) {
            throw new Invalid("event is null");
        }
        if (in.message() == null || in.message().isBlank()) {
            throw new Invalid("message is required and must not be empty");
        }
        Level level = Level.parse(in.level()).orElseThrow(() -> new Invalid(in.level() == null
                ? "level is required (one of TRACE, DEBUG, INFO, WARN, ERROR, FATAL)"
                : "unknown level '" + clip(in.level()) + "' (use TRACE, DEBUG, INFO, WARN, ERROR or FATAL)"));
        Instant timestamp = timestamp(in.timestamp(), now);
        IngestBatch.Context ctx = batch.context();
        IngestBatch.UserData user = in.user() != null ? in.user() : ctx == null ? null : ctx.user();
        Http http = http(in.http());
        LogEvent event = LogEvent.builder()
                .id(id)
                .project(batch.project())
                .environment(batch.environment())
                .group(LogGroups.groupName(batch.project(), batch.environment()))
                .stream(LogGroups.streamName(timestamp))
                .timestamp(timestamp)
                .receivedAt(now)
                .level(level)
                .type(text("type", in.type(), 64))
                .code(text("code", in.code(), 256))
                .message(text("message", in.message(), IngestLimits.MAX_MESSAGE_CHARS))
                .stackTrace(text("stackTrace", in.stackTrace(), IngestLimits.MAX_STACK_TRACE_CHARS))
                .url(text("url", first(in.url(), ctx == null ? null : ctx.url()), IngestLimits.MAX_FIELD_CHARS))
                .location(text("location", in.location(), 1024))
                .componentTrace(componentTrace(in.componentTrace()))
                .http(http)
                .user(user == null ? null : new User(text("user.id", user.id(), 256),
                        text("user.email", user.email(), 256), text("user.name", user.name(), 256)))
                .release(text("release", ctx == null ? null : ctx.release(), 256))
                .userAgent(text("userAgent", ctx == null ? null : ctx.userAgent(), 1024))
                .pageViewId(text("pageViewId", ctx == null ? null : ctx.pageViewId(), 128))
                .requestId(text("requestId", in.requestId(), 128))
                .source(source)
                .extra(in.extra() == null || in.extra().isEmpty() ? null : in.extra())
                .build();
        event = event.toBuilder().fingerprint(Fingerprints.of(event)).build();
        // Serialising every event only to measure it cost a fifth of ingest's CPU: bound the size cheaply
        // first, and measure exactly only the rare event that might be over the limit.
        if (EventSize.upperBound(event) <= IngestLimits.MAX_EVENT_BYTES) {
            return event;
        }
        int bytes = EventJson.write(event).getBytes(StandardCharsets.UTF_8).length;
        if (bytes > IngestLimits.MAX_EVENT_BYTES) {
            throw new Invalid("event is " + bytes + " bytes as JSON; at most " + IngestLimits.MAX_EVENT_BYTES
                    + " are allowed");
        }
        return event;
    }

    private static Instant timestamp(String text, Instant now) throws Invalid {
        if (text == null || text.isBlank()) {
            throw new Invalid("timestamp is required (ISO-8601, e.g. 2026-11-26T11:00:00.000Z)");
        }
        Instant t;
        try {
            t = text.chars().allMatch(Character::isDigit) && text.length() <= 15
                    ? Instant.ofEpochMilli(Long.parseLong(text))
                    : OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException | ArithmeticException | NumberFormatException e) {
            throw new Invalid("timestamp '" + clip(text) + "' is not an ISO-8601 date-time with a zone"
                    + " (e.g. 2026-11-26T11:00:00.000Z) or epoch milliseconds");
        }
        if (t.isAfter(now.plusMillis(IngestLimits.MAX_FUTURE_SKEW_MILLIS))) {
            throw new Invalid("timestamp " + t + " is more than 1 hour in the future");
        }
        if (t.isBefore(now.minusMillis(IngestLimits.MAX_AGE_MILLIS))) {
            throw new Invalid("timestamp " + t + " is more than 14 days in the past");
        }
        return t.truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
    }

    private static Http http(IngestBatch.HttpData in) throws Invalid {
        if (in == null || (in.method() == null && in.status() == null)) {
            return null;
        }
        if (in.status() != null && (in.status() < 100 || in.status() > 599)) {
            throw new Invalid("http.status " + in.status() + " is not an HTTP status (100-599)");
        }
        String method = text("http.method", in.method(), 16);
        return new Http(method == null ? null : method.toUpperCase(Locale.ROOT), in.status());
    }

    private static List<String> componentTrace(List<String> trace) throws Invalid {
        if (trace == null || trace.isEmpty()) {
            return null;
        }
        if (trace.size() > IngestLimits.MAX_COMPONENT_TRACE) {
            throw new Invalid("componentTrace has " + trace.size() + " entries; at most "
                    + IngestLimits.MAX_COMPONENT_TRACE + " are allowed");
        }
        for (String s : trace) {
            text("componentTrace entry", s, 256);
            if (s == null) {
                throw new Invalid("componentTrace entries must not be null");
            }
        }
        return trace;
    }

    private static String text(String field, String value, int max) throws Invalid {
        if (value == null) {
            return null;
        }
        if (value.length() > max) {
            throw new Invalid(field + " is " + value.length() + " characters; at most " + max + " are allowed");
        }
        if (value.indexOf('\0') >= 0) {
            throw new Invalid(field + " contains a NUL character");
        }
        return value;
    }

    private static String first(String a, String b) {
        return a != null ? a : b;
    }

    static String clip(String s) {
        return s.length() <= 40 ? s : s.substring(0, 40) + "…";
    }
}
