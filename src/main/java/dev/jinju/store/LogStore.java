package dev.jinju.store;

import dev.jinju.event.LogEvent;

import java.util.List;
import java.util.Optional;

/**
 * Where events live: the embedded store (SQLite + Lucene) or CloudWatch Logs. Everything above this
 * interface (GraphQL, ingest, alerts, export) is written once against it.
 */
public interface LogStore {

    /**
     * Stores the events durably and returns only once they survive a crash of the process. Events whose
     * {@code id} is already stored are skipped, so a retried batch does not duplicate. Events the store
     * refuses are reported by their index in {@code events}; all others are stored.
     */
    AppendResult append(List<LogEvent> events);

    /** Every log group the store knows, Jinju's own and mapped Lambda groups alike. */
    List<LogGroupInfo> logGroups();

    /** Events of the scope, newest first, {@code limit} at a time; {@code cursor} continues a previous page. */
    SearchPage search(SearchScope scope, int limit, String cursor);

    /** One event by id. */
    Optional<LogEvent> event(String id);

    /** Counts per level in {@code buckets} equal slices of the scope's time range. */
    List<HistogramBucket> histogram(SearchScope scope, int buckets);

    /**
     * Keeps {@code days} days of a Jinju log group: the embedded store deletes older events, CloudWatch sets the
     * group's retention policy (and deletes by itself). Called periodically; must be idempotent.
     */
    default void retain(String group, int days) {
    }

    /** The text index's lag, for stores that keep one. */
    default java.util.Optional<IndexLag> indexLag() {
        return java.util.Optional.empty();
    }

    /**
     * Tells {@code delays} how long each acknowledged write took to become searchable through the store's text
     * index, in milliseconds. Stores without such an index (CloudWatch) never call it.
     */
    default void onSearchable(java.util.function.LongConsumer delays) {
    }

    /** A cheap check that the store answers (readiness, heartbeat); throws when it does not. */
    default void ping() {
        logGroups();
    }
}
