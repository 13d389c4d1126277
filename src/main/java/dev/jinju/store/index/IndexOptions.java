package dev.jinju.store.index;

import java.nio.file.Path;
import java.time.Duration;

/**
 * How to run a {@link TextIndex}: where it lives, how often it refreshes and commits, whether to rebuild, on how
 * many threads it analyses documents, and after how long without a search it stops refreshing
 * ({@link Duration#ZERO}: never).
 */
public record IndexOptions(Path dir, Duration refreshInterval, Duration commitInterval, boolean rebuild, int threads,
                           Duration searchIdleAfter) {

    public IndexOptions {
        if (threads < 1) {
            throw new IllegalArgumentException("jinju.index.threads must be at least 1, not " + threads);
        }
        if (searchIdleAfter.isNegative()) {
            throw new IllegalArgumentException("jinju.index.search-idle-after must not be negative, not " + searchIdleAfter);
        }
    }

    /** Never search-idle: tests decide what is searchable through the refresh interval alone. */
    public IndexOptions(Path dir, Duration refreshInterval, Duration commitInterval, boolean rebuild, int threads) {
        this(dir, refreshInterval, commitInterval, rebuild, threads, Duration.ZERO);
    }

    public IndexOptions(Path dir, Duration refreshInterval, Duration commitInterval, boolean rebuild) {
        this(dir, refreshInterval, commitInterval, rebuild, defaultThreads());
    }

    /** Two threads where there are two cores: analysis is most of indexing, and it parallelises well. */
    public static int defaultThreads() {
        return Math.max(1, Math.min(2, Runtime.getRuntime().availableProcessors()));
    }

    public static IndexOptions of(Path dir, IndexConfig config) {
        return new IndexOptions(dir, config.refreshInterval(), config.commitInterval(), config.rebuild(),
                config.threads().orElse(defaultThreads()), config.searchIdleAfter());
    }

    public IndexOptions withRebuild(boolean rebuild) {
        return new IndexOptions(dir, refreshInterval, commitInterval, rebuild, threads, searchIdleAfter);
    }

    public IndexOptions withIntervals(Duration refresh, Duration commit) {
        return new IndexOptions(dir, refresh, commit, rebuild, threads, searchIdleAfter);
    }

    public IndexOptions withThreads(int threads) {
        return new IndexOptions(dir, refreshInterval, commitInterval, rebuild, threads, searchIdleAfter);
    }

    public IndexOptions withSearchIdleAfter(Duration searchIdleAfter) {
        return new IndexOptions(dir, refreshInterval, commitInterval, rebuild, threads, searchIdleAfter);
    }
}
