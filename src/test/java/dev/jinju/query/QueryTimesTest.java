package dev.jinju.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The times a query may name, in the forms it accepts and those it refuses. */
class QueryTimesTest {

    private static Instant t(String s) {
        return QueryTimes.parse(s).orElseThrow(() -> new AssertionError(s));
    }

    @Test
    void acceptedForms() {
        assertEquals(Instant.parse("2026-11-26T00:00:00Z"), t("2026-11-26"));
        assertEquals(Instant.parse("2026-11-26T10:00:00Z"), t("2026-11-26T10:00"));
        assertEquals(Instant.parse("2026-11-26T10:00:05Z"), t("2026-11-26T10:00:05"));
        assertEquals(Instant.parse("2026-11-26T10:00:05.123456789Z"), t("2026-11-26T10:00:05.123456789Z"));
        assertEquals(Instant.parse("2026-11-26T01:00:00Z"), t("2026-11-26T10:00+09:00"));
        assertEquals(Instant.parse("2026-11-26T01:00:00.5Z"), t("2026-11-26T10:00:00.5+09"));
        assertEquals(Instant.parse("2026-11-26T10:00:00Z"), t("2026-11-26t10:00z"));
    }

    @Test
    void rejectedForms() {
        for (String bad : new String[] {"", "yesterday", "2026-11", "2026-02-30", "2026-11-26T25:00", "2026-11-26T10",
                "2026-11-26 10:00", "2026-11-26T10:00:00.", "1700000000", "2026-11-26Z"}) {
            assertTrue(QueryTimes.parse(bad).isEmpty(), bad);
        }
    }
}
