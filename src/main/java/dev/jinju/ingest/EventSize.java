package dev.jinju.ingest;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.jinju.event.EventJson;
import dev.jinju.event.LogEvent;

/**
 * An upper bound of an event's size as JSON, computed without writing it: a character takes at most 6 bytes
 * in JSON ({@code \u001f}), and field names, quotes and punctuation take a fixed amount.
 */
final class EventSize {
    /** Field names, quotes, colons and commas of every field, with room to spare. */
    private static final int FIXED = 1_024;
    private static final int MAX_BYTES_PER_CHAR = 6;

    private EventSize() {
    }

    static long upperBound(LogEvent e) {
        long chars = len(e.id()) + len(e.group()) + len(e.stream()) + len(e.project()) + len(e.environment())
                + len(e.type()) + len(e.code()) + len(e.message()) + len(e.stackTrace()) + len(e.url())
                + len(e.location()) + len(e.release()) + len(e.userAgent()) + len(e.pageViewId()) + len(e.requestId())
                + len(e.source()) + len(e.fingerprint()) + 64 /* times, level, status */;
        if (e.componentTrace() != null) {
            for (String c : e.componentTrace()) {
                chars += len(c) + 3;
            }
        }
        if (e.user() != null) {
            chars += len(e.user().id()) + len(e.user().email()) + len(e.user().name()) + 32;
        }
        long bound = FIXED + chars * MAX_BYTES_PER_CHAR;
        if (e.extra() != null) {
            // extra is free-form: measure it exactly, it is usually small (written straight to text: through a
            // tree first, it cost a twentieth of the request threads' time under ingest).
            bound += json(e.extra()).length() * (long) MAX_BYTES_PER_CHAR / 2 + 16;
        }
        return bound;
    }

    private static String json(Object value) {
        try {
            return EventJson.mapper().writeValueAsString(value);
        } catch (JsonProcessingException ex) {
            throw new IllegalArgumentException("extra cannot be written as JSON: " + ex.getOriginalMessage(), ex);
        }
    }

    private static int len(String s) {
        return s == null ? 0 : s.length();
    }
}
