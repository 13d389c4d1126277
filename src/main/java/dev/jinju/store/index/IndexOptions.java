package dev.jinju.store.index;

import java.nio.file.Path;
import java.time.Duration;

/** How to run a {@link TextIndex}: where it lives, how often it refreshes and commits, whether to rebuild. */
public record IndexOptions(Path dir, Duration refreshInterval, Duration commitInterval, boolean rebuild) {

    public static IndexOptions defaults(Path dir) {
        return new IndexOptions(dir, Duration.ofSeconds(1), Duration.ofSeconds(15), false);
    }

    public static IndexOptions of(Path dir, IndexConfig config) {
        return new IndexOptions(dir, config.refreshInterval(), config.commitInterval(), config.rebuild());
    }

    public IndexOptions withRebuild(boolean rebuild) {
        return new IndexOptions(dir, refreshInterval, commitInterval, rebuild);
    }

    public IndexOptions withIntervals(Duration refresh, Duration commit) {
        return new IndexOptions(dir, refresh, commit, rebuild);
    }
}
