package dev.jinju.store.cloudwatch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.extension.requestfilter.RequestFilterAction;
import com.github.tomakehurst.wiremock.extension.requestfilter.StubRequestFilterV2;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import dev.jinju.event.Level;
import dev.jinju.event.LogEvent;
import dev.jinju.event.LogGroups;
import dev.jinju.store.AppendResult;
import dev.jinju.store.SearchPage;
import dev.jinju.store.SearchScope;
import dev.jinju.store.StoreException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsAsyncClient;
import software.amazon.awssdk.services.cloudwatchlogs.model.ResourceNotFoundException;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletionException;
import java.util.function.BooleanSupplier;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static dev.jinju.store.cloudwatch.TestEvents.event;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The outbox (issue #7 item 12): WireMock in front of moto fails every write call (CreateLogGroup/CreateLogStream
 * with 500, PutLogEvents with a dropped connection) while reads go through; appends are still acknowledged, from
 * a real SQLite outbox file, searchable, and delivered in order, once, when the endpoint recovers.
 */
@ExtendWith(MotoServer.class)
class OutboxTest {
    static final String GROUP = "/jinju/shop/prod";
    static final Set<String> WRITES = Set.of("Logs_20140328.PutLogEvents", "Logs_20140328.CreateLogGroup",
            "Logs_20140328.CreateLogStream");
    static final ObjectMapper JSON = new ObjectMapper();

    static volatile boolean down;
    /** Event ids per stream, in the order PutLogEvents calls carried them to moto. */
    static final Map<String, List<String>> delivered = new LinkedHashMap<>();

    public static final class Outage implements StubRequestFilterV2 {
        @Override
        public RequestFilterAction filter(Request request, ServeEvent serveEvent) {
            String target = request.getHeader("X-Amz-Target");
            if (!WRITES.contains(target)) {
                return RequestFilterAction.continueWith(request);
            }
            if (down) {
                return RequestFilterAction.stopWith(target.endsWith("PutLogEvents")
                        ? aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER).build()
                        : aResponse().withStatus(500).withHeader("Content-Type", "application/x-amz-json-1.1")
                        .withBody("{\"__type\":\"ServiceUnavailableException\",\"message\":\"down\"}").build());
            }
            if (target.endsWith("PutLogEvents")) {
                try {
                    JsonNode body = JSON.readTree(request.getBodyAsString());
                    String stream = body.get("logStreamName").asText();
                    synchronized (delivered) {
                        for (JsonNode e : body.get("logEvents")) {
                            delivered.computeIfAbsent(stream, k -> new ArrayList<>())
                                    .add(EventMessages.read(e.get("message").asText()).orElseThrow().id());
                        }
                    }
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }
            return RequestFilterAction.continueWith(request);
        }

        @Override
        public String getName() {
            return "outage";
        }
    }

    @TempDir
    Path dir;
    WireMockServer wiremock;
    CloudWatchLogsAsyncClient client;
    CloudWatchLogsAsyncClient direct;
    final List<CloudWatchLogStore> stores = new ArrayList<>();
    final Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);

    @BeforeEach
    void setUp() {
        down = false;
        synchronized (delivered) {
            delivered.clear();
        }
        wiremock = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort().extensions(new Outage())
                .containerThreads(20));
        wiremock.start();
        wiremock.stubFor(any(anyUrl()).willReturn(aResponse().proxiedFrom(MotoServer.endpoint().toString())));
        client = MotoServer.client(URI.create("http://127.0.0.1:" + wiremock.port()));
        direct = MotoServer.client();
    }

    @AfterEach
    void tearDown() {
        stores.forEach(CloudWatchLogStore::close);
        client.close();
        direct.close();
        wiremock.stop();
    }

    CloudWatchLogStore store(long maxEvents) {
        CloudWatchSettings settings = new CloudWatchSettings(CloudWatchSettings.HistogramMode.scan, 10_000, 3,
                Duration.ofSeconds(60), Duration.ofMillis(5));
        CloudWatchLogStore s = new CloudWatchLogStore(client, settings, LambdaMapping.NONE, DefaultMatcher.INSTANCE,
                new CloudWatchOutbox(dir.resolve("cloudwatch-outbox.db"), maxEvents, Duration.ofMillis(100)));
        stores.add(s);
        return s;
    }

    /** Events alternating between two hourly streams, timestamps increasing within each. */
    List<LogEvent> events(String prefix, int n, int offset) {
        List<LogEvent> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Instant base = i % 2 == 0 ? now.minus(Duration.ofMinutes(100)) : now.minus(Duration.ofMinutes(10));
            out.add(event(prefix + (offset + i), base.plusSeconds(offset + i), Level.ERROR, "outbox " + prefix + i));
        }
        return out;
    }

    List<LogEvent> search(CloudWatchLogStore store) {
        SearchScope scope = new SearchScope(List.of(GROUP), now.minus(Duration.ofHours(3)), now.plusSeconds(1),
                Set.of(), null);
        List<LogEvent> out = new ArrayList<>();
        String cursor = null;
        do {
            SearchPage p = store.search(scope, 7, cursor);
            out.addAll(p.events());
            cursor = p.nextCursor();
        } while (cursor != null);
        return out;
    }

    /** Every raw event in moto's group, read directly (no WireMock), duplicates included. */
    List<String> rawIds() {
        List<String> ids = new ArrayList<>();
        String token = null;
        try {
            do {
                String t = token;
                var r = direct.filterLogEvents(b -> b.logGroupName(GROUP).nextToken(t)).join();
                r.events().forEach(e -> ids.add(EventMessages.read(e.message()).orElseThrow().id()));
                token = r.nextToken();
            } while (token != null);
        } catch (CompletionException e) {
            if (e.getCause() instanceof ResourceNotFoundException) {
                return ids;
            }
            throw e;
        }
        return ids;
    }

    static void await(String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (!condition.getAsBoolean()) {
            assertTrue(System.nanoTime() < deadline, "timed out waiting until " + what);
            Thread.sleep(50);
        }
    }

    static List<String> ids(List<LogEvent> events) {
        return events.stream().map(LogEvent::id).toList();
    }

    static String stream(LogEvent e) {
        return LogGroups.streamName(e.timestamp());
    }

    @Test
    void acknowledgedDuringAnOutageSearchableThenDeliveredInOrderOnce() throws Exception {
        CloudWatchLogStore store = store(1000);
        down = true;
        List<LogEvent> first = events("a", 10, 0);
        List<LogEvent> second = events("a", 8, 10);
        assertEquals(AppendResult.ALL_STORED, store.append(first));
        assertEquals(10, store.outboxDepth());
        assertEquals(AppendResult.ALL_STORED, store.append(second));
        assertEquals(18, store.outboxDepth());
        List<LogEvent> all = new ArrayList<>(first);
        all.addAll(second);
        Set<String> expected = new HashSet<>(ids(all));

        List<LogEvent> found = search(store);
        assertEquals(expected, new HashSet<>(ids(found)), "events waiting in the outbox are searchable");
        assertEquals(18, found.size());
        assertEquals("outbox a3", store.event("a3").orElseThrow().message());
        assertTrue(store.logGroups().stream().anyMatch(g -> g.name().equals(GROUP)));
        assertEquals(List.of(), rawIds(), "nothing reached CloudWatch during the outage");
        assertTrue(store.outboxDepth() > 0);

        down = false;
        await("the outbox is drained", () -> store.outboxDepth() == 0);

        List<String> raw = rawIds();
        assertEquals(18, raw.size(), "each event is in CloudWatch exactly once: " + raw);
        assertEquals(expected, new HashSet<>(raw));
        List<LogEvent> read = search(store);
        assertEquals(18, read.size());
        assertEquals(expected, new HashSet<>(ids(read)));
        Map<String, List<String>> perStream = new LinkedHashMap<>();
        all.forEach(e -> perStream.computeIfAbsent(stream(e), k -> new ArrayList<>()).add(e.id()));
        synchronized (delivered) {
            assertEquals(perStream, delivered, "delivered in order per stream, once");
        }
        for (Map.Entry<String, List<String>> s : perStream.entrySet()) {
            List<String> inStream = direct.getLogEvents(b -> b.logGroupName(GROUP).logStreamName(s.getKey())
                    .startFromHead(true)).join().events().stream()
                    .map(e -> EventMessages.read(e.message()).orElseThrow().id()).toList();
            assertEquals(s.getValue(), inStream);
        }

        // back to normal: appends go straight to CloudWatch
        assertEquals(AppendResult.ALL_STORED, store.append(events("b", 2, 0)));
        assertEquals(0, store.outboxDepth());
        assertEquals(20, rawIds().size());
    }

    @Test
    void aNewStoreOnTheSameOutboxDeliversWhatThePreviousOneLeft() throws Exception {
        CloudWatchLogStore crashed = store(1000);
        down = true;
        List<LogEvent> events = events("c", 12, 0);
        assertEquals(AppendResult.ALL_STORED, crashed.append(events));
        assertEquals(12, crashed.outboxDepth());
        crashed.close();
        stores.remove(crashed);
        down = false;

        try (CloudWatchOutbox file = new CloudWatchOutbox(dir.resolve("cloudwatch-outbox.db"), 1000,
                Duration.ofSeconds(5))) {
            assertEquals(12, file.depth(), "the outbox file kept the acknowledged events");
            assertEquals(ids(events), file.oldest(100).stream().map(CloudWatchOutbox.Row::id).toList());
        }
        assertEquals(List.of(), rawIds());

        CloudWatchLogStore restarted = store(1000);
        await("the restarted store drained the outbox", () -> restarted.outboxDepth() == 0);
        List<String> raw = rawIds();
        assertEquals(12, raw.size(), "exactly once: " + raw);
        assertEquals(new HashSet<>(ids(events)), new HashSet<>(raw));
        assertEquals(12, search(restarted).size());
    }

    @Test
    void aFullOutboxFailsTheAppendAndKeepsNothingOfIt() throws Exception {
        CloudWatchLogStore store = store(5);
        down = true;
        List<LogEvent> kept = events("k", 4, 0);
        assertEquals(AppendResult.ALL_STORED, store.append(kept));
        assertEquals(4, store.outboxDepth());

        List<LogEvent> tooMany = events("x", 3, 0);
        StoreException e = assertThrows(StoreException.class, () -> store.append(tooMany));
        assertTrue(e.getMessage().contains("outbox is full"), e.getMessage());
        assertEquals(4, store.outboxDepth(), "nothing of the failed append was kept");
        assertEquals(new HashSet<>(ids(kept)), new HashSet<>(ids(search(store))));
        assertTrue(store.event("x0").isEmpty());

        down = false;
        await("the outbox is drained", () -> store.outboxDepth() == 0);
        assertEquals(new HashSet<>(ids(kept)), new HashSet<>(rawIds()));
        assertEquals(4, rawIds().size());
    }
}
