package dev.jinju.store.sqlite;

import dev.jinju.event.EventJson;
import dev.jinju.event.LogEvent;

/** How an event maps to the {@code body} and {@code text_z} columns of its row, both ways. */
final class StoredEvent {
    /** The columns {@link #read} needs, in its argument order. */
    static final String COLUMNS = "body, text_z";

    private StoredEvent() {
    }

    /** The event as JSON without message and stack trace: those, the bulk of an event, go to {@link #text}. */
    static String body(LogEvent e) {
        return EventJson.write(e.message() == null && e.stackTrace() == null ? e
                : e.toBuilder().message(null).stackTrace(null).build());
    }

    /** Message and stack trace in {@link EventText}'s compact form; never null, so a row's format is plain. */
    static byte[] text(LogEvent e) {
        return EventText.encode(e.message(), e.stackTrace());
    }

    /**
     * The event of a row. A row written before {@code text_z} existed has it NULL and its body holds message and
     * stack trace; a newer row's body lacks them and {@code text_z} holds both.
     */
    static LogEvent read(String body, byte[] textZ) {
        LogEvent e = EventJson.read(body);
        if (textZ == null) {
            return e;
        }
        EventText.Text text = EventText.decode(textZ);
        return e.toBuilder().message(text.message()).stackTrace(text.stackTrace()).build();
    }
}
