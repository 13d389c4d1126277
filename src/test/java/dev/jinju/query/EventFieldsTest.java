package dev.jinju.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** How the evaluator reads an event's fields: numbers as text, paths into extra, presence, wildcards. */
class EventFieldsTest {

    @Test
    void numbersPrintPlainWithoutTrailingZeros() {
        assertEquals("9", EventFields.formatNumber(9));
        assertEquals("9", EventFields.formatNumber(9.0));
        assertEquals("9", EventFields.formatNumber(9L));
        assertEquals("9.5", EventFields.formatNumber(9.50));
        assertEquals("0.1", EventFields.formatNumber(0.1f));
        assertEquals("100000000000000000000", EventFields.formatNumber(1e20));
        assertEquals("0.0000001", EventFields.formatNumber(1e-7));
        assertEquals("0", EventFields.formatNumber(-0.0));
        assertEquals("12.5", EventFields.formatNumber(new BigDecimal("12.500")));
        assertEquals("NaN", EventFields.formatNumber(Double.NaN));
    }

    @Test
    void extraPathsWalkMapsAndListIndexes() {
        Map<String, Object> extra = Map.of("a", Map.of("b", List.of(Map.of("c", 1), "x")), "n", 2);
        assertEquals(1, EventFields.extra(extra, "a.b.0.c"));
        assertEquals("x", EventFields.extra(extra, "a.b.1"));
        assertNull(EventFields.extra(extra, "a.b.2"));
        assertNull(EventFields.extra(extra, "n.x"));
        assertNull(EventFields.extra(null, "a"));
        assertEquals(List.of("x"), EventFields.scalars(EventFields.extra(extra, "a.b")));
    }

    @Test
    void presence() {
        assertFalse(EventFields.isPresent(null));
        assertFalse(EventFields.isPresent(""));
        assertFalse(EventFields.isPresent(List.of()));
        assertFalse(EventFields.isPresent(Map.of()));
        assertTrue(EventFields.isPresent(false));
        assertTrue(EventFields.isPresent(0));
        assertTrue(EventFields.isPresent(" "));
    }

    @Test
    void wildcards() {
        assertTrue(Wildcards.matches("*checkout*", "https://x/checkout?a"));
        assertTrue(Wildcards.matches("a*b*c", "abc"));
        assertTrue(Wildcards.matches("a*b*c", "a-b-b-c"));
        assertFalse(Wildcards.matches("a*b*c", "a-c"));
        assertFalse(Wildcards.matches("ab*ba", "aba"));
        assertTrue(Wildcards.matches("*", ""));
        assertFalse(Wildcards.matches("abc", "ABC"));
    }
}
