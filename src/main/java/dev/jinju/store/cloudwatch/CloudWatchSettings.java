package dev.jinju.store.cloudwatch;

import java.time.Duration;

/**
 * The store's settings as a plain value, so that {@link CloudWatchLogStore} can be built in a test without CDI.
 *
 * @param histogramMode  Logs Insights or scan
 * @param scanLimit      raw events one search window / histogram scan may read
 * @param putAttempts    attempts of one PutLogEvents batch on retryable failures
 * @param insightsTimeout how long a Logs Insights query may run
 * @param retryBaseDelay first backoff delay (doubled per attempt, with jitter, capped at 5 s)
 */
public record CloudWatchSettings(HistogramMode histogramMode, int scanLimit, int putAttempts,
                                 Duration insightsTimeout, Duration retryBaseDelay) {

    public enum HistogramMode { insights, scan }

    public static CloudWatchSettings defaults() {
        return new CloudWatchSettings(HistogramMode.insights, 10_000, 8, Duration.ofSeconds(60), Duration.ofMillis(100));
    }

    public CloudWatchSettings withHistogramMode(HistogramMode mode) {
        return new CloudWatchSettings(mode, scanLimit, putAttempts, insightsTimeout, retryBaseDelay);
    }

    public CloudWatchSettings withScanLimit(int limit) {
        return new CloudWatchSettings(histogramMode, limit, putAttempts, insightsTimeout, retryBaseDelay);
    }

    public CloudWatchSettings withRetryBaseDelay(Duration delay) {
        return new CloudWatchSettings(histogramMode, scanLimit, putAttempts, insightsTimeout, delay);
    }
}
