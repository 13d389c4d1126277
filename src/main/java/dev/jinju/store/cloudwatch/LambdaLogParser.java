package dev.jinju.store.cloudwatch;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import dev.jinju.event.Level;
import dev.jinju.event.LogEvent;
import dev.jinju.event.Source;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns the lines AWS Lambda writes to {@code /aws/lambda/<function>} into {@link LogEvent}s (pure, no I/O):
 * the Python runtime's plain text ({@code [LEVEL]\t<time>\t<requestId>\t<message>}, tracebacks into
 * {@code stackTrace}), the {@code START}/{@code END}/{@code REPORT} platform lines (REPORT figures into
 * {@code extra}), Lambda's JSON log format (application lines and {@code platform.*} records) and AWS Lambda
 * Powertools' JSON. Lines without a request id (a bare {@code print}) get the one of the invocation they fall in,
 * carried from START to END by {@link #parseStream}. An event's {@code timestamp} is CloudWatch's timestamp of the
 * line (the time the search range and windows are about), {@code receivedAt} its ingestion time.
 */
public final class LambdaLogParser {

    /** A line as CloudWatch returns it. */
    public record RawLine(String group, String stream, String eventId, long timestamp, Long ingestionTime,
                          String message) {
    }

    private static final Pattern START = Pattern.compile("^START RequestId: (\\S+)(?: Version: (\\S+))?");
    private static final Pattern END = Pattern.compile("^END RequestId: (\\S+)");
    private static final Pattern REPORT = Pattern.compile("^REPORT RequestId: (\\S+)");
    private static final Pattern REPORT_FIGURE = Pattern.compile(
            "(Duration|Billed Duration|Memory Size|Max Memory Used|Init Duration|Restore Duration|Status"
                    + "|Error Type): ([^\\t\\n]+?)(?: (ms|MB))?(?=\\t|\\n|$)");
    private static final Pattern PLAIN = Pattern.compile("^\\[([A-Za-z]+)]\\t([^\\t]*)\\t([^\\t]*)\\t(.*)$",
            Pattern.DOTALL);
    private static final Pattern BRACKET_LEVEL = Pattern.compile("^\\[([A-Za-z]+)]\\s+(.*)$", Pattern.DOTALL);
    private static final String TRACEBACK = "Traceback (most recent call last):";

    /** Powertools keys that map to event fields rather than {@code extra}. */
    private static final Set<String> POWERTOOLS_KEYS = Set.of("level", "location", "message", "timestamp",
            "function_request_id", "exception", "exception_name", "stack_trace");
    private static final Set<String> LAMBDA_JSON_KEYS = Set.of("timestamp", "level", "message", "requestId",
            "logger", "stackTrace", "errorType", "errorMessage");

    private LambdaLogParser() {
    }

    /** The Jinju id of a Lambda line: it encodes group, stream, time and CloudWatch's event id, to find it again. */
    public static String eventId(String group, String stream, long timestamp, String cwEventId) {
        String raw = group + "\n" + stream + "\n" + timestamp + "\n" + cwEventId;
        return "lambda:" + Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
    }

    /** The parts of an id made by {@link #eventId}: group, stream, timestamp, CloudWatch event id. */
    public static Optional<String[]> decodeId(String id) {
        if (id == null || !id.startsWith("lambda:")) {
            return Optional.empty();
        }
        try {
            String raw = new String(Base64.getUrlDecoder().decode(id.substring(7)), StandardCharsets.UTF_8);
            String[] parts = raw.split("\n", -1);
            return parts.length == 4 ? Optional.of(parts) : Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /**
     * Parses the lines of one log stream in time order; lines lacking a request id take the one of the
     * invocation in progress ({@code initialRequestId} when the first line is inside one).
     */
    public static List<LogEvent> parseStream(List<RawLine> lines, String project, String environment,
                                             String initialRequestId) {
        List<LogEvent> out = new ArrayList<>(lines.size());
        String current = initialRequestId;
        for (RawLine line : lines) {
            LogEvent e = parse(line, project, environment, current);
            String msg = line.message();
            if (msg.startsWith("START RequestId:") || isPlatform(msg, "platform.start")) {
                current = e.requestId();
            } else if (msg.startsWith("END RequestId:") || msg.startsWith("REPORT RequestId:")
                    || isPlatform(msg, "platform.report") || isPlatform(msg, "platform.runtimeDone")) {
                current = null;
            } else if (e.requestId() != null) {
                current = e.requestId();
            }
            out.add(e);
        }
        return out;
    }

    private static boolean isPlatform(String msg, String type) {
        return msg.startsWith("{") && msg.contains("\"" + type + "\"");
    }

    /** The request id a line names in itself (START/END/REPORT, the plain format, JSON), if any. */
    public static Optional<String> ownRequestId(String message) {
        LogEvent e = parse(new RawLine("/aws/lambda/x", "s", "0", 0, null, message), null, null, null);
        return Optional.ofNullable(e.requestId());
    }

    /** Whether the line starts an invocation ({@code START} or {@code platform.start}). */
    public static boolean isStart(String message) {
        return message.startsWith("START RequestId:") || isPlatform(message, "platform.start");
    }

    /** Whether the line ends an invocation ({@code END}, {@code REPORT}, {@code platform.report}). */
    public static boolean isEnd(String message) {
        return message.startsWith("END RequestId:") || message.startsWith("REPORT RequestId:")
                || isPlatform(message, "platform.report");
    }

    /** Parses one line; {@code carriedRequestId} is used when the line names none. */
    public static LogEvent parse(RawLine line, String project, String environment, String carriedRequestId) {
        String text = stripNewline(line.message());
        Instant cwTime = Instant.ofEpochMilli(line.timestamp());
        LogEvent.Builder b = LogEvent.builder()
                .id(eventId(line.group(), line.stream(), line.timestamp(), line.eventId()))
                .group(line.group()).stream(line.stream()).project(project).environment(environment)
                .timestamp(cwTime)
                .receivedAt(line.ingestionTime() == null ? cwTime : Instant.ofEpochMilli(line.ingestionTime()))
                .source(Source.LAMBDA.id()).type("lambda").level(Level.INFO);
        Matcher m;
        if ((m = START.matcher(text)).find()) {
            Map<String, Object> extra = new LinkedHashMap<>();
            if (m.group(2) != null) {
                extra.put("version", m.group(2));
            }
            b.requestId(m.group(1)).message(text).extra(extra.isEmpty() ? null : extra);
        } else if ((m = END.matcher(text)).find()) {
            b.requestId(m.group(1)).message(text);
        } else if ((m = REPORT.matcher(text)).find()) {
            Map<String, Object> extra = reportFigures(text);
            b.requestId(m.group(1)).message(text).extra(extra);
            if (extra.containsKey("status") && !"success".equalsIgnoreCase(String.valueOf(extra.get("status")))) {
                b.level(Level.ERROR);
            }
        } else if (text.startsWith("{") && parseJson(text, b)) {
            // JSON formats handled
        } else if ((m = PLAIN.matcher(text)).matches()) {
            b.level(Level.parse(m.group(1)).orElse(Level.INFO));
            String rid = m.group(3).trim();
            b.requestId(rid.isEmpty() ? null : rid);
            splitTraceback(m.group(4), b);
        } else if ((m = BRACKET_LEVEL.matcher(text)).matches() && Level.parse(m.group(1)).isPresent()) {
            b.level(Level.parse(m.group(1)).get());
            splitTraceback(m.group(2), b);
        } else {
            splitTraceback(text, b);
        }
        LogEvent e = b.build();
        if (e.requestId() == null && carriedRequestId != null) {
            e = e.toBuilder().requestId(carriedRequestId).build();
        }
        if (e.message() == null) {
            e = e.toBuilder().message("").build();
        }
        return e;
    }

    private static String stripNewline(String s) {
        int end = s.length();
        while (end > 0 && (s.charAt(end - 1) == '\n' || s.charAt(end - 1) == '\r')) {
            end--;
        }
        return s.substring(0, end);
    }

    private static void splitTraceback(String text, LogEvent.Builder b) {
        int tb = text.indexOf(TRACEBACK);
        if (tb >= 0) {
            b.message(stripNewline(text.substring(0, tb)).strip());
            b.stackTrace(stripNewline(text.substring(tb)));
            if (b.build().message().isEmpty()) {
                b.message(lastLine(text));
            }
        } else {
            b.message(text);
        }
    }

    private static String lastLine(String s) {
        String t = stripNewline(s);
        int nl = t.lastIndexOf('\n');
        return nl < 0 ? t : t.substring(nl + 1);
    }

    static Map<String, Object> reportFigures(String text) {
        Map<String, Object> extra = new LinkedHashMap<>();
        Matcher f = REPORT_FIGURE.matcher(text);
        while (f.find()) {
            String name = f.group(1);
            String value = f.group(2).trim();
            String key = switch (name) {
                case "Duration" -> "durationMs";
                case "Billed Duration" -> "billedDurationMs";
                case "Memory Size" -> "memorySizeMB";
                case "Max Memory Used" -> "maxMemoryUsedMB";
                case "Init Duration" -> "initDurationMs";
                case "Restore Duration" -> "restoreDurationMs";
                case "Status" -> "status";
                default -> "errorType";
            };
            extra.put(key, f.group(3) == null ? value : number(value));
        }
        return extra;
    }

    private static Object number(String value) {
        try {
            if (value.contains(".")) {
                return Double.parseDouble(value);
            }
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            return value;
        }
    }

    private static String str(Object o) {
        if (o == null) {
            return null;
        }
        if (o instanceof String s) {
            return s;
        }
        try {
            return dev.jinju.event.EventJson.mapper().writeValueAsString(o);
        } catch (JsonProcessingException e) {
            return String.valueOf(o);
        }
    }

    @SuppressWarnings("unchecked")
    private static boolean parseJson(String text, LogEvent.Builder b) {
        Map<String, Object> json;
        try {
            json = dev.jinju.event.EventJson.mapper().readValue(text, new TypeReference<LinkedHashMap<String, Object>>() { });
        } catch (JsonProcessingException e) {
            return false;
        }
        Object type = json.get("type");
        if (type instanceof String t && t.startsWith("platform.") && json.containsKey("record")) {
            Map<String, Object> record = json.get("record") instanceof Map<?, ?> r
                    ? (Map<String, Object>) r : Map.of();
            b.requestId(str(record.get("requestId")));
            Map<String, Object> extra = new LinkedHashMap<>();
            extra.put("platform", t);
            if (record.get("version") != null) {
                extra.put("version", record.get("version"));
            }
            if (record.get("metrics") instanceof Map<?, ?> metrics) {
                metrics.forEach((k, v) -> extra.put(String.valueOf(k), v));
            }
            if (record.get("status") != null) {
                extra.put("status", record.get("status"));
                if (!"success".equals(record.get("status"))) {
                    b.level(Level.ERROR);
                }
            }
            String rid = record.get("requestId") == null ? "" : " RequestId: " + record.get("requestId");
            b.message(t + rid).extra(extra);
            return true;
        }
        boolean powertools = json.containsKey("function_request_id") || json.containsKey("location")
                || json.containsKey("service") || json.containsKey("exception_name")
                || json.containsKey("xray_trace_id");
        Object level = json.get("level");
        if (level == null && json.containsKey("errorType")) {
            level = "ERROR";
        }
        if (level == null && !json.containsKey("message") && !json.containsKey("errorMessage")) {
            return false;
        }
        b.level(level == null ? Level.INFO : Level.parse(String.valueOf(level)).orElse(Level.INFO));
        Map<String, Object> extra = new LinkedHashMap<>();
        if (powertools) {
            b.message(str(json.get("message")));
            b.location(str(json.get("location")));
            b.requestId(str(json.get("function_request_id")));
            Object exception = json.containsKey("exception") ? json.get("exception") : json.get("stack_trace");
            if (exception != null) {
                b.stackTrace(str(exception));
            }
            json.forEach((k, v) -> {
                if (!POWERTOOLS_KEYS.contains(k)) {
                    extra.put(k, v);
                }
            });
            if (json.get("exception_name") != null) {
                extra.put("exception_name", json.get("exception_name"));
            }
        } else {
            Object message = json.containsKey("message") ? json.get("message") : json.get("errorMessage");
            b.message(str(message));
            b.requestId(str(json.get("requestId")));
            if (json.get("stackTrace") instanceof List<?> frames) {
                StringBuilder sb = new StringBuilder();
                if (json.get("errorType") != null) {
                    sb.append(json.get("errorType")).append(": ").append(str(json.get("errorMessage"))).append('\n');
                }
                frames.forEach(f -> sb.append(str(f).stripTrailing()).append('\n'));
                b.stackTrace(stripNewline(sb.toString()));
            } else if (json.get("stackTrace") != null) {
                b.stackTrace(str(json.get("stackTrace")));
            }
            json.forEach((k, v) -> {
                if (!LAMBDA_JSON_KEYS.contains(k)) {
                    extra.put(k, v);
                }
            });
            if (json.get("logger") != null) {
                extra.put("logger", json.get("logger"));
            }
            if (json.get("errorType") != null) {
                extra.put("errorType", json.get("errorType"));
            }
        }
        b.extra(extra.isEmpty() ? null : extra);
        return true;
    }
}
