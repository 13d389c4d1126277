package dev.jinju.store.cloudwatch;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.net.URI;
import java.util.Optional;

/**
 * {@code jinju.cloudwatch.*}: the CloudWatch Logs client and how the CloudWatch store works. Every entry is
 * optional or defaulted, so the application starts with {@code jinju.store=sqlite} and nothing configured here.
 */
@ConfigMapping(prefix = "jinju.cloudwatch")
public interface CloudWatchConfig {

    /** AWS region; absent means the SDK's default region provider chain. */
    Optional<String> region();

    /** Endpoint override (e.g. a local emulator); absent means AWS's endpoint for the region. */
    Optional<URI> endpointOverride();

    /** How histograms are computed: Logs Insights ({@code insights}) or a bounded FilterLogEvents scan ({@code scan}). */
    @WithDefault("insights")
    CloudWatchSettings.HistogramMode histogramMode();

    /** At most this many raw events are read by one search window or one histogram scan before narrowing. */
    @WithDefault("10000")
    int scanLimit();

    /** Attempts of one PutLogEvents batch on throttling, 5xx and connection errors. */
    @WithDefault("8")
    int putAttempts();

    /** Seconds a Logs Insights query may run before the store falls back to a scan. */
    @WithDefault("60")
    int insightsTimeoutSeconds();

    /** The local durable outbox for events CloudWatch could not take (see {@link CloudWatchOutbox}). */
    OutboxConfig outbox();

    /** {@code jinju.cloudwatch.outbox.*}. */
    interface OutboxConfig {
        /** Whether acknowledged events go to {@code <jinju.data-dir>/cloudwatch-outbox.db} when CloudWatch fails. */
        @WithDefault("true")
        boolean enabled();

        /** Events the outbox holds at most; beyond, appends fail (ingest answers STORE_UNAVAILABLE). */
        @WithDefault("1000000")
        long maxEvents();

        /** How often the drainer tries to deliver the outbox to CloudWatch. */
        @WithDefault("5s")
        java.time.Duration drainInterval();
    }

    default CloudWatchSettings toSettings() {
        return new CloudWatchSettings(histogramMode(), scanLimit(), putAttempts(),
                java.time.Duration.ofSeconds(insightsTimeoutSeconds()), java.time.Duration.ofMillis(100));
    }
}
