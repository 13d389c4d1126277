package dev.jinju.ingest;

import dev.jinju.event.EventJson;
import dev.jinju.event.LogEvent;
import dev.jinju.query.EventArbitraries;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** The cheap size bound never underestimates: an event it lets through is never over the limit. */
class EventSizeProperties {

    @Provide
    Arbitrary<LogEvent> events() {
        Arbitrary<String> nasty = Arbitraries.strings().all().ofMaxLength(300); // control characters, surrogates, CJK
        return EventArbitraries.events().filter(e -> e.message() != null)
                .flatMap(e -> nasty.map(s -> e.toBuilder().message(e.message() + s).stackTrace(s).location(s).build()));
    }

    @Property(tries = 2_000)
    void upperBoundIsNeverBelowTheJsonSize(@ForAll("events") LogEvent event) {
        int actual = EventJson.write(event).getBytes(StandardCharsets.UTF_8).length;
        assertTrue(EventSize.upperBound(event) >= actual, () -> EventSize.upperBound(event) + " < " + actual);
    }
}
