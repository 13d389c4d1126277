package dev.jinju.store.cloudwatch;

import dev.jinju.event.Level;
import dev.jinju.event.LogEvent;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Lambda log lines (runtime, Python tracebacks, JSON and Powertools formats) read back as events. */
class LambdaLogParserTest {
    static final String G = "/aws/lambda/shop-api-prod-orders";
    static final String S = "2026/11/26/[$LATEST]0123456789abcdef";
    static final String RID = "8f5e2c1a-0b7d-4c3e-9a61-2f0d3b4c5e6f";

    static LambdaLogParser.RawLine line(long t, String msg) {
        return new LambdaLogParser.RawLine(G, S, "e" + t, t, t + 3, msg);
    }

    static LogEvent parse(String msg) {
        return LambdaLogParser.parse(line(1000, msg), "shop", "prod", null);
    }

    @Test
    void startEndAndReport() {
        LogEvent start = parse("START RequestId: " + RID + " Version: $LATEST\n");
        assertEquals(RID, start.requestId());
        assertEquals(Level.INFO, start.level());
        assertEquals(Map.of("version", "$LATEST"), start.extra());
        assertEquals("lambda", start.source());
        assertEquals("lambda", start.type());
        assertEquals(G, start.group());
        assertEquals(S, start.stream());
        assertEquals("shop", start.project());
        assertEquals(Instant.ofEpochMilli(1000), start.timestamp());
        assertEquals(Instant.ofEpochMilli(1003), start.receivedAt());

        assertEquals(RID, parse("END RequestId: " + RID + "\n").requestId());

        LogEvent report = parse("REPORT RequestId: " + RID + "\tDuration: 12.34 ms\tBilled Duration: 13 ms\t"
                + "Memory Size: 128 MB\tMax Memory Used: 64 MB\tInit Duration: 200.12 ms\t\n");
        assertEquals(RID, report.requestId());
        assertEquals(Map.of("durationMs", 12.34, "billedDurationMs", 13L, "memorySizeMB", 128L,
                "maxMemoryUsedMB", 64L, "initDurationMs", 200.12), report.extra());
        assertEquals(Level.INFO, report.level());

        LogEvent timeout = parse("REPORT RequestId: " + RID + "\tDuration: 3000.00 ms\tBilled Duration: 3000 ms\t"
                + "Memory Size: 128 MB\tMax Memory Used: 70 MB\tStatus: timeout");
        assertEquals(Level.ERROR, timeout.level());
        assertEquals("timeout", timeout.extra().get("status"));
    }

    @Test
    void plainPythonRuntimeLinesWithTraceback() {
        LogEvent warn = parse("[WARNING]\t2026-11-26T10:00:00.123Z\t" + RID + "\tstock low for sku 7\n");
        assertEquals(Level.WARN, warn.level());
        assertEquals(RID, warn.requestId());
        assertEquals("stock low for sku 7", warn.message());
        assertNull(warn.stackTrace());

        LogEvent err = parse("[ERROR]\t2026-11-26T10:00:00.456Z\t" + RID + "\tpayment failed\n"
                + "Traceback (most recent call last):\n"
                + "  File \"/var/task/app.py\", line 12, in handler\n"
                + "    charge(order)\n"
                + "ValueError: card declined\n");
        assertEquals(Level.ERROR, err.level());
        assertEquals("payment failed", err.message());
        assertEquals("Traceback (most recent call last):\n  File \"/var/task/app.py\", line 12, in handler\n"
                + "    charge(order)\nValueError: card declined", err.stackTrace());

        LogEvent critical = parse("[CRITICAL]\t2026-11-26T10:00:00.456Z\t" + RID + "\tdown");
        assertEquals(Level.FATAL, critical.level());

        LogEvent init = parse("[ERROR] Runtime.ImportModuleError: Unable to import module 'app': No module named 'x'");
        assertEquals(Level.ERROR, init.level());
        assertEquals("Runtime.ImportModuleError: Unable to import module 'app': No module named 'x'", init.message());
    }

    @Test
    void lambdaJsonFormat() {
        LogEvent app = parse("{\"timestamp\":\"2026-11-26T10:00:00.123Z\",\"level\":\"WARN\",\"message\":\"slow\","
                + "\"logger\":\"root\",\"requestId\":\"" + RID + "\"}");
        assertEquals(Level.WARN, app.level());
        assertEquals("slow", app.message());
        assertEquals(RID, app.requestId());
        assertEquals(Map.of("logger", "root"), app.extra());

        LogEvent error = parse("{\"timestamp\":\"2026-11-26T10:00:00.123Z\",\"level\":\"ERROR\",\"message\":{\"a\":1},"
                + "\"logger\":\"root\",\"requestId\":\"" + RID + "\",\"errorType\":\"ValueError\","
                + "\"errorMessage\":\"bad\",\"stackTrace\":[\"  File \\\"/var/task/app.py\\\", line 3, in h\\n\"]}");
        assertEquals(Level.ERROR, error.level());
        assertEquals("{\"a\":1}", error.message());
        assertEquals("ValueError: bad\n  File \"/var/task/app.py\", line 3, in h", error.stackTrace());

        LogEvent report = parse("{\"time\":\"2026-11-26T10:00:01.000Z\",\"type\":\"platform.report\",\"record\":{"
                + "\"requestId\":\"" + RID + "\",\"metrics\":{\"durationMs\":12.34,\"billedDurationMs\":13,"
                + "\"memorySizeMB\":128,\"maxMemoryUsedMB\":64,\"initDurationMs\":200.12},\"status\":\"success\"}}");
        assertEquals(RID, report.requestId());
        assertEquals(Level.INFO, report.level());
        assertEquals(12.34, report.extra().get("durationMs"));
        assertEquals(128, report.extra().get("memorySizeMB"));
        assertEquals("platform.report", report.extra().get("platform"));

        LogEvent start = parse("{\"time\":\"2026-11-26T10:00:00.000Z\",\"type\":\"platform.start\",\"record\":{"
                + "\"requestId\":\"" + RID + "\",\"version\":\"$LATEST\"}}");
        assertEquals(RID, start.requestId());
        assertTrue(LambdaLogParser.isStart(start.message()) || LambdaLogParser.isStart(
                "{\"type\":\"platform.start\",\"record\":{}}"));
    }

    @Test
    void powertoolsJson() {
        LogEvent e = parse("{\"level\":\"ERROR\",\"location\":\"handler:21\",\"message\":\"charge failed\","
                + "\"timestamp\":\"2026-11-26 10:00:00,123+0000\",\"service\":\"orders\",\"cold_start\":true,"
                + "\"function_name\":\"shop-api-prod-orders\",\"function_request_id\":\"" + RID + "\","
                + "\"xray_trace_id\":\"1-abc-def\",\"exception\":\"Traceback (most recent call last):\\n  File x\\n"
                + "ValueError: no\",\"exception_name\":\"ValueError\",\"orderId\":9}");
        assertEquals(Level.ERROR, e.level());
        assertEquals("handler:21", e.location());
        assertEquals("charge failed", e.message());
        assertEquals(RID, e.requestId());
        assertEquals("Traceback (most recent call last):\n  File x\nValueError: no", e.stackTrace());
        assertEquals("orders", e.extra().get("service"));
        assertEquals("1-abc-def", e.extra().get("xray_trace_id"));
        assertEquals("ValueError", e.extra().get("exception_name"));
        assertEquals(9, e.extra().get("orderId"));
        assertEquals(true, e.extra().get("cold_start"));
    }

    @Test
    void requestIdIsCarriedFromStartToEnd() {
        List<LogEvent> events = LambdaLogParser.parseStream(List.of(
                line(1, "print before any invocation\n"),
                line(2, "START RequestId: " + RID + " Version: $LATEST\n"),
                line(3, "hello from print\n"),
                line(4, "[INFO]\t2026-11-26T10:00:00.004Z\t" + RID + "\tinfo line\n"),
                line(5, "another print\n"),
                line(6, "END RequestId: " + RID + "\n"),
                line(7, "REPORT RequestId: " + RID + "\tDuration: 1.00 ms\tBilled Duration: 1 ms\t"
                        + "Memory Size: 128 MB\tMax Memory Used: 40 MB\t\n"),
                line(8, "after the invocation\n")), "shop", "prod", null);
        assertEquals(java.util.Arrays.asList(null, RID, RID, RID, RID, RID, RID, null),
                events.stream().map(LogEvent::requestId).toList());
        assertEquals("hello from print", events.get(2).message());
        assertEquals(8, events.stream().map(LogEvent::id).distinct().count());
        assertEquals(List.of("carried"), LambdaLogParser.parseStream(List.of(line(1, "x")), null, null, "carried")
                .stream().map(LogEvent::requestId).toList());
    }

    @Test
    void idsEncodeWhereTheLineIs() {
        String id = LambdaLogParser.eventId(G, S, 1234, "3690000");
        assertEquals(List.of(G, S, "1234", "3690000"), List.of(LambdaLogParser.decodeId(id).orElseThrow()));
        assertTrue(LambdaLogParser.decodeId("not-lambda").isEmpty());
    }
}
