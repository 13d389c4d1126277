package dev.jinju.store.index;

import java.nio.file.Path;
import java.time.Duration;

/**
 * How to run a {@link TextIndex}: where it lives, how often it refreshes and commits, whether to rebuild, on how
 * many threads it analyses documents, and how far it may trail SQLite before writers wait for it
 * ({@code maxLag}; zero: never).
 */
public record IndexOptions(Path dir, Duration refreshInterval, Duration commitInterval, boolean rebuild, int threads,
                           Duration maxLag) {

    public IndexOptions {
        if (threads < 1) {
            throw new IllegalArgumentException("jinju.index.threads must be at least 1, not " + threads);
        }
        if (maxLag.isNegative()) {
            throw new IllegalArgumentException("jinju.index.max-lag must not be negative, not " + maxLag);
        }
    }

    /** Without a lag bound: for tests that hold refreshes back. */
    public IndexOptions(Path dir, Duration refreshInterval, Duration commitInterval, boolean rebuild, int threads) {
        this(dir, refreshInterval, commitInterval, rebuild, threads, Duration.ZERO);
    }

    /** Without a lag bound, on the default threads. */
    public IndexOptions(Path dir, Duration refreshInterval, Duration commitInterval, boolean rebuild) {
        this(dir, refreshInterval, commitInterval, rebuild, defaultThreads());
    }

    /** Two threads where there are two cores: analysis is most of indexing, and it parallelises well. */
    public static int defaultThreads() {
        return Math.max(1, Math.min(2, Runtime.getRuntime().availableProcessors()));
    }

    public static IndexOptions of(Path dir, IndexConfig config) {
        return new IndexOptions(dir, config.refreshInterval(), config.commitInterval(), config.rebuild(),
                config.threads().orElse(defaultThreads()), config.maxLag());
    }
}
