package dev.jinju.store.cloudwatch;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** PutLogEvents batches stay within CloudWatch's limits on count, bytes and time span. */
class PutBatchesTest {

    static void assertWithinLimits(List<List<PutBatches.Entry<Integer>>> batches) {
        for (List<PutBatches.Entry<Integer>> b : batches) {
            assertTrue(b.size() <= PutBatches.MAX_BATCH_EVENTS);
            assertTrue(b.stream().mapToLong(PutBatches.Entry::size).sum() <= PutBatches.MAX_BATCH_BYTES);
            assertTrue(b.get(b.size() - 1).timestamp() - b.get(0).timestamp() < PutBatches.MAX_SPAN_MILLIS);
            for (int i = 1; i < b.size(); i++) {
                assertTrue(b.get(i).timestamp() >= b.get(i - 1).timestamp());
            }
        }
    }

    @Test
    void countsTwentySixBytesPerEventAndUtf8() {
        assertEquals(26 + 3, PutBatches.Entry.of(0, 0, "abc").size());
        assertEquals(26 + 6, PutBatches.Entry.of(0, 0, "결제").size());
    }

    @Test
    void splitsByEventCount() {
        List<PutBatches.Entry<Integer>> in = new ArrayList<>();
        for (int i = 0; i < 25_001; i++) {
            in.add(PutBatches.Entry.of(i, 1000 + i, "m"));
        }
        var split = PutBatches.split(in);
        assertEquals(List.of(10_000, 10_000, 5_001), split.batches().stream().map(List::size).toList());
        assertWithinLimits(split.batches());
    }

    @Test
    void splitsByBytesExactlyAtTheLimit() {
        // each entry 1024 + 26 bytes... choose a message so that exactly 1000 fit: 1_048_576 / 1000 = 1048.5
        String msg = "x".repeat(1048 - 26);
        List<PutBatches.Entry<Integer>> in = new ArrayList<>();
        for (int i = 0; i < 2001; i++) {
            in.add(PutBatches.Entry.of(i, 5, msg));
        }
        var split = PutBatches.split(in);
        assertEquals(List.of(1000, 1000, 1), split.batches().stream().map(List::size).toList());
        assertWithinLimits(split.batches());
        // 1000 * 1048 = 1 048 000 <= 1 048 576 < 1001 * 1048
    }

    @Test
    void splitsBySpanAndSortsByTime() {
        long day = PutBatches.MAX_SPAN_MILLIS;
        List<PutBatches.Entry<Integer>> in = List.of(
                PutBatches.Entry.of(0, 3 * day, "c"), PutBatches.Entry.of(1, 0, "a"),
                PutBatches.Entry.of(2, day - 1, "b"), PutBatches.Entry.of(3, day, "b2"));
        var split = PutBatches.split(in);
        assertEquals(List.of(List.of(1, 2), List.of(3), List.of(0)),
                split.batches().stream().map(b -> b.stream().map(PutBatches.Entry::ref).toList()).toList());
        assertWithinLimits(split.batches());
    }

    @Test
    void setsApartEventsOverThePerEventLimit() {
        String ok = "y".repeat(PutBatches.MAX_EVENT_BYTES - 26);
        String big = "y".repeat(PutBatches.MAX_EVENT_BYTES - 25);
        var split = PutBatches.split(List.of(PutBatches.Entry.of(0, 1, ok), PutBatches.Entry.of(1, 2, big),
                PutBatches.Entry.of(2, 3, ok), PutBatches.Entry.of(3, 4, ok), PutBatches.Entry.of(4, 5, ok),
                PutBatches.Entry.of(5, 6, ok)));
        assertEquals(List.of(1), split.tooLarge().stream().map(PutBatches.Entry::ref).toList());
        // four maximal events fill 1 MiB exactly; the fifth goes to the next call
        assertEquals(List.of(4, 1), split.batches().stream().map(List::size).toList());
        assertWithinLimits(split.batches());
    }

    @Test
    void retentionRoundsUpToAValidValue() {
        assertEquals(1, CloudWatchWriter.validRetention(0));
        assertEquals(14, CloudWatchWriter.validRetention(10));
        assertEquals(30, CloudWatchWriter.validRetention(30));
        assertEquals(3653, CloudWatchWriter.validRetention(100_000));
    }
}
