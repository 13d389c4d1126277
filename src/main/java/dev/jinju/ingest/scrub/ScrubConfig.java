package dev.jinju.ingest.scrub;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/** {@code jinju.scrub.*}: PII scrubbing, with per-project overrides under {@code jinju.scrub.projects.<project>.*}. */
@ConfigMapping(prefix = "jinju.scrub")
public interface ScrubConfig {
    @WithDefault("true")
    boolean enabled();

    /** Mask e-mail addresses in text ({@code [Filtered:email]}). */
    @WithDefault("false")
    boolean emails();

    /** Mask IPv4 addresses in text ({@code [Filtered:ip]}). */
    @WithDefault("false")
    boolean ips();

    /** More key-name fragments whose values are filtered. */
    Optional<List<String>> extraKeys();

    /** Key names never filtered by name (e.g. {@code author}). */
    Optional<List<String>> safeKeys();

    Map<String, Project> projects();

    interface Project {
        Optional<Boolean> enabled();

        Optional<Boolean> emails();

        Optional<Boolean> ips();

        Optional<List<String>> extraKeys();

        Optional<List<String>> safeKeys();
    }
}
