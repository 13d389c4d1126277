package dev.jinju.store.cloudwatch;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.jinju.event.Level;
import dev.jinju.event.LogEvent;
import dev.jinju.query.QueryParser;
import dev.jinju.store.HistogramBucket;
import dev.jinju.store.SearchPage;
import dev.jinju.store.SearchScope;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsAsyncClient;
import software.amazon.awssdk.services.cloudwatchlogs.model.InputLogEvent;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Real Lambda output: AWS Lambda Powertools' Logger and the Python runtime's plain format, produced by Python
 * ({@code emit_lines.py} in the moto venv), framed by the platform's START / END / REPORT lines, written into moto
 * under {@code /aws/lambda/<fn>} and read back through the store.
 */
@ExtendWith(MotoServer.class)
class LambdaOutputMotoTest {
    static final String FN = "shop-api-prod-orders";
    static final String GROUP = "/aws/lambda/" + FN;
    static final String STREAM = "2026/11/26/[$LATEST]0123456789abcdef0123456789abcdef";
    static final String RID_A = "11111111-2222-4333-8444-555555555555";
    static final String RID_B = "66666666-7777-4888-9999-aaaaaaaaaaaa";
    CloudWatchLogsAsyncClient client;
    CloudWatchLogStore store;
    Instant base = Instant.now().minus(Duration.ofMinutes(30)).truncatedTo(ChronoUnit.SECONDS);

    @BeforeEach
    void setUp() {
        client = MotoServer.client();
        store = new CloudWatchLogStore(client, CloudWatchSettings.defaults(),
                new LambdaMapping(Map.of("shop", Map.of("prod", List.of("shop-api-prod-")))));
    }

    @AfterEach
    void tearDown() {
        client.close();
    }

    static List<String> realLines() throws Exception {
        Path python = MotoServer.venv().resolve("bin/python");
        Process p = new ProcessBuilder(python.toString(), "src/test/resources/cloudwatch/lambda/emit_lines.py",
                RID_A, RID_B).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        String out = new String(p.getInputStream().readAllBytes());
        assertEquals(0, p.waitFor(), out);
        return dev.jinju.event.EventJson.mapper().readValue(out, new TypeReference<List<String>>() { });
    }

    void put(List<String> messages, Instant start) {
        client.createLogGroup(b -> b.logGroupName(GROUP)).exceptionally(t -> null).join();
        client.createLogStream(b -> b.logGroupName(GROUP).logStreamName(STREAM)).exceptionally(t -> null).join();
        List<InputLogEvent> events = new ArrayList<>();
        for (int i = 0; i < messages.size(); i++) {
            events.add(InputLogEvent.builder().timestamp(start.toEpochMilli() + i * 10L).message(messages.get(i))
                    .build());
        }
        client.putLogEvents(b -> b.logGroupName(GROUP).logStreamName(STREAM).logEvents(events)).join();
    }

    static String report(String rid) {
        return "REPORT RequestId: " + rid + "\tDuration: 12.34 ms\tBilled Duration: 13 ms\tMemory Size: 128 MB\t"
                + "Max Memory Used: 64 MB\tInit Duration: 200.12 ms\t\n";
    }

    SearchScope scope(String query) {
        return new SearchScope(List.of(GROUP), base.minusSeconds(60), base.plus(Duration.ofMinutes(10)), Set.of(),
                QueryParser.parse(query));
    }

    @Test
    void realPowertoolsAndRuntimeLinesAreParsed() throws Exception {
        List<String> real = realLines();
        List<String> powertools = real.subList(0, 3);
        List<String> plain = real.subList(3, real.size());
        List<String> messages = new ArrayList<>();
        messages.add("START RequestId: " + RID_A + " Version: $LATEST\n");
        messages.addAll(powertools);
        messages.add("a bare print() line\n");
        messages.add("END RequestId: " + RID_A + "\n");
        messages.add(report(RID_A));
        messages.add("START RequestId: " + RID_B + " Version: $LATEST\n");
        messages.addAll(plain);
        messages.add("END RequestId: " + RID_B + "\n");
        messages.add(report(RID_B));
        put(messages, base);

        SearchPage page = store.search(scope(""), 100, null);
        List<LogEvent> events = new ArrayList<>(page.events());
        java.util.Collections.reverse(events); // oldest first, as written
        assertEquals(messages.size(), events.size());
        for (LogEvent e : events) {
            assertEquals("lambda", e.source());
            assertEquals("lambda", e.type());
            assertEquals(GROUP, e.group());
            assertEquals("shop", e.project());
            assertEquals("prod", e.environment());
        }
        // invocation A: Powertools
        assertEquals(List.of(RID_A, RID_A, RID_A, RID_A, RID_A, RID_A, RID_A),
                events.subList(0, 7).stream().map(LogEvent::requestId).toList());
        assertEquals(Level.INFO, events.get(1).level());
        assertEquals("order received", events.get(1).message());
        assertEquals(9, events.get(1).extra().get("orderId"));
        assertEquals("orders", events.get(1).extra().get("service"));
        assertEquals(Level.WARN, events.get(2).level());
        LogEvent charge = events.get(3);
        assertEquals(Level.ERROR, charge.level());
        assertEquals("charge failed", charge.message());
        assertTrue(charge.stackTrace().startsWith("Traceback (most recent call last):"), charge.stackTrace());
        assertTrue(charge.stackTrace().endsWith("KeyError: 'card'"), charge.stackTrace());
        assertEquals("KeyError", charge.extra().get("exception_name"));
        assertTrue(charge.location().startsWith("powertools_handler:"));
        assertEquals("a bare print() line", events.get(4).message());
        LogEvent reportA = events.get(6);
        assertEquals(12.34, reportA.extra().get("durationMs"));
        assertEquals(13L, ((Number) reportA.extra().get("billedDurationMs")).longValue());
        assertEquals(128L, ((Number) reportA.extra().get("memorySizeMB")).longValue());
        assertEquals(64L, ((Number) reportA.extra().get("maxMemoryUsedMB")).longValue());
        assertEquals(200.12, reportA.extra().get("initDurationMs"));
        // invocation B: the runtime's plain format
        List<LogEvent> b = events.subList(7, events.size());
        assertTrue(b.stream().allMatch(e -> RID_B.equals(e.requestId())));
        assertEquals(List.of(Level.INFO, Level.INFO, Level.WARN, Level.ERROR, Level.FATAL, Level.INFO, Level.INFO),
                b.stream().map(LogEvent::level).toList());
        assertEquals("payment failed", b.get(3).message());
        assertTrue(b.get(3).stackTrace().contains("ValueError: invalid literal for int()"), b.get(3).stackTrace());
        assertEquals("giving up", b.get(4).message());

        // requestId: filters to one request; level and text queries apply to parsed lines
        assertEquals(7, store.search(scope("requestId:" + RID_A), 100, null).events().size());
        assertEquals(List.of("giving up", "payment failed", "charge failed"),
                store.search(scope("level:>=error"), 100, null).events().stream().map(LogEvent::message).toList());
        assertEquals(2, store.search(scope("ValueError OR KeyError"), 100, null).events().size());
        LogEvent one = store.event(charge.id()).orElseThrow();
        assertEquals(charge, one);
        long errors = store.histogram(scope("level:error"), 5).stream().mapToLong(HistogramBucket::total).sum();
        assertEquals(2, errors);
    }

    @Test
    void requestIdIsCarriedIntoAWindowThatStartsInsideAnInvocation() {
        put(List.of("START RequestId: " + RID_A + " Version: $LATEST\n", "print one\n", "print two\n",
                "END RequestId: " + RID_A + "\n", "after\n"), base);
        // the scope starts after START (base + 0 ms) and after "print one"
        SearchScope scope = new SearchScope(List.of(GROUP), base.plusMillis(15), base.plusSeconds(5), Set.of(),
                QueryParser.parse("requestId:" + RID_A));
        assertEquals(List.of("END RequestId: " + RID_A, "print two"),
                store.search(scope, 10, null).events().stream().map(LogEvent::message).toList());
    }
}
