package dev.jinju.export;

import dev.jinju.event.EventJson;
import dev.jinju.event.Level;
import dev.jinju.event.LogEvent;
import dev.jinju.search.SearchException;
import dev.jinju.search.SearchService;
import dev.jinju.store.SearchScope;
import io.smallrye.common.annotation.Blocking;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;

import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code GET /api/export}: the current search as a CSV or JSON-lines download, streamed page by page and
 * bounded, with the same filter as the GraphQL {@code events} query.
 */
@Path("/api/export")
public class ExportResource {
    static final int MAX_ROWS = 100_000;
    static final List<String> COLUMNS = List.of("timestamp", "level", "type", "code", "message", "url", "location",
            "http.method", "http.status", "user.id", "user.email", "release", "requestId", "pageViewId",
            "fingerprint", "group", "id");

    private static final java.time.format.DateTimeFormatter STAMP = java.time.format.DateTimeFormatter
            .ofPattern("yyyyMMdd'T'HHmm'Z'").withZone(java.time.ZoneOffset.UTC);

    private final SearchService search;

    public ExportResource(SearchService search) {
        this.search = search;
    }

    @GET
    @Blocking
    public Response export(@QueryParam("format") @DefaultValue("csv") String format,
                           @QueryParam("groups") List<String> groups, @QueryParam("from") String from,
                           @QueryParam("to") String to, @QueryParam("levels") List<String> levels,
                           @QueryParam("query") String query,
                           @QueryParam("limit") @DefaultValue("100000") int limit) {
        boolean csv = format.equals("csv");
        if (!csv && !format.equals("jsonl")) {
            return error("format must be csv or jsonl, not '" + format + "'");
        }
        SearchScope scope;
        try {
            scope = search.scope(groups, instant("from", from), instant("to", to), levels(levels), query);
        } catch (SearchException | IllegalArgumentException e) {
            return error(e.getMessage());
        }
        int max = Math.max(1, Math.min(limit, MAX_ROWS));
        StreamingOutput body = out -> {
            Writer w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
            CsvWriter csvWriter = new CsvWriter(w);
            if (csv) {
                csvWriter.row(COLUMNS);
            }
            String after = null;
            int written = 0;
            do {
                SearchService.Page page = search.search(scope, Math.min(1_000, max - written), after);
                for (LogEvent e : page.events()) {
                    if (csv) {
                        csvWriter.row(row(e));
                    } else {
                        w.write(EventJson.write(e));
                        w.write('\n');
                    }
                }
                written += page.events().size();
                after = page.endCursor();
            } while (after != null && written < max);
            w.flush();
        };
        return Response.ok(body)
                .type(csv ? "text/csv; charset=utf-8" : "application/x-ndjson; charset=utf-8")
                .header("Content-Disposition", "attachment; filename=\"" + fileName(scope, csv) + "\"")
                .build();
    }

    static List<String> row(LogEvent e) {
        List<String> r = new ArrayList<>(COLUMNS.size());
        r.add(e.timestamp().toString());
        r.add(e.level().name());
        r.add(e.type());
        r.add(e.code());
        r.add(e.message());
        r.add(e.url());
        r.add(e.location());
        r.add(e.http() == null ? null : e.http().method());
        r.add(e.http() == null || e.http().status() == null ? null : e.http().status().toString());
        r.add(e.user() == null ? null : e.user().id());
        r.add(e.user() == null ? null : e.user().email());
        r.add(e.release());
        r.add(e.requestId());
        r.add(e.pageViewId());
        r.add(e.fingerprint());
        r.add(e.group());
        r.add(e.id());
        return r;
    }

    /** e.g. {@code jinju-demo-production-20261126T1000Z-20261126T1100Z.csv}. */
    static String fileName(SearchScope scope, boolean csv) {
        String group = scope.groups().get(0);
        String name = group.startsWith("/jinju/") ? group.substring(7).replace('/', '-')
                : group.replaceAll("^/+", "").replace('/', '-');
        if (scope.groups().size() > 1) {
            name += "-and-" + (scope.groups().size() - 1) + "-more";
        }
        return ("jinju-" + name + "-" + stamp(scope.from()) + "-" + stamp(scope.to()) + (csv ? ".csv" : ".jsonl"))
                .replaceAll("[^A-Za-z0-9._-]", "_");
    }

    private static String stamp(Instant t) {
        return STAMP.format(t);
    }

    private static Instant instant(String name, String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException(name + " is required (ISO-8601, e.g. 2026-11-26T11:00:00Z)");
        }
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(name + " '" + text + "' is not an ISO-8601 instant (e.g. 2026-11-26T11:00:00Z)");
        }
    }

    private static List<Level> levels(List<String> names) {
        List<Level> levels = new ArrayList<>();
        if (names != null) {
            for (String n : names) {
                levels.add(Level.parse(n).orElseThrow(() -> new IllegalArgumentException("unknown level '" + n + "'")));
            }
        }
        return levels;
    }

    private static Response error(String message) {
        return Response.status(400).type(MediaType.APPLICATION_JSON)
                .entity(Map.of("error", Map.of("code", "BAD_FILTER", "message", message))).build();
    }
}
