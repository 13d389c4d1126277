package dev.jinju.store.sqlite;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Any message and stack trace (null, empty, short, long, repetitive or not) come back as they went in. */
class EventTextProperties {

    @Property(tries = 2_000)
    void encodeThenDecodeIsTheIdentity(@ForAll("texts") String message, @ForAll("texts") String stackTrace) {
        assertEquals(new EventText.Text(message, stackTrace), EventText.decode(EventText.encode(message, stackTrace)));
    }

    @Provide
    Arbitrary<String> texts() {
        // Whole code points only: a lone surrogate has no UTF-8 form (it becomes '?', see EventTextTest).
        Arbitrary<Integer> codePoints = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(6, Arbitraries.integers().between(0x20, 0x7E)),
                net.jqwik.api.Tuple.of(3, Arbitraries.integers().between(0xAC00, 0xD7A3)),
                net.jqwik.api.Tuple.of(1, Arbitraries.integers().between(0, 0x10FFFF)
                        .filter(cp -> cp < 0xD800 || cp > 0xDFFF)));
        Arbitrary<String> varied = codePoints.list().ofMaxSize(400).map(cps -> {
            StringBuilder sb = new StringBuilder();
            cps.forEach(sb::appendCodePoint);
            return sb.toString();
        });
        Arbitrary<String> repetitive = varied.flatMap(s -> Arbitraries.integers().between(1, 60).map(s::repeat));
        return Arbitraries.oneOf(varied, repetitive).injectNull(0.15);
    }
}
