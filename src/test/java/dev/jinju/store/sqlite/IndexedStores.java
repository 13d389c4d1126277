package dev.jinju.store.sqlite;

import dev.jinju.event.LogEvent;
import dev.jinju.store.AppendResult;
import dev.jinju.store.HistogramBucket;
import dev.jinju.store.LogGroupInfo;
import dev.jinju.store.LogStore;
import dev.jinju.store.SearchPage;
import dev.jinju.store.SearchScope;
import dev.jinju.store.index.IndexOptions;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** Stores with a text index, for tests. */
final class IndexedStores {
    /** Long enough that no refresh or commit happens unless a test asks for it. */
    static final Duration NEVER = Duration.ofHours(1);

    private IndexedStores() {
    }

    /** A store on {@code dir}/jinju.db with its index in {@code dir}/index, refreshing and committing as given. */
    static SqliteLogStore open(Path dir, Duration refresh, Duration commit, boolean rebuild) {
        return new SqliteLogStore(SqliteTestFiles.dataSource(dir.resolve("jinju.db")),
                new IndexOptions(dir.resolve("index"), refresh, commit, rebuild));
    }

    /** As {@link #open}, analysing documents on {@code threads} threads. */
    static SqliteLogStore open(Path dir, Duration refresh, Duration commit, int threads) {
        return new SqliteLogStore(SqliteTestFiles.dataSource(dir.resolve("jinju.db")),
                new IndexOptions(dir.resolve("index"), refresh, commit, false, threads));
    }

    /** A store that never refreshes or commits on its own: what is searchable is what tests make searchable. */
    static SqliteLogStore manual(Path dir) {
        return open(dir, NEVER, NEVER, false);
    }

    /** Every append returns only once the events are searchable through the index, so searches use the index. */
    static final class AwaitingIndex implements LogStore, AutoCloseable {
        final SqliteLogStore store;

        AwaitingIndex(SqliteLogStore store) {
            this.store = store;
        }

        @Override
        public AppendResult append(List<LogEvent> events) {
            AppendResult r = store.append(events);
            store.awaitIndexed();
            return r;
        }

        @Override
        public List<LogGroupInfo> logGroups() {
            return store.logGroups();
        }

        @Override
        public SearchPage search(SearchScope scope, int limit, String cursor) {
            return store.search(scope, limit, cursor);
        }

        @Override
        public Optional<LogEvent> event(String id) {
            return store.event(id);
        }

        @Override
        public List<HistogramBucket> histogram(SearchScope scope, int buckets) {
            return store.histogram(scope, buckets);
        }

        @Override
        public void close() {
            store.close();
        }
    }
}
