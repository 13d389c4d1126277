package dev.jinju.store.index;

/**
 * How far the text index trails SQLite. {@code lagEvents} = highest stored seq − highest seq searchable through
 * the index; {@code lagMillis} = how long the oldest of those has been acknowledged (0 when none). Searches
 * never miss those events (they scan the unindexed tail), they only get slower as the lag grows.
 *
 * @param enabled      whether the store has a text index at all
 * @param storedSeq    highest seq in SQLite
 * @param searchableSeq highest seq searchable through the index (refreshed)
 * @param committedSeq highest seq in the index's last commit (what survives a crash)
 */
public record IndexStatus(boolean enabled, long storedSeq, long searchableSeq, long committedSeq,
                          long lagEvents, long lagMillis) {
    public static final IndexStatus DISABLED = new IndexStatus(false, 0, 0, 0, 0, 0);
}
