package dev.jinju.selfmonitor;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;

import java.net.URI;
import java.util.Optional;

/** Jinju watching itself: its public URL, the heartbeat and its own log (see docs/alerts.md). */
@ConfigMapping(prefix = "jinju")
public interface SelfMonitorConfig {

    /** The dashboard's base URL as users reach it, for links in alerts (e.g. {@code https://logs.example.com}). */
    @WithName("public-url")
    @WithDefault("http://localhost:8080")
    String publicUrl();

    Heartbeat heartbeat();

    @WithName("self-log")
    SelfLog selfLog();

    /** The dead-man switch. */
    interface Heartbeat {
        /** Pinged (GET) every interval while ingest and the store are healthy; none, no heartbeat. */
        Optional<URI> url();

        /** How often ({@code off} disables the schedule). */
        @WithDefault("60s")
        String interval();
    }

    /** Jinju's own WARN and ERROR log lines as events of project {@code jinju}, environment {@code self}. */
    interface SelfLog {
        @WithDefault("true")
        boolean enabled();

        /** Records waiting to be stored; more are dropped (and counted) rather than block logging. */
        @WithName("queue-size")
        @WithDefault("1000")
        int queueSize();
    }
}
