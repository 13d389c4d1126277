package dev.jinju.bench;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The benchmark's percentiles and medians. */
class StatsTest {
    @Test
    void medianOfOddAndEvenCounts() {
        assertEquals(1300.0, Stats.median(List.of(1700.0, 1100.0, 1300.0)));
        assertEquals(1250.0, Stats.median(List.of(1700.0, 1100.0, 1300.0, 1200.0)));
        assertTrue(Double.isNaN(Stats.median(List.of())));
    }

    @Test
    void percentileIsTheSampleAtOrAboveTheRank() {
        long[] nanos = {5_000_000, 1_000_000, 3_000_000, 2_000_000, 4_000_000};
        assertEquals(3.0, Stats.percentileMs(nanos, 5, 50));
        assertEquals(5.0, Stats.percentileMs(nanos, 5, 99));
        assertEquals(1.0, Stats.percentileMs(nanos, 5, 1));
    }
}
