package dev.jinju.bench;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The query benchmark's data: the rare word reaches the queried group, stale data dirs are not reused, answers are counted. */
class QueryBenchDataTest {
    @Test
    void theRareWordFallsInEveryGroupTheFillUses() {
        BenchEvents gen = new BenchEvents(17);
        Set<String> groups = new HashSet<>();
        int found = 0;
        for (long i = 0; i < 4L * BenchEvents.RARE_EVERY; i++) {
            // As QueryBench.fill makes them: one message per event, event i in QueryBench.groupOf(i).
            if (gen.message().contains(BenchEvents.RARE)) {
                found++;
                groups.add(QueryBench.groupOf(i));
            }
        }
        assertEquals(4, found);
        assertEquals(Set.of(QueryBench.GROUPS), groups);
    }

    @Test
    void reusesOnlyARecentFillOfTheCurrentGenerator(@TempDir Path dir) throws Exception {
        Instant now = Instant.parse("2026-11-27T12:00:00Z");
        assertNotNull(QueryBench.whyNotReusable(dir, now), "empty dir");

        Files.writeString(dir.resolve("jinju.db"), "");
        String missing = QueryBench.whyNotReusable(dir, now);
        assertTrue(missing.startsWith("no data filled by this benchmark"), missing);

        Files.writeString(dir.resolve(QueryBench.MARKER), "version=1\nfilledAt=2026-11-27T11:00:00Z\n");
        String older = QueryBench.whyNotReusable(dir, now);
        assertTrue(older.contains("another version of the generator"), older);

        Files.writeString(dir.resolve(QueryBench.MARKER), "version=" + QueryBench.DATA_VERSION + "\nfilledAt=2026-11-27T05:59:00Z\n");
        String stale = QueryBench.whyNotReusable(dir, now);
        assertTrue(stale.contains("more than 6 h ago"), stale);

        Files.writeString(dir.resolve(QueryBench.MARKER), "version=" + QueryBench.DATA_VERSION + "\nfilledAt=2026-11-27T06:01:00Z\n");
        assertNull(QueryBench.whyNotReusable(dir, now));

        Files.writeString(dir.resolve(QueryBench.MARKER), "version=" + QueryBench.DATA_VERSION + "\n");
        String unreadable = QueryBench.whyNotReusable(dir, now);
        assertTrue(unreadable.startsWith("unreadable"), unreadable);
    }

    @Test
    void aFillLeavesAMarkerThatReadsAsFresh(@TempDir Path dir) throws Exception {
        QueryBench.fill(dir, 8);
        assertNull(QueryBench.whyNotReusable(dir, Instant.now()));
        assertNotNull(QueryBench.whyNotReusable(dir, Instant.now().plus(QueryBench.MAX_REUSE_AGE).plusSeconds(60)));
    }

    @Test
    void countsTheEventsOfAnAnswerOrTheBucketsOfAHistogram() {
        assertEquals(2, QueryBench.count("{\"data\":{\"events\":{\"edges\":[{\"node\":{\"id\":\"a\"}},{\"node\":{\"id\":\"b\"}}]}}}"));
        assertEquals(3, QueryBench.count("{\"data\":{\"histogram\":[{\"start\":\"t1\",\"counts\":[]},{\"start\":\"t2\",\"counts\":[]},"
                + "{\"start\":\"t3\",\"counts\":[]}]}}"));
        assertEquals(0, QueryBench.count("{\"data\":{\"events\":{\"edges\":[]}}}"));
    }
}
