package dev.jinju.search;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * The opaque cursor clients see: which search it belongs to (a hash of the scope), the store's own cursor
 * to resume from, and how many rows after that to skip (so every edge of a page has a usable cursor).
 */
record PageCursor(String scopeHash, String storeCursor, int skip) {

    String encode() {
        String raw = scopeHash + "|" + skip + "|" + (storeCursor == null ? "" : storeCursor);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
    }

    static PageCursor decode(String text) {
        try {
            String raw = new String(Base64.getUrlDecoder().decode(text), StandardCharsets.UTF_8);
            String[] parts = raw.split("\\|", 3);
            int skip = Integer.parseInt(parts[1]);
            if (skip < 0 || skip > 10_000) {
                throw new IllegalArgumentException();
            }
            return new PageCursor(parts[0], parts[2].isEmpty() ? null : parts[2], skip);
        } catch (RuntimeException e) {
            throw new SearchException(SearchException.Code.BAD_CURSOR, "'after' is not a cursor Jinju issued", null);
        }
    }
}
