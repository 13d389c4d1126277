package dev.jinju.security;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The bounded set of GraphQL documents the guard has already checked, which starts over when full. */
class KnownDocumentsTest {

    @Test
    void remembersDocumentsUpToItsBoundsThenStartsOver() {
        KnownDocuments known = new KnownDocuments(3, 20);
        known.add("{ a }");
        known.add("{ b }");
        assertTrue(known.contains("{ a }"));
        assertFalse(known.contains("{ c }"));
        known.add("{ c }");
        known.add("{ d }"); // the fourth: the set starts over rather than growing
        assertEquals(1, known.size());
        assertTrue(known.contains("{ d }"));
        assertFalse(known.contains("{ a }"));
        String longer = "{ " + "x ".repeat(20) + "}";
        known.add(longer);
        assertFalse(known.contains(longer), "documents over the length bound are not kept");
    }
}
