package dev.jinju.alert;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Alert rules and channels: {@code jinju.alerts.*} (see docs/alerts.md). */
@ConfigMapping(prefix = "jinju.alerts")
public interface AlertsConfig {

    /** Rules defined in configuration, by name; they are copied into the store at start-up. */
    Map<String, RuleConfig> rules();

    /** Notification channels by name. Secrets (URLs, passwords) never leave the server through the API. */
    Map<String, ChannelConfig> channels();

    /** How often the scheduler evaluates every enabled rule ({@code off} disables the schedule). */
    @WithName("evaluate-every")
    @WithDefault("30s")
    String evaluateEvery();

    /** How many times a failing channel is tried in all for one notification. */
    @WithName("retry.attempts")
    @WithDefault("3")
    int retryAttempts();

    /** The wait before the first retry; it doubles for each further one. */
    @WithName("retry.backoff")
    @WithDefault("2s")
    Duration retryBackoff();

    /** Timeout of one HTTP call to Slack or a webhook. */
    @WithName("http-timeout")
    @WithDefault("10s")
    Duration httpTimeout();

    /** How far back a "new error" rule looks, on its first evaluation, for the fingerprints it already knows. */
    @WithName("new-error-baseline")
    @WithDefault("7d")
    Duration newErrorBaseline();

    /** One rule. */
    interface RuleConfig {
        /** The project whose events the rule watches. */
        String project();

        /** The environment; with no {@code groups}, the rule watches {@code /jinju/{project}/{environment}}. */
        Optional<String> environment();

        /** Explicit log groups (e.g. Lambda groups); overrides the environment's own group. */
        Optional<List<String>> groups();

        /** A query in the query language; empty matches every event. */
        Optional<String> query();

        /** Only these levels (empty: all). */
        Optional<List<String>> levels();

        /** {@code count-above}, {@code percent-increase} or {@code new-error}. */
        String condition();

        /** N of count-above, X of percent-increase; unused for new-error. */
        @WithDefault("0")
        double threshold();

        /** For percent-increase: the least count in the window for the rule to fire. */
        @WithName("min-count")
        @WithDefault("1")
        long minCount();

        /** The window the condition looks at. */
        @WithDefault("5m")
        Duration window();

        /** After firing, the rule does not fire again before this has passed. */
        @WithDefault("30m")
        Duration cooldown();

        /** Channel names to notify. */
        Optional<List<String>> channels();

        @WithDefault("true")
        boolean enabled();
    }

    /** One channel. */
    interface ChannelConfig {
        /** {@code slack}, {@code email} or {@code webhook}. */
        String type();

        /** Slack incoming-webhook URL or the webhook URL (a secret). */
        Optional<String> url();

        /** E-mail recipients. */
        Optional<List<String>> to();

        /** Extra HTTP headers for a webhook (e.g. an Authorization header), by name. */
        Map<String, String> headers();
    }
}
