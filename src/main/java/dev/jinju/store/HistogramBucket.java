package dev.jinju.store;

import dev.jinju.event.Level;

import java.time.Instant;
import java.util.Map;

/** Event counts per level in the time slice [{@code start}, {@code end}). */
public record HistogramBucket(Instant start, Instant end, Map<Level, Long> counts) {
    public HistogramBucket {
        counts = Map.copyOf(counts);
    }

    public long total() {
        return counts.values().stream().mapToLong(Long::longValue).sum();
    }
}
