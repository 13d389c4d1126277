package dev.jinju.store.sqlite;

import dev.jinju.event.Level;
import dev.jinju.event.LogEvent;
import dev.jinju.query.Query;
import dev.jinju.store.Events;
import dev.jinju.store.HistogramBucket;
import dev.jinju.store.SearchScope;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

import java.io.IOException;
import java.nio.file.Files;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Histograms without a query come from the per-minute rollup plus exact counts where bucket edges cut
 * minutes: for any range, bucket count and level filter they equal counting the events one by one.
 */
class SqliteHistogramProperties {
    private static final String GROUP = "/jinju/shop/prod";
    private static final long T0 = Instant.parse("2026-11-26T10:00:00Z").toEpochMilli();
    private static final long HOURS = 3 * 3_600_000L;
    private static SqliteLogStore store;
    private static List<LogEvent> events;

    @BeforeContainer
    static void fill() throws IOException {
        store = new SqliteLogStore(SqliteTestFiles.dataSource(
                Files.createTempDirectory("jinju-histogram").resolve("jinju.db")));
        Random random = new Random(7);
        events = new ArrayList<>();
        for (int i = 0; i < 3_000; i++) {
            // Random milliseconds, some on minute edges exactly, over three hours.
            long ts = i % 50 == 0 ? T0 + random.nextInt(180) * 60_000L : T0 + (long) (random.nextDouble() * HOURS);
            Instant at = Instant.ofEpochMilli(ts);
            events.add(Events.event("h" + i, GROUP, at, Level.values()[random.nextInt(Level.values().length)],
                    "m" + i, null));
        }
        for (int i = 0; i < events.size(); i += 500) {
            store.append(events.subList(i, i + 500));
        }
    }

    @AfterContainer
    static void close() {
        store.close();
    }

    @Property(tries = 150)
    void rollupHistogramEqualsCountingEvents(@ForAll @LongRange(min = -600_000, max = 3 * 3_600_000L) long fromOffset,
                                             @ForAll @LongRange(min = 1, max = 4 * 3_600_000L) long span,
                                             @ForAll @IntRange(min = 1, max = 400) int buckets,
                                             @ForAll @Size(max = 3) Set<Level> levels) {
        long from = T0 + fromOffset;
        long to = from + span;
        SearchScope scope = new SearchScope(List.of(GROUP), Instant.ofEpochMilli(from), Instant.ofEpochMilli(to),
                levels, new Query.All());
        List<HistogramBucket> histogram = store.histogram(scope, buckets);
        assertEquals(buckets, histogram.size());
        for (HistogramBucket b : histogram) {
            Map<Level, Long> expected = new EnumMap<>(Level.class);
            for (LogEvent e : events) {
                if (!e.timestamp().isBefore(b.start()) && e.timestamp().isBefore(b.end()) && scope.levelAllowed(e.level())) {
                    expected.merge(e.level(), 1L, Long::sum);
                }
            }
            assertEquals(expected, b.counts(), "bucket " + b.start() + " .. " + b.end());
        }
    }

    @Property(tries = 2_000)
    void closedFormBucketEqualsTheSearchOverBounds(@ForAll @LongRange(min = -1_000_000, max = 1_000_000) long from,
                                                   @ForAll @LongRange(min = 1, max = 100_000_000) long span,
                                                   @ForAll @IntRange(min = 1, max = 1_000) int n,
                                                   @ForAll @LongRange(min = 0, max = 100_000_000) long offset) {
        long ts = from + offset % span;
        long[] bounds = new long[n + 1];
        for (int i = 0; i <= n; i++) {
            bounds[i] = from + span * i / n;
        }
        assertEquals(SqliteHistogram.bucketOf(bounds, ts), SqliteHistogram.bucketOf(from, span, n, ts));
    }

    @Property(tries = 500)
    void edgePiecesCutMinutesAndUncutMinutesCoverTheRangeOnce(
            @ForAll @LongRange(min = -10_000_000, max = 10_000_000) long from,
            @ForAll @LongRange(min = 1, max = 20_000_000) long span,
            @ForAll @IntRange(min = 1, max = 300) int n) {
        long[] bounds = new long[n + 1];
        for (int i = 0; i <= n; i++) {
            bounds[i] = from + span * i / n;
        }
        long firstWhole = Math.floorDiv(from + 59_999, 60_000);
        long endWhole = Math.floorDiv(from + span, 60_000);
        List<long[]> pieces = new ArrayList<>(SqliteHistogram.edgePieces(bounds, firstWhole, endWhole));
        long uncut = 0;
        for (long m = firstWhole; m < endWhole; m++) {
            if (SqliteHistogram.bucketOf(bounds, m * 60_000) == SqliteHistogram.bucketOf(bounds, m * 60_000 + 59_999)) {
                uncut++;
            } else {
                pieces.addAll(SqliteHistogram.split(m * 60_000, (m + 1) * 60_000, bounds));
            }
        }
        long covered = 0;
        for (long[] piece : pieces) {
            assertTrue(piece[0] < piece[1] && piece[0] >= from && piece[1] <= from + span);
            assertEquals(SqliteHistogram.bucketOf(bounds, piece[0]), SqliteHistogram.bucketOf(bounds, piece[1] - 1));
            covered += piece[1] - piece[0];
        }
        assertEquals(span, covered + uncut * 60_000, "pieces and uncut minutes cover the range once");
    }
}
