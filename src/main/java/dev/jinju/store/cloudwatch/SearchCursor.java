package dev.jinju.store.cloudwatch;

import dev.jinju.store.StoreException;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Where a search page stopped: the time window being read ({@code [windowEnd - windowSize, windowEnd)}, scanned
 * backwards from the scope's {@code to}) and how many of that window's matches (newest first) were already
 * returned. Encoded as an opaque URL-safe string.
 */
record SearchCursor(long windowEnd, long windowSize, int offset) {
    private static final String VERSION = "cw1";

    String encode() {
        String raw = VERSION + ":" + windowEnd + ":" + windowSize + ":" + offset;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
    }

    static SearchCursor decode(String cursor) {
        try {
            String raw = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            String[] p = raw.split(":");
            if (p.length != 4 || !p[0].equals(VERSION)) {
                throw new IllegalArgumentException("unknown cursor format");
            }
            SearchCursor c = new SearchCursor(Long.parseLong(p[1]), Long.parseLong(p[2]), Integer.parseInt(p[3]));
            if (c.windowSize <= 0 || c.offset < 0) {
                throw new IllegalArgumentException("cursor out of range");
            }
            return c;
        } catch (IllegalArgumentException e) {
            throw new StoreException("bad cursor: " + e.getMessage(), e);
        }
    }
}
