package dev.jinju.project;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;

/** Core settings: which store, where local state lives, and whether to load demo data (SPEC §8). */
@ConfigMapping(prefix = "jinju")
public interface CoreConfig {

    /** {@code sqlite} (the embedded store, default) or {@code cloudwatch}. */
    @WithDefault("sqlite")
    String store();

    /** Where the SQLite file and the text index live. */
    @WithName("data-dir")
    @WithDefault("./data")
    String dataDir();

    /** Fill a {@code demo} project with sample events on start. */
    @WithDefault("false")
    boolean demo();
}
