package dev.jinju.project;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The projects Jinju accepts events for: {@code jinju.projects.<project>.*} (SPEC §8). */
@ConfigMapping(prefix = "jinju")
public interface ProjectsConfig {

    /** Projects by name. */
    Map<String, Project> projects();

    /** One project's settings. */
    interface Project {
        /** Environment names, e.g. {@code production,staging}. */
        @WithDefault("production")
        List<String> environments();

        /** Accepted ingest keys; several may be active at once, for rotation. */
        @WithName("ingest-keys")
        Optional<List<String>> ingestKeys();

        /** Browser origins allowed to send ({@code *} for any). */
        @WithName("allowed-origins")
        Optional<List<String>> allowedOrigins();

        /** Lambda function-name prefixes per environment. */
        Map<String, List<String>> lambda();

        /** Retention of the project's log groups, in days. */
        @WithName("retention-days")
        Optional<Integer> retentionDays();
    }
}
