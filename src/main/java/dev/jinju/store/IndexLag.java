package dev.jinju.store;

/**
 * How far a store's text index trails what it acknowledged: events not yet searchable through the index, and
 * how long the oldest of them has waited. Searches still find them (slower); this is for metrics and benchmarks.
 */
public record IndexLag(long events, long millis) {
}
