package dev.jinju.store.cloudwatch;

import dev.jinju.store.StoreException;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Where a search page stopped: the time window being read ({@code [windowEnd - windowSize, windowEnd)}, scanned
 * backwards from the scope's {@code to}) and the last event returned from it ({@code afterTimestamp},
 * {@code afterId}; null at the start of a window). The next page continues with the events that come after that
 * one in newest-first order, so events arriving meanwhile neither shift nor repeat what the reader sees. Encoded
 * as an opaque URL-safe string.
 */
record SearchCursor(long windowEnd, long windowSize, Long afterTimestamp, String afterId) {
    private static final String VERSION = "cw2";

    String encode() {
        String raw = VERSION + ":" + windowEnd + ":" + windowSize + ":"
                + (afterTimestamp == null ? "" : afterTimestamp) + ":" + (afterId == null ? "" : afterId);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
    }

    static SearchCursor decode(String cursor) {
        try {
            String raw = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            String[] p = raw.split(":", 5);
            if (p.length != 5 || !p[0].equals(VERSION)) {
                throw new IllegalArgumentException("unknown cursor format");
            }
            SearchCursor c = new SearchCursor(Long.parseLong(p[1]), Long.parseLong(p[2]),
                    p[3].isEmpty() ? null : Long.parseLong(p[3]), p[3].isEmpty() ? null : p[4]);
            if (c.windowSize <= 0) {
                throw new IllegalArgumentException("cursor out of range");
            }
            return c;
        } catch (IllegalArgumentException e) {
            throw new StoreException("bad cursor: " + e.getMessage(), e);
        }
    }
}
