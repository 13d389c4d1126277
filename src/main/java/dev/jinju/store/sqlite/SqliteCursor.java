package dev.jinju.store.sqlite;

import dev.jinju.store.StoreException;

/** Keyset position in the newest-first order: the timestamp and sequence number of the last row returned. */
record SqliteCursor(long ts, long seq) {

    String format() {
        return ts + ":" + seq;
    }

    static SqliteCursor parse(String text) {
        int colon = text.indexOf(':');
        try {
            return new SqliteCursor(Long.parseLong(text.substring(0, colon)), Long.parseLong(text.substring(colon + 1)));
        } catch (RuntimeException e) {
            throw new StoreException("cursor '" + text + "' is not a cursor of this store");
        }
    }
}
