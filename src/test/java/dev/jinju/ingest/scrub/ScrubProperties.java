package dev.jinju.ingest.scrub;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/** Fuzzing the scrubber: never an exception, never a hang, scrubbing twice equals once, no card survives. */
class ScrubProperties {
    static final ScrubRules ALL = new ScrubRules(List.of(), List.of(), true, true);

    @Provide
    Arbitrary<String> texts() {
        Arbitrary<String> fragments = Arbitraries.oneOf(
                Arbitraries.strings().ofMaxLength(12),
                Arbitraries.strings().withChars("0123456789 -").ofMaxLength(24),
                Arbitraries.of("4111111111111111", "4111 1111 1111 1111", "378282246310005", "Bearer ", "bearer ",
                        "Authorization: ", "authorization=", "Basic ", "AKIAIOSFODNN7EXAMPLE", "https://", "u:p@", ":", "@",
                        "password=", "token=", "\"secret\": \"", "\"", "?", "&", "=", ";", " ", "\n", "[Filtered:card]",
                        "bob@example.com", "10.0.0.1", ".", "1.", "api_key", "session", "://", "[", "]", "\\"));
        return fragments.list().ofMaxSize(40).map(l -> String.join("", l));
    }

    @Property(tries = 10_000)
    void scrubbingTwiceEqualsOnce(@ForAll("texts") String s) {
        String once = ALL.text(s);
        assertEquals(once, ALL.text(once));
    }

    @Property(tries = 10_000)
    void anyUnicodeStringIsScrubbedWithoutException(@ForAll String s) {
        String once = ScrubRules.defaults().text(s);
        assertEquals(once, ScrubRules.defaults().text(once));
    }

    @Property(tries = 3_000)
    void noTestCardSurvives(@ForAll("texts") String before, @ForAll("texts") String after) {
        String out = ALL.text(before + " 4111111111111111 " + after);
        assertFalse(out.contains(" 4111111111111111 "), out);
    }

    @Property(tries = 2_000)
    void mapsAreIdempotentToo(@ForAll("texts") String key, @ForAll("texts") String value) {
        Map<String, Object> in = Map.of(key, value, "nested", Map.of(key, List.of(value, List.of(key, value))));
        Map<String, Object> once = ALL.map(in);
        assertEquals(once, ALL.map(once));
    }
}
