package dev.jinju.ingest;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The scanner that masks numbers gives exactly what the regex alone gives, so fingerprints do not change. */
class FingerprintsProperties {

    @Property(tries = 5_000)
    void maskingNumbersEqualsTheRegexAlone(@ForAll("messages") String text) {
        assertEquals(Fingerprints.NUMBERS.matcher(text).replaceAll("<n>"), Fingerprints.maskNumbers(text));
    }

    @Provide
    Arbitrary<String> messages() {
        // Pieces that meet at every kind of word boundary: hex words, 0x, dashes, ids, underscores, Korean,
        // a combining mark, a letter outside the BMP, punctuation.
        List<String> pieces = List.of("0", "7", "42", "0x1F", "0x", "x", "deadbeef", "cafe", "a", "F", "-", "--", "_",
                " ", ".", ":", "/", "=", "order", "id", "결제", "실패", "\u0301", "\uD835\uDC00", "é", "2026-11-26",
                "550e8400-e29b-41d4-a716-446655440000", "v1.4.2", "#", "e5", "1e", "ab12", "12ab", "\n");
        return Arbitraries.of(pieces).list().ofMaxSize(24).map(l -> String.join("", l));
    }
}
