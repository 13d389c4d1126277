package dev.jinju.bench;

import java.util.Arrays;

/** Percentiles of latency samples in nanoseconds, reported in milliseconds. */
final class Stats {
    private Stats() {
    }

    static double percentileMs(long[] nanos, int count, double p) {
        if (count == 0) {
            return Double.NaN;
        }
        long[] sorted = Arrays.copyOf(nanos, count);
        Arrays.sort(sorted);
        int index = (int) Math.min(count - 1, Math.ceil(p / 100.0 * count) - 1);
        return sorted[Math.max(0, index)] / 1e6;
    }

    static String ms(double v) {
        return Double.isNaN(v) ? "–" : v < 10 ? String.format("%.2f", v) : String.format("%.0f", v);
    }
}
