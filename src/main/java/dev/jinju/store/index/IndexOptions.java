package dev.jinju.store.index;

import java.nio.file.Path;
import java.time.Duration;

/**
 * How to run a {@link TextIndex}: where it lives, how often it refreshes and commits, whether to rebuild, and on
 * how many threads it analyses documents.
 */
public record IndexOptions(Path dir, Duration refreshInterval, Duration commitInterval, boolean rebuild, int threads) {

    public IndexOptions {
        if (threads < 1) {
            throw new IllegalArgumentException("jinju.index.threads must be at least 1, not " + threads);
        }
    }

    public IndexOptions(Path dir, Duration refreshInterval, Duration commitInterval, boolean rebuild) {
        this(dir, refreshInterval, commitInterval, rebuild, defaultThreads());
    }

    /** Two threads where there are two cores: analysis is most of indexing, and it parallelises well. */
    public static int defaultThreads() {
        return Math.max(1, Math.min(2, Runtime.getRuntime().availableProcessors()));
    }

    public static IndexOptions defaults(Path dir) {
        return new IndexOptions(dir, Duration.ofSeconds(1), Duration.ofSeconds(15), false);
    }

    public static IndexOptions of(Path dir, IndexConfig config) {
        return new IndexOptions(dir, config.refreshInterval(), config.commitInterval(), config.rebuild(),
                config.threads().orElse(defaultThreads()));
    }

    public IndexOptions withRebuild(boolean rebuild) {
        return new IndexOptions(dir, refreshInterval, commitInterval, rebuild, threads);
    }

    public IndexOptions withIntervals(Duration refresh, Duration commit) {
        return new IndexOptions(dir, refresh, commit, rebuild, threads);
    }

    public IndexOptions withThreads(int threads) {
        return new IndexOptions(dir, refreshInterval, commitInterval, rebuild, threads);
    }
}
