package dev.jinju.store.index;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;

import java.time.Duration;

/** The embedded store's text index ({@code jinju.index.*}); documented in docs/index.md. */
@ConfigMapping(prefix = "jinju.index")
public interface IndexConfig {

    /** Keep a Lucene index beside SQLite for free-text queries; without it they scan rows. */
    @WithDefault("true")
    boolean enabled();

    /**
     * How long a newly stored event may wait before it is searchable through the index (NRT reopen): a refresh runs
     * at least this often, and under load each one starts early enough that its events wait about this long.
     */
    @WithName("refresh-interval")
    @WithDefault("1s")
    Duration refreshInterval();

    /** How often the index is committed to disk; after a crash the events since are re-indexed from SQLite. */
    @WithName("commit-interval")
    @WithDefault("15s")
    Duration commitInterval();

    /**
     * How far the index may trail SQLite: while the oldest acknowledged write not yet searchable is older than
     * this, appends wait for the index (each at most this long), so ingest runs no faster than the index keeps up
     * with. {@code 0} turns it off.
     */
    @WithName("max-lag")
    @WithDefault("1500ms")
    Duration maxLag();

    /** Threads that analyse and index documents; default: 2, or 1 on a single core. */
    java.util.OptionalInt threads();

    /** Throw the index away at start and rebuild it from SQLite. */
    @WithDefault("false")
    boolean rebuild();
}
