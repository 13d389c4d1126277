package dev.jinju.bench;

import java.util.Arrays;
import java.util.List;

/** Percentiles of latency samples in nanoseconds, reported in milliseconds, and medians. */
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

    /** The median of {@code values} (the mean of the middle two of an even count); NaN when there are none. */
    static double median(List<Double> values) {
        if (values.isEmpty()) {
            return Double.NaN;
        }
        double[] sorted = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        int mid = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }

    static String ms(double v) {
        return Double.isNaN(v) ? "–" : v < 10 ? String.format("%.2f", v) : String.format("%.0f", v);
    }
}
