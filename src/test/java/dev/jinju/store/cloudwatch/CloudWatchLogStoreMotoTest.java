package dev.jinju.store.cloudwatch;

import dev.jinju.event.Level;
import dev.jinju.event.LogEvent;
import dev.jinju.event.LogGroups;
import dev.jinju.query.QueryParser;
import dev.jinju.store.AppendResult;
import dev.jinju.store.HistogramBucket;
import dev.jinju.store.LogGroupInfo;
import dev.jinju.store.SearchPage;
import dev.jinju.store.SearchScope;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsAsyncClient;
import software.amazon.awssdk.services.cloudwatchlogs.model.InputLogEvent;
import software.amazon.awssdk.services.cloudwatchlogs.model.PutLogEventsRequest;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.IntStream;

import static dev.jinju.store.cloudwatch.TestEvents.event;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The CloudWatch store against a real moto server (real AWS protocol, real SDK client). */
@ExtendWith(MotoServer.class)
class CloudWatchLogStoreMotoTest {
    static final String GROUP = "/jinju/shop/prod";
    /** Every PutLogEvents request: events and payload bytes as CloudWatch counts them. */
    final List<int[]> puts = Collections.synchronizedList(new ArrayList<>());
    /** Every Logs Insights query string sent. */
    final List<String> insightsQueries = Collections.synchronizedList(new ArrayList<>());
    CloudWatchLogsAsyncClient client;
    CloudWatchLogStore store;
    Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);

    @BeforeEach
    void setUp() {
        client = MotoServer.client(new ExecutionInterceptor() {
            @Override
            public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
                if (context.request() instanceof software.amazon.awssdk.services.cloudwatchlogs.model.StartQueryRequest q) {
                    insightsQueries.add(q.queryString());
                }
                if (context.request() instanceof PutLogEventsRequest put) {
                    int bytes = 0;
                    long min = Long.MAX_VALUE, max = Long.MIN_VALUE, prev = Long.MIN_VALUE;
                    boolean sorted = true;
                    for (InputLogEvent e : put.logEvents()) {
                        bytes += e.message().getBytes(StandardCharsets.UTF_8).length + 26;
                        min = Math.min(min, e.timestamp());
                        max = Math.max(max, e.timestamp());
                        sorted &= e.timestamp() >= prev;
                        prev = e.timestamp();
                    }
                    puts.add(new int[]{put.logEvents().size(), bytes, (int) Math.min(Integer.MAX_VALUE, max - min),
                            sorted ? 1 : 0});
                }
            }
        });
        store = new CloudWatchLogStore(client, CloudWatchSettings.defaults()
                .withHistogramMode(CloudWatchSettings.HistogramMode.scan), new LambdaMapping(Map.of(
                "shop", Map.of("prod", List.of("shop-api-prod-"), "dev", List.of("shop-api-dev-")))));
    }

    @AfterEach
    void tearDown() {
        client.close();
    }

    SearchScope scope(String query) {
        return new SearchScope(List.of(GROUP), now.minus(Duration.ofHours(6)), now.plusSeconds(1), Set.of(),
                QueryParser.parse(query));
    }

    List<LogEvent> all(SearchScope scope, int pageSize) {
        List<LogEvent> out = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            SearchPage page = store.search(scope, pageSize, cursor);
            assertTrue(page.events().size() <= pageSize);
            out.addAll(page.events());
            cursor = page.nextCursor();
            assertTrue(++pages < 1000, "paging does not end");
        } while (cursor != null);
        return out;
    }

    @Test
    void storedEventsReadBackWhole() {
        LogEvent full = TestEvents.full("e-full", now.minusSeconds(30));
        assertEquals(AppendResult.ALL_STORED, store.append(List.of(full)));
        List<LogEvent> found = store.search(scope(""), 10, null).events();
        assertEquals(1, found.size());
        LogEvent expected = full.toBuilder().group(GROUP).stream(LogGroups.streamName(full.timestamp())).build();
        assertEquals(expected, found.get(0));
        assertEquals(expected, store.event("e-full").orElseThrow());
        assertTrue(store.event("nope").isEmpty());
    }

    @Test
    void pagesComeNewestFirstAcrossHourlyStreams() {
        List<LogEvent> events = new ArrayList<>();
        for (int i = 0; i < 57; i++) {
            // spread over ~5 hours, out of order
            Instant at = now.minusSeconds(((i * 37L) % 57) * 300 + 1);
            events.add(event("e" + i, at, i % 3 == 0 ? Level.ERROR : Level.INFO, "message number " + i));
        }
        assertEquals(AppendResult.ALL_STORED, store.append(events));
        List<LogEvent> read = all(scope(""), 7);
        assertEquals(57, read.size());
        assertEquals(57, new HashSet<>(read.stream().map(LogEvent::id).toList()).size());
        for (int i = 1; i < read.size(); i++) {
            assertFalse(read.get(i).timestamp().isAfter(read.get(i - 1).timestamp()), "newest first");
        }
        assertTrue(read.stream().map(LogEvent::stream).distinct().count() > 3, "several hourly streams");
    }

    @Test
    void queriesLevelsAndExactRangeApplyTheEvaluator() {
        store.append(List.of(
                event("a", now.minusSeconds(100), Level.ERROR, "Payment failed for order 7"),
                event("b", now.minusSeconds(90), Level.WARN, "payment slow"),
                event("c", now.minusSeconds(80), Level.ERROR, "cart empty"),
                event("d", now.minusSeconds(70), Level.INFO, "PAYMENT ok"),
                event("e", now.minusSeconds(60), Level.FATAL, "결제가 실패했습니다")));
        assertEquals(List.of("d", "b", "a"), ids(all(scope("payment"), 10)));
        assertEquals(List.of("c", "a"), ids(all(scope("level:error"), 10)));
        assertEquals(List.of("e", "c", "a"), ids(all(scope("level:>=error"), 10)));
        assertEquals(List.of("d", "b"), ids(all(scope("payment !level:error"), 10)));
        assertEquals(List.of("e"), ids(all(scope("실패"), 10)));
        SearchScope levels = new SearchScope(List.of(GROUP), now.minusSeconds(95), now.minusSeconds(70),
                Set.of(Level.WARN, Level.ERROR), new dev.jinju.query.Query.All());
        assertEquals(List.of("c", "b"), ids(all(levels, 10)));
    }

    @Test
    void aRetriedBatchDoesNotDuplicate() {
        List<LogEvent> batch = IntStream.range(0, 20)
                .mapToObj(i -> event("dup-" + i, now.minusSeconds(200 - i), Level.INFO, "m" + i)).toList();
        store.append(batch);
        store.append(batch);
        store.append(batch.subList(5, 10));
        assertEquals(20, all(scope(""), 6).size());
        long total = store.histogram(scope(""), 4).stream().mapToLong(HistogramBucket::total).sum();
        assertEquals(20, total);
    }

    @Test
    void refusesPerEventWithReasons() {
        String huge = "x".repeat(300 * 1024);
        AppendResult r = store.append(List.of(
                event("ok-1", now.minusSeconds(10), Level.INFO, "fine"),
                event("big", now.minusSeconds(9), Level.INFO, huge),
                event("old", now.minus(Duration.ofDays(20)), Level.INFO, "too old"),
                event("future", now.plus(Duration.ofHours(5)), Level.INFO, "too new"),
                LogEvent.builder().id("noproject").timestamp(now).level(Level.INFO).message("m").build(),
                event("ok-2", now.minusSeconds(8), Level.INFO, "fine too")));
        List<Integer> refused = r.refused().stream().map(AppendResult.Refused::index).toList();
        assertEquals(List.of(1, 2, 3, 4), refused, r.toString());
        assertTrue(r.refused().get(0).reason().contains("too large"));
        assertTrue(r.refused().get(1).reason().contains("too old"));
        assertTrue(r.refused().get(2).reason().contains("too new"));
        assertEquals(List.of("ok-2", "ok-1"), ids(all(scope(""), 10)));
    }

    @Test
    void batchesRespectPutLogEventsLimits() {
        // 12 000 events of ~180 bytes: more than 10 000 events and more than 1 MiB
        List<LogEvent> events = new ArrayList<>();
        for (int i = 0; i < 12_000; i++) {
            events.add(event("bulk-" + i, now.minusSeconds(600).plusMillis(i * 7L % 5000), Level.INFO,
                    "bulk message " + "y".repeat(60) + i));
        }
        assertEquals(AppendResult.ALL_STORED, store.append(events));
        assertTrue(puts.size() >= 3, "split into several calls: " + puts.size());
        for (int[] p : puts) {
            assertTrue(p[0] <= 10_000, "events per call " + p[0]);
            assertTrue(p[1] <= 1_048_576, "bytes per call " + p[1]);
            assertTrue(p[2] < 24 * 3600 * 1000, "span per call");
            assertEquals(1, p[3], "chronological");
        }
        assertEquals(12_000, puts.stream().mapToInt(p -> p[0]).sum());
        SearchScope scope = new SearchScope(List.of(GROUP), now.minusSeconds(700), now, Set.of(), null);
        long total = store.histogram(scope, 10).stream().mapToLong(HistogramBucket::total).sum();
        assertEquals(12_000, total);
    }

    @Test
    void concurrentAppendsToOneStreamAreCoalesced() throws Exception {
        int callers = 16;
        ExecutorService pool = Executors.newFixedThreadPool(callers);
        CountDownLatch go = new CountDownLatch(1);
        List<CompletableFuture<AppendResult>> results = new ArrayList<>();
        Instant at = now.minusSeconds(30);
        for (int c = 0; c < callers; c++) {
            int caller = c;
            results.add(CompletableFuture.supplyAsync(() -> {
                try {
                    go.await();
                } catch (InterruptedException e) {
                    throw new RuntimeException(e);
                }
                return store.append(IntStream.range(0, 5).mapToObj(i -> event("c" + caller + "-" + i,
                        at.plusMillis(caller * 10L + i), Level.INFO, "caller " + caller)).toList());
            }, pool));
        }
        go.countDown();
        for (CompletableFuture<AppendResult> r : results) {
            assertEquals(AppendResult.ALL_STORED, r.get());
        }
        pool.shutdown();
        assertTrue(puts.size() < callers, "group commit: " + puts.size() + " calls for " + callers + " appends");
        assertEquals(callers * 5, all(scope(""), 50).size());
    }

    @Test
    void twoWritersRaceToCreateTheSameGroupAndStream() throws Exception {
        CloudWatchLogStore other = new CloudWatchLogStore(client, CloudWatchSettings.defaults(), LambdaMapping.NONE);
        CompletableFuture<AppendResult> a = CompletableFuture.supplyAsync(
                () -> store.append(List.of(event("r1", now.minusSeconds(5), Level.INFO, "one"))));
        CompletableFuture<AppendResult> b = CompletableFuture.supplyAsync(
                () -> other.append(List.of(event("r2", now.minusSeconds(4), Level.INFO, "two"))));
        assertEquals(AppendResult.ALL_STORED, a.get());
        assertEquals(AppendResult.ALL_STORED, b.get());
        assertEquals(2, all(scope(""), 10).size());
    }

    @Test
    void logGroupsListsJinjuAndMappedLambdaGroups() {
        store.append(List.of(event("x", now.minusSeconds(5), Level.INFO, "m"),
                event("y", now.minusSeconds(5), Level.INFO, "m").toBuilder().environment("dev").build()));
        for (String fn : List.of("shop-api-prod-orders", "shop-api-dev-orders", "other-fn")) {
            client.createLogGroup(b -> b.logGroupName("/aws/lambda/" + fn)).join();
        }
        client.createLogGroup(b -> b.logGroupName("/something/else")).join();
        List<LogGroupInfo> groups = store.logGroups();
        assertEquals(List.of(
                new LogGroupInfo("/aws/lambda/shop-api-dev-orders", "shop", "dev"),
                new LogGroupInfo("/aws/lambda/shop-api-prod-orders", "shop", "prod"),
                new LogGroupInfo("/jinju/shop/dev", "shop", "dev"),
                new LogGroupInfo("/jinju/shop/prod", "shop", "prod")), groups);
    }

    @Test
    void retentionIsSetPerGroup() {
        store.setRetention("shop", "prod", 10);
        var g = client.describeLogGroups(b -> b.logGroupNamePrefix(GROUP)).join().logGroups().get(0);
        assertEquals(14, g.retentionInDays());
    }

    @Test
    void histogramScanCountsPerLevelAndBucket() {
        Instant from = now.minus(Duration.ofHours(1));
        store.append(List.of(
                event("h1", from.plusSeconds(10), Level.ERROR, "a"),
                event("h2", from.plusSeconds(20), Level.INFO, "b"),
                event("h3", from.plusSeconds(1900), Level.ERROR, "c"),
                event("h4", from.plusSeconds(3599), Level.WARN, "d"),
                event("h5", from.plusSeconds(3600), Level.WARN, "outside")));
        SearchScope scope = new SearchScope(List.of(GROUP), from, from.plusSeconds(3600), Set.of(), null);
        List<HistogramBucket> h = store.histogram(scope, 2);
        assertEquals(2, h.size());
        assertEquals(from, h.get(0).start());
        assertEquals(from.plusSeconds(1800), h.get(0).end());
        assertEquals(Map.of(Level.ERROR, 1L, Level.INFO, 1L), h.get(0).counts());
        assertEquals(Map.of(Level.ERROR, 1L, Level.WARN, 1L), h.get(1).counts());
        SearchScope errors = new SearchScope(List.of(GROUP), from, from.plusSeconds(3600), Set.of(),
                QueryParser.parse("level:error"));
        assertEquals(2, store.histogram(errors, 6).stream().mapToLong(HistogramBucket::total).sum());
    }

    @Test
    void insightsModeSendsTheCompiledQueryAndFallsBackToAScanWhenTheAnswerIsNotUnderstood() {
        // moto runs Insights queries without their filter/stats, so its rows lack bucket/level/n: the store must
        // notice and scan, giving the same counts as the scan mode.
        CloudWatchLogStore insights = new CloudWatchLogStore(client, CloudWatchSettings.defaults(), LambdaMapping.NONE);
        Instant from = now.minus(Duration.ofHours(1)).truncatedTo(ChronoUnit.HOURS);
        insights.append(List.of(
                event("i1", from.plusSeconds(10), Level.ERROR, "payment failed"),
                event("i2", from.plusSeconds(20), Level.INFO, "payment ok"),
                event("i3", from.plusSeconds(1900), Level.ERROR, "cart")));
        SearchScope scope = new SearchScope(List.of(GROUP), from, from.plusSeconds(3600), Set.of(),
                QueryParser.parse("payment"));
        List<HistogramBucket> h = insights.histogram(scope, 60);
        assertEquals(60, h.size());
        assertEquals(Map.of(Level.ERROR, 1L, Level.INFO, 1L), h.get(0).counts());
        assertEquals(2, h.stream().mapToLong(HistogramBucket::total).sum());
        assertEquals(List.of(InsightsQueryCompiler.histogram(scope.query(), Set.of(), scope.from(), scope.to(), 60)),
                insightsQueries);
        assertTrue(insightsQueries.get(0).contains("bin(60s)"));
        // Lambda or mixed scopes always scan
        insightsQueries.clear();
        insights.histogram(new SearchScope(List.of(GROUP, "/aws/lambda/x"), from, from.plusSeconds(3600), Set.of(),
                null), 4);
        assertTrue(insightsQueries.isEmpty());
    }

    @Test
    void eventsArrivingBetweenPagesDoNotShiftTheNextPage() {
        store.append(IntStream.range(0, 10)
                .mapToObj(i -> event("p" + i, now.minusSeconds(100 - i), Level.INFO, "m" + i)).toList());
        SearchPage first = store.search(scope(""), 4, null);
        assertEquals(List.of("p9", "p8", "p7", "p6"), ids(first.events()));
        store.append(IntStream.range(0, 3)
                .mapToObj(i -> event("new" + i, now.minusSeconds(50 - i), Level.INFO, "late")).toList());
        List<LogEvent> rest = new ArrayList<>();
        String cursor = first.nextCursor();
        while (cursor != null) {
            SearchPage p = store.search(scope(""), 4, cursor);
            rest.addAll(p.events());
            cursor = p.nextCursor();
        }
        assertEquals(List.of("p5", "p4", "p3", "p2", "p1", "p0"), ids(rest));
    }

    @Test
    void badCursorsAreRefusedClearly() {
        var e = org.junit.jupiter.api.Assertions.assertThrows(dev.jinju.store.StoreException.class,
                () -> store.search(scope(""), 10, "not-a-cursor"));
        assertTrue(e.getMessage().startsWith("bad cursor"));
    }

    @Test
    void emptyAndMissingGroupsAnswerEmpty() {
        SearchScope scope = new SearchScope(List.of("/jinju/none/prod"), now.minusSeconds(60), now, Set.of(), null);
        SearchPage page = store.search(scope, 10, null);
        assertTrue(page.events().isEmpty());
        assertNull(page.nextCursor());
    }

    @Test
    void aSmallScanLimitSplitsWindowsWithoutLosingEvents() {
        CloudWatchLogStore small = new CloudWatchLogStore(client, CloudWatchSettings.defaults().withScanLimit(5),
                LambdaMapping.NONE);
        List<LogEvent> events = IntStream.range(0, 40)
                .mapToObj(i -> event("s" + i, now.minusSeconds(1000 - i * 20L), Level.INFO, "m" + i)).toList();
        small.append(events);
        List<LogEvent> out = new ArrayList<>();
        String cursor = null;
        do {
            SearchPage p = small.search(scope(""), 3, cursor);
            out.addAll(p.events());
            cursor = p.nextCursor();
        } while (cursor != null);
        assertEquals(40, out.size());
        assertEquals(40, new HashSet<>(ids(out)).size());
    }

    static List<String> ids(List<LogEvent> events) {
        return events.stream().map(LogEvent::id).toList();
    }
}
