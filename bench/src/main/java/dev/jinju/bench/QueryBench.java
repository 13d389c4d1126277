package dev.jinju.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.jinju.event.LogEvent;
import dev.jinju.it.JinjuProcess;
import dev.jinju.store.sqlite.SqliteLogStore;
import org.sqlite.SQLiteDataSource;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * Query latency at a given number of stored events: the store is filled directly (faster than HTTP), then the
 * packaged server is started on it and every query goes through GraphQL, as the dashboard sends it.
 */
final class QueryBench {
    private static final ObjectMapper JSON = new ObjectMapper();
    static final String[] GROUPS = {"/jinju/bench/prod", "/jinju/bench/staging", "/jinju/shop/prod", "/jinju/shop/dev"};

    /** p50/p99 of one query. */
    record Result(String name, double p50Ms, double p99Ms, int returned) {
    }

    /** What {@link #fill} writes beside the data: the generator's version and the time its events end at. */
    static final String MARKER = "bench-fill.properties";
    /** The version of {@link BenchEvents}' data; a data dir filled by another one is filled again. */
    static final int DATA_VERSION = 2;
    /**
     * How old a filled data dir may be to be reused: the queries ask for the last 24 h, and the fill spreads its
     * events over the 24 h before it started, so after six hours three quarters of them are still in range.
     */
    static final Duration MAX_REUSE_AGE = Duration.ofHours(6);

    /** Why the data dir an earlier run filled cannot be reused at {@code now}, or null when it can. */
    static String whyNotReusable(Path dataDir, Instant now) throws IOException {
        Path marker = dataDir.resolve(MARKER);
        if (!Files.exists(dataDir.resolve("jinju.db")) || !Files.exists(marker)) {
            return "no data filled by this benchmark in " + dataDir;
        }
        Properties p = new Properties();
        try (Reader in = Files.newBufferedReader(marker)) {
            p.load(in);
        }
        if (!String.valueOf(DATA_VERSION).equals(p.getProperty("version"))) {
            return "filled by another version of the generator (" + p.getProperty("version") + ", now " + DATA_VERSION + ")";
        }
        Instant filled;
        try {
            filled = Instant.parse(p.getProperty("filledAt", ""));
        } catch (DateTimeParseException e) {
            return "unreadable " + MARKER + " (filledAt: " + p.getProperty("filledAt") + ")";
        }
        if (filled.plus(MAX_REUSE_AGE).isBefore(now)) {
            return "filled at " + filled + ", more than " + MAX_REUSE_AGE.toHours() + " h ago: too few events left in the last 24 h";
        }
        return null;
    }

    /** The group of the fill's {@code i}-th event: the four in turn. */
    static String groupOf(long i) {
        return GROUPS[(int) (i % GROUPS.length)];
    }

    /** Fills {@code dataDir} with {@code count} events over the last 24 h in four groups; returns events/s. */
    static double fill(Path dataDir, long count) throws Exception {
        Files.createDirectories(dataDir);
        Files.deleteIfExists(dataDir.resolve(MARKER));
        SQLiteDataSource ds = new SQLiteDataSource();
        ds.setUrl("jdbc:sqlite:" + dataDir.resolve("jinju.db") + "?journal_mode=WAL&synchronous=NORMAL&busy_timeout=10000");
        BenchEvents gen = new BenchEvents(17);
        long now = Instant.now().toEpochMilli();
        long start = System.nanoTime();
        // One thread writes a batch while this one generates the next.
        java.util.concurrent.ExecutorService writer = java.util.concurrent.Executors.newSingleThreadExecutor();
        try (SqliteLogStore store = new SqliteLogStore(ds)) {
            java.util.concurrent.Future<?> pending = null;
            List<LogEvent> batch = new ArrayList<>(5_000);
            for (long i = 0; i < count; i++) {
                String g = groupOf(i);
                String[] parts = g.split("/");
                // Oldest first, as events arrive: spread evenly over the 24 hours before now.
                Instant ts = Instant.ofEpochMilli(now - 86_400_000L + (86_400_000L * i / count));
                batch.add(gen.event("q" + i, parts[2], parts[3], ts));
                if (batch.size() == 5_000 || i == count - 1) {
                    if (pending != null) {
                        pending.get();
                    }
                    List<LogEvent> full = batch;
                    pending = writer.submit(() -> store.append(full));
                    batch = new ArrayList<>(5_000);
                }
            }
            if (pending != null) {
                pending.get();
            }
        } finally {
            writer.shutdown();
        }
        Files.writeString(dataDir.resolve(MARKER), "version=" + DATA_VERSION + "\nfilledAt=" + Instant.ofEpochMilli(now) + "\n");
        return count / ((System.nanoTime() - start) / 1e9);
    }

    /** Times every query {@code runs} times, after running them all in turn for {@code warmUp}. */
    static List<Result> run(JinjuProcess jinju, int runs, Duration warmUp) throws Exception {
        try (QueryClient client = new QueryClient(jinju)) {
            return run(client, runs, warmUp);
        }
    }

    private static List<Result> run(QueryClient jinju, int runs, Duration warmUp) throws Exception {
        Instant now = Instant.now().plusSeconds(60);
        Instant from = now.minusSeconds(86_400 + 120);
        Map<String, String> queries = new LinkedHashMap<>();
        queries.put("newest 100, one group, 24 h", "");
        queries.put("level:error", "level:error");
        queries.put("http.status:>=500", "http.status:>=500");
        queries.put("rare term", BenchEvents.RARE);
        queries.put("common term (payment)", "payment");
        queries.put("phrase \"failed to connect\"", "\"failed to connect\"");
        queries.put("Korean 결제", "결제");
        queries.put("prefix pay*", "pay*");
        queries.put("wildcard *Error", "*Error");
        Map<String, String> operations = new LinkedHashMap<>();
        for (Map.Entry<String, String> q : queries.entrySet()) {
            operations.put(q.getKey(), "{ events(filter: {groups: [\"" + GROUPS[0] + "\"], from: \"" + from + "\", to: \""
                    + now + "\", query: " + JSON.writeValueAsString(q.getValue()) + "}, first: 100) { edges { node { id } } } }");
        }
        operations.put("histogram 24 h, 60 buckets", "{ histogram(filter: {groups: [\"" + GROUPS[0] + "\"], from: \""
                + from + "\", to: \"" + now + "\"}, buckets: 60) { start counts { level count } } }");
        // Warm-up, as a server that has been up a while is: every query in turn, until the JIT has compiled
        // their paths (a fresh JVM runs them 2-4x slower for its first few hundred requests).
        long warmUntil = System.nanoTime() + warmUp.toNanos();
        while (System.nanoTime() < warmUntil) {
            for (String gql : operations.values()) {
                jinju.graphql(gql);
            }
        }
        List<Result> results = new ArrayList<>();
        for (Map.Entry<String, String> op : operations.entrySet()) {
            results.add(time(jinju, op.getKey(), op.getValue(), runs));
        }
        results.add(deepPage(jinju, from, now, runs));
        return results;
    }

    private static Result time(QueryClient jinju, String name, String gql, int runs) throws Exception {
        int returned = count(jinju.graphql(gql)); // the answer's size
        long[] nanos = new long[runs];
        for (int i = 0; i < runs; i++) {
            long t0 = System.nanoTime();
            String body = jinju.graphql(gql);
            nanos[i] = System.nanoTime() - t0;
            if (body.contains("\"errors\"")) {
                throw new IllegalStateException(name + " failed: " + body);
            }
        }
        return new Result(name, Stats.percentileMs(nanos, runs, 50), Stats.percentileMs(nanos, runs, 99), returned);
    }

    private static Result deepPage(QueryClient jinju, Instant from, Instant to, int runs) throws Exception {
        String after = null;
        for (int page = 0; page < 50; page++) {
            JsonNode r = JSON.readTree(jinju.graphql(page(from, to, after)));
            after = r.path("data").path("events").path("pageInfo").path("endCursor").asText(null);
            if (after == null) {
                break;
            }
        }
        return time(jinju, "page 51 via the cursor (100 per page)", page(from, to, after), runs);
    }

    private static String page(Instant from, Instant to, String after) {
        return "{ events(filter: {groups: [\"" + GROUPS[0] + "\"], from: \"" + from + "\", to: \"" + to + "\"}, first: 100"
                + (after == null ? "" : ", after: \"" + after + "\"") + ") { edges { node { id } } pageInfo { endCursor } } }";
    }

    /** How many events the answer holds, or for a histogram how many buckets. */
    static int count(String body) {
        int events = occurrences(body, "\"id\"");
        return events > 0 ? events : occurrences(body, "\"start\"");
    }

    private static int occurrences(String body, String key) {
        int n = 0;
        for (int i = body.indexOf(key); i >= 0; i = body.indexOf(key, i + 1)) {
            n++;
        }
        return n;
    }
}
