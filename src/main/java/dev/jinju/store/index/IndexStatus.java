package dev.jinju.store.index;

/**
 * How far the text index trails SQLite. {@code lagEvents} = highest stored seq − highest seq the next search
 * finds through the index; {@code lagMillis} = how long the oldest of those has been acknowledged (0 when none).
 * Searches never miss those events (they scan the unindexed tail), they only get slower as the lag grows. While
 * the index is search-idle the next search refreshes first, so it finds everything indexed: then the lag is the
 * indexing lag, not the refresh lag.
 *
 * @param enabled       whether the store has a text index at all
 * @param storedSeq     highest seq in SQLite
 * @param indexedSeq    highest seq added to the index's writer
 * @param searchableSeq highest seq searchable through the index's current searcher (refreshed)
 * @param committedSeq  highest seq in the index's last commit (what survives a crash)
 * @param searchIdle    no search came for {@code jinju.index.search-idle-after}: refreshes wait for one
 */
public record IndexStatus(boolean enabled, long storedSeq, long indexedSeq, long searchableSeq, long committedSeq,
                          long lagEvents, long lagMillis, boolean searchIdle) {
    public static final IndexStatus DISABLED = new IndexStatus(false, 0, 0, 0, 0, 0, 0, false);
}
