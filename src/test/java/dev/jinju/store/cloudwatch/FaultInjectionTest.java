package dev.jinju.store.cloudwatch;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.extension.ResponseTransformerV2;
import com.github.tomakehurst.wiremock.extension.requestfilter.RequestFilterAction;
import com.github.tomakehurst.wiremock.extension.requestfilter.StubRequestFilterV2;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.http.Response;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import dev.jinju.event.Level;
import dev.jinju.event.LogEvent;
import dev.jinju.store.AppendResult;
import dev.jinju.store.SearchPage;
import dev.jinju.store.SearchScope;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsAsyncClient;
import software.amazon.awssdk.services.cloudwatchlogs.model.FilteredLogEvent;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static dev.jinju.store.cloudwatch.TestEvents.event;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Faults between the store and CloudWatch: WireMock on a loopback port proxies everything to moto and, on
 * PutLogEvents, answers throttling (400 ThrottlingException), 500/503, or drops the connection either before the
 * call reaches moto or after moto applied it (the answer is lost, the retry stores a duplicate). No acknowledged
 * event may be lost and none may show twice to readers.
 */
@ExtendWith(MotoServer.class)
class FaultInjectionTest {
    static final String PUT = "Logs_20140328.PutLogEvents";
    static final String GROUP = "/jinju/shop/prod";

    /** What to do with the next PutLogEvents calls, in order; when empty, the random policy applies. */
    static final ConcurrentLinkedQueue<String> script = new ConcurrentLinkedQueue<>();
    static volatile double faultRate;
    static final Random random = new Random(42);
    static final AtomicInteger lostAnswers = new AtomicInteger();
    static final AtomicInteger refusedBefore = new AtomicInteger();

    static String next() {
        String s = script.poll();
        if (s != null) {
            return s;
        }
        synchronized (random) {
            if (random.nextDouble() >= faultRate) {
                return "pass";
            }
            return List.of("throttle", "500", "503", "reset", "lose-answer", "lose-answer").get(random.nextInt(6));
        }
    }

    static final ThreadLocal<String> decision = new ThreadLocal<>();

    /** Faults before the call reaches moto. */
    public static final class Before implements StubRequestFilterV2 {
        @Override
        public RequestFilterAction filter(Request request, ServeEvent serveEvent) {
            if (!PUT.equals(request.getHeader("X-Amz-Target"))) {
                return RequestFilterAction.continueWith(request);
            }
            String d = next();
            decision.set(d);
            ResponseDefinitionBuilder r = switch (d) {
                case "throttle" -> aResponse().withStatus(400).withHeader("Content-Type", "application/x-amz-json-1.1")
                        .withBody("{\"__type\":\"ThrottlingException\",\"message\":\"Rate exceeded\"}");
                case "500" -> aResponse().withStatus(500).withHeader("Content-Type", "application/x-amz-json-1.1")
                        .withBody("{\"__type\":\"ServiceUnavailableException\",\"message\":\"internal\"}");
                case "503" -> aResponse().withStatus(503).withBody("Service Unavailable");
                case "reset" -> aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER);
                default -> null;
            };
            if (r == null) {
                return RequestFilterAction.continueWith(request);
            }
            refusedBefore.incrementAndGet();
            return RequestFilterAction.stopWith(r.build());
        }

        @Override
        public String getName() {
            return "fault-before";
        }
    }

    /** Faults after moto applied the call: the answer never reaches the client. */
    public static final class After implements ResponseTransformerV2 {
        @Override
        public Response transform(Response response, ServeEvent serveEvent) {
            if (PUT.equals(serveEvent.getRequest().getHeader("X-Amz-Target"))
                    && "lose-answer".equals(decision.get())) {
                decision.remove();
                lostAnswers.incrementAndGet();
                return Response.Builder.like(response).but().fault(Fault.CONNECTION_RESET_BY_PEER).build();
            }
            return response;
        }

        @Override
        public String getName() {
            return "fault-after";
        }
    }

    WireMockServer wiremock;
    CloudWatchLogsAsyncClient client;
    CloudWatchLogsAsyncClient direct;
    CloudWatchLogStore store;
    Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);

    @BeforeEach
    void setUp() {
        script.clear();
        faultRate = 0;
        lostAnswers.set(0);
        refusedBefore.set(0);
        wiremock = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort()
                .extensions(new Before(), new After()).containerThreads(20));
        wiremock.start();
        wiremock.stubFor(any(anyUrl()).willReturn(aResponse().proxiedFrom(MotoServer.endpoint().toString())));
        client = MotoServer.client(URI.create("http://127.0.0.1:" + wiremock.port()));
        direct = MotoServer.client();
        store = new CloudWatchLogStore(client, CloudWatchSettings.defaults().withRetryBaseDelay(Duration.ofMillis(5)),
                LambdaMapping.NONE);
    }

    @AfterEach
    void tearDown() {
        client.close();
        direct.close();
        wiremock.stop();
    }

    List<LogEvent> readAll() {
        SearchScope scope = new SearchScope(List.of(GROUP), now.minus(Duration.ofHours(3)), now.plusSeconds(1),
                Set.of(), null);
        CloudWatchLogStore reader = new CloudWatchLogStore(direct, CloudWatchSettings.defaults(), LambdaMapping.NONE);
        List<LogEvent> out = new ArrayList<>();
        String cursor = null;
        do {
            SearchPage p = reader.search(scope, 40, cursor);
            out.addAll(p.events());
            cursor = p.nextCursor();
        } while (cursor != null);
        return out;
    }

    int rawCount() {
        List<FilteredLogEvent> raw = new ArrayList<>();
        String token = null;
        do {
            String t = token;
            var r = direct.filterLogEvents(b -> b.logGroupName(GROUP).nextToken(t)).join();
            raw.addAll(r.events());
            token = r.nextToken();
        } while (token != null);
        return raw.size();
    }

    @Test
    void everyKindOfFaultInTurn() {
        script.addAll(List.of("throttle", "500", "503", "reset", "lose-answer", "throttle", "lose-answer"));
        List<LogEvent> events = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            events.add(event("f" + i, now.minusSeconds(3000 - i * 100L), Level.INFO, "fault test " + i));
        }
        assertEquals(AppendResult.ALL_STORED, store.append(events));
        assertTrue(script.isEmpty(), "every scripted fault was hit: " + script);
        assertEquals(2, lostAnswers.get());
        assertEquals(5, refusedBefore.get());
        List<LogEvent> read = readAll();
        assertEquals(30, read.size());
        assertEquals(30, new HashSet<>(CloudWatchLogStoreMotoTest.ids(read)).size());
        assertTrue(rawCount() > 30, "a lost answer left a duplicate in CloudWatch, which readers drop");
    }

    @Test
    void concurrentAppendsUnderRandomFaults() throws Exception {
        faultRate = 0.35;
        ExecutorService pool = Executors.newFixedThreadPool(6);
        List<CompletableFuture<AppendResult>> results = new ArrayList<>();
        Set<String> expected = new HashSet<>();
        for (int c = 0; c < 12; c++) {
            List<LogEvent> batch = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                String id = "r" + c + "-" + i;
                expected.add(id);
                batch.add(event(id, now.minusSeconds(5000 - c * 300L - i), Level.WARN, "random " + id));
            }
            results.add(CompletableFuture.supplyAsync(() -> store.append(batch), pool));
        }
        for (CompletableFuture<AppendResult> r : results) {
            assertEquals(AppendResult.ALL_STORED, r.get());
        }
        pool.shutdown();
        faultRate = 0;
        List<LogEvent> read = readAll();
        assertEquals(expected, new HashSet<>(CloudWatchLogStoreMotoTest.ids(read)));
        assertEquals(expected.size(), read.size(), "no duplicates on read");
        assertTrue(lostAnswers.get() + refusedBefore.get() > 0, "faults were injected");
    }
}
