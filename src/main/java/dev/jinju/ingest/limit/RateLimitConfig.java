package dev.jinju.ingest.limit;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.util.Map;
import java.util.OptionalDouble;
import java.util.OptionalLong;

/**
 * Ingest rate limits, a token bucket per ingest key counted in events: {@code jinju.ingest.rate-limit.*}, with
 * per-project overrides under {@code jinju.ingest.rate-limit.projects.<project>.*}.
 */
@ConfigMapping(prefix = "jinju.ingest.rate-limit")
public interface RateLimitConfig {
    @WithDefault("true")
    boolean enabled();

    /** Sustained events per second per ingest key. */
    @WithDefault("2000")
    double eventsPerSecond();

    /** Events a key may send at once after being idle (at least one full batch, 1 000). */
    @WithDefault("20000")
    long burst();

    Map<String, Project> projects();

    interface Project {
        OptionalDouble eventsPerSecond();

        OptionalLong burst();
    }
}
