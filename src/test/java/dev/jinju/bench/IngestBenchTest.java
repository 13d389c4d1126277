package dev.jinju.bench;

import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What the benchmark reads from the server's histogram of write-to-searchable delays, over one run. */
class IngestBenchTest {
    private static TreeMap<Double, Long> buckets(long... cumulative) {
        double[] bounds = {0.5, 1.0, 1.5, 2.0, 3.0, 5.0, Double.POSITIVE_INFINITY};
        TreeMap<Double, Long> m = new TreeMap<>();
        for (int i = 0; i < bounds.length; i++) {
            m.put(bounds[i], cumulative[i]);
        }
        return m;
    }

    @Test
    void countsOnlyTheRunsWritesAndTheBoundTheyAllStayedUnder() {
        // Before the run: 10 writes, all under 0.5 s. During it: 100 more, 97 within 2 s, the slowest under 3 s.
        IngestBench.Searchable s = IngestBench.searchable(buckets(10, 10, 10, 10, 10, 10, 10),
                buckets(20, 60, 90, 107, 110, 110, 110));
        assertEquals(new IngestBench.Searchable(100, 97, 3.0), s);
        assertFalse(s.allWithin2s());
        assertEquals("97.0 % of 100 (all under 3.0 s)", s.describe());

        IngestBench.Searchable all = IngestBench.searchable(new TreeMap<>(), buckets(5, 40, 50, 50, 50, 50, 50));
        assertTrue(all.allWithin2s());
        assertEquals(1.5, all.slowestUnderSeconds());
    }

    @Test
    void aWriteOverTheLastBoundAndAServerWithoutTheHistogram() {
        IngestBench.Searchable slow = IngestBench.searchable(new TreeMap<>(), buckets(0, 0, 0, 1, 1, 1, 2));
        assertEquals(Double.POSITIVE_INFINITY, slow.slowestUnderSeconds());
        assertEquals("50.0 % of 2 (some over 5 s)", slow.describe());
        IngestBench.Searchable none = IngestBench.searchable(new TreeMap<>(), new TreeMap<>(Map.of()));
        assertEquals(0, none.writes());
        assertFalse(none.allWithin2s());
        assertEquals("not measured", none.describe());
    }
}
