package dev.jinju.ingest;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Event ids are stable for a retried batch, distinct otherwise, and a batch's ids sort together. */
class EventIdsTest {

    @Test
    void aRetriedBatchGetsTheSameIds() {
        String first = EventIds.id(EventIds.batchPrefix("shop", "prod", "b-1"), 7);
        String retry = EventIds.id(EventIds.batchPrefix("shop", "prod", "b-1"), 7);
        assertEquals(first, retry);
        assertTrue(first.matches("[0-9a-f]{32}"), first);
    }

    @Test
    void anyDifferenceInTheKeyGivesAnotherId() {
        Set<String> ids = new HashSet<>();
        ids.add(EventIds.id(EventIds.batchPrefix("shop", "prod", "b-1"), 0));
        ids.add(EventIds.id(EventIds.batchPrefix("shop", "prod", "b-1"), 1));
        ids.add(EventIds.id(EventIds.batchPrefix("shop", "prod", "b-2"), 0));
        ids.add(EventIds.id(EventIds.batchPrefix("shop", "dev", "b-1"), 0));
        ids.add(EventIds.id(EventIds.batchPrefix("shops", "prod", "b-1"), 0));
        // The separator keeps ("ab", "c") and ("a", "bc") apart.
        ids.add(EventIds.id(EventIds.batchPrefix("shop", "prodb", "-1"), 0));
        assertEquals(6, ids.size(), ids.toString());
    }

    @Test
    void aBatchsIdsShareThePrefixAndSortByIndex() {
        String prefix = EventIds.batchPrefix("shop", "prod", "b-9");
        assertEquals(28, prefix.length());
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < IngestLimits.MAX_EVENTS_PER_BATCH; i++) {
            ids.add(EventIds.id(prefix, i));
        }
        assertTrue(ids.stream().allMatch(id -> id.startsWith(prefix)));
        assertEquals(ids.stream().sorted().toList(), ids, "ids in index order are in sort order");
        assertEquals(prefix + "0000", ids.get(0));
        assertEquals(prefix + "03e7", ids.get(999));
        assertEquals(prefix + "ffff", EventIds.id(prefix, 65_535));
        assertNotEquals(EventIds.batchPrefix("shop", "prod", "b-8"), prefix);
    }

    @Test
    void anIndexOutsideFourHexDigitsIsRefused() {
        String prefix = EventIds.batchPrefix("shop", "prod", "b-1");
        assertThrows(IllegalArgumentException.class, () -> EventIds.id(prefix, -1));
        assertThrows(IllegalArgumentException.class, () -> EventIds.id(prefix, 65_536));
    }
}
