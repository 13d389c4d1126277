package dev.jinju.query;

import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Any text either parses or throws QuerySyntaxException, quickly; and what parses prints back to itself. */
class QueryParserFuzzProperties {

    @Provide
    Arbitrary<String> queryish() {
        Arbitrary<String> pieces = Arbitraries.oneOf(
                Arbitraries.of("(", ")", "\"", "\\", "!", "-", ":", "[", "]", ",", ">", ">=", "<", "<=", "*", " ",
                        "AND", "OR", "has:", "level:", "code:", "timestamp:", "http.status:", "extra.a.b:", "extra.",
                        "lvl:", "http://", "결제", "a", "9", "500", "2026-11-26", "T10:00", "Z", "warn", "\t", "\n"),
                Arbitraries.strings().ofMinLength(1).ofMaxLength(3));
        return pieces.list().ofMaxSize(25).map(l -> String.join("", l));
    }

    @Property(tries = 10_000)
    void randomTextParsesOrThrowsOnlySyntaxErrors(@ForAll("queryish") String text) {
        assertTimeoutPreemptively(Duration.ofSeconds(2), () -> {
            Query q;
            try {
                q = QueryParser.parse(text);
            } catch (QuerySyntaxException e) {
                if (e.position() < 0 || e.position() > text.length()) {
                    throw new AssertionError("position out of range: " + e.getMessage());
                }
                return;
            }
            String printed = QueryPrinter.print(q);
            if (!QueryParser.parse(printed).equals(q)) {
                throw new AssertionError("round trip of " + text + " via " + printed);
            }
        });
    }

    @Property(tries = 2000)
    void arbitraryUnicodeNeverCrashes(@ForAll String text) {
        try {
            QueryParser.parse(text);
        } catch (QuerySyntaxException expected) {
            // fine: the only failure allowed
        }
    }
}
