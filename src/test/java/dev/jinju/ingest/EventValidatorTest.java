package dev.jinju.ingest;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Per-event validation: the whole-event size limit counts JSON bytes, escapes included. */
class EventValidatorTest {
    static final IngestBatch BATCH = new IngestBatch("k", "shop", "prod", "b1", null, List.of());

    static IngestBatch.Event event(String message) {
        return new IngestBatch.Event(Instant.now().toString(), "error", null, null, message, null, null, null, null,
                null, null, null, null);
    }

    @Test
    void anEventWhoseJsonIsOverTheLimitIsRejectedWithItsSize() {
        String controls = "\u0001".repeat(IngestLimits.MAX_MESSAGE_CHARS); // 6 JSON bytes each
        EventValidator.Invalid e = assertThrows(EventValidator.Invalid.class,
                () -> EventValidator.toEvent(BATCH, event(controls), "id", "server", Instant.now()));
        assertTrue(e.getMessage().startsWith("event is ") && e.getMessage().contains("bytes as JSON"), e.getMessage());
    }

    @Test
    void aLargeButValidEventPasses() throws Exception {
        String korean = "결제".repeat(IngestLimits.MAX_MESSAGE_CHARS / 2); // 3 bytes each: 192 KiB
        assertEquals(korean, EventValidator.toEvent(BATCH, event(korean), "id", "server", Instant.now()).message());
    }
}
