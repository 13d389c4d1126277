package dev.jinju.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.jinju.it.JinjuProcess;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Sustained ingest through both doors ({@code POST /api/ingest} and the GraphQL {@code ingest} mutation) with
 * batches of 50 realistic events, at several client counts: events/s, request latency, server CPU and memory,
 * and how soon the last acknowledged event is searchable by a word only it has.
 */
final class IngestBench {
    static final int BATCH = 50;
    private static final ObjectMapper JSON = new ObjectMapper();
    static final String MUTATION = "mutation($b: IngestBatch!) { ingest(batch: $b) { accepted rejected { index reason } } }";

    /** One measured run. */
    record Result(String door, int clients, double eventsPerSecond, double p50Ms, double p99Ms, double serverCores,
                  double clientCores, double rssMb, IndexLag lag, double searchableAfterMs, long failures,
                  java.util.Map<String, Double> serverCoresByThread) {
    }

    /**
     * The text index's lag as the server reports it: the most events and seconds it trailed by during the run,
     * and how long after the run it took to catch up (all acknowledged events searchable through the index).
     */
    record IndexLag(long maxEvents, double maxMillis, double catchUpMillis, Searchable searchable) {
    }

    /**
     * From the server's {@code jinju_index_searchable_seconds} histogram, over the run: how many writes (commits of
     * the store's writer) became searchable, how many of those within 2 s of their acknowledgment, and the smallest
     * of the histogram's bounds (0.5, 1, 1.5, 2, 3, 5 s) that every one of them stayed under (infinite: some took
     * more than 5 s; NaN: no histogram). Unlike the lag above, sampled once a second, it misses no write.
     */
    record Searchable(long writes, long within2s, double slowestUnderSeconds) {
        boolean allWithin2s() {
            return writes > 0 && within2s == writes;
        }

        String describe() {
            if (writes == 0) {
                return "not measured";
            }
            String under = Double.isInfinite(slowestUnderSeconds) ? "some over 5 s"
                    : String.format("all under %.1f s", slowestUnderSeconds);
            return String.format("%.1f %% of %d (%s)", 100.0 * within2s / writes, writes, under);
        }
    }

    private final JinjuProcess jinju;
    /** Events arrays split around their timestamps, which each request fills in ({@link #eventsArray}). */
    private final List<String[]> eventArrays = new ArrayList<>();
    private final BatchTimes times;
    private final AtomicLong batchIds = new AtomicLong();
    /** HTTP/1.1 as browsers' beacons and most SDKs speak it; the h2c upgrade cost the client more than the server. */
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    IngestBench(JinjuProcess jinju, BatchTimes times) throws Exception {
        this.jinju = jinju;
        this.times = times;
        BenchEvents events = new BenchEvents(7);
        String placeholder = JSON.writeValueAsString(Instant.EPOCH.toString());
        for (int i = 0; i < 64; i++) {
            String json = JSON.writeValueAsString(events.jsonBatch(BATCH, Instant.EPOCH));
            eventArrays.add(json.split(java.util.regex.Pattern.quote(placeholder), -1));
        }
    }

    /** The events array of batch {@code id}, its timestamps as a client sending it now would have them. */
    String eventsArray(long id) {
        String[] parts = eventArrays.get((int) (id % eventArrays.size()));
        long now = System.currentTimeMillis();
        StringBuilder sb = new StringBuilder(parts.length * 1_200);
        for (int k = 0; k < BATCH; k++) {
            sb.append(parts[k]).append('"').append(Instant.ofEpochMilli(times.of(id, k, BATCH, now))).append('"');
        }
        return sb.append(parts[BATCH]).toString();
    }

    String restBody(long id, String events) {
        return "{\"key\":\"bench-key\",\"project\":\"bench\",\"environment\":\"prod\",\"batchId\":\"b" + id
                + "\",\"context\":{\"userAgent\":\"bench\",\"release\":\"bench@1\"},\"events\":" + events + "}";
    }

    String graphqlBody(long id, String events) throws Exception {
        return "{\"query\":" + JSON.writeValueAsString(MUTATION) + ",\"variables\":{\"b\":" + restBody(id, events) + "}}";
    }

    Result run(String door, int clients, Duration warmup, Duration measure) throws Exception {
        boolean rest = door.equals("rest");
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        long warmEnd = System.nanoTime() + warmup.toNanos();
        long end = warmEnd + measure.toNanos();
        double cpuStart = Double.NaN;
        double clientCpuStart = Double.NaN;
        java.util.Map<String, Double> threadsStart = java.util.Map.of();
        long maxLagEvents = 0;
        double maxLagMillis = 0;
        List<Future<long[]>> futures = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            futures.add(pool.submit(() -> {
                long[] lat = new long[2_000_000];
                long n = 0;
                long accepted = 0;
                long failures = 0;
                while (System.nanoTime() < end) {
                    long id = batchIds.incrementAndGet();
                    String events = eventsArray(id);
                    String body = rest ? restBody(id, events) : graphqlBody(id, events);
                    long t0 = System.nanoTime();
                    HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + jinju.port
                                    + (rest ? "/api/ingest" : "/graphql"))).header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofByteArray(body.getBytes(StandardCharsets.UTF_8))).build(),
                            HttpResponse.BodyHandlers.ofString());
                    long t1 = System.nanoTime();
                    boolean ok = r.statusCode() == 200 && r.body().contains("\"accepted\":" + BATCH);
                    if (t0 >= warmEnd) {
                        if (ok) {
                            accepted += BATCH;
                            if (n < lat.length) {
                                lat[(int) n++] = t1 - t0;
                            }
                        } else {
                            failures++;
                        }
                    }
                }
                long[] out = new long[(int) n + 2];
                System.arraycopy(lat, 0, out, 2, (int) n);
                out[0] = accepted;
                out[1] = failures;
                return out;
            }));
        }
        double rss = 0;
        long nextLagPoll = 0;
        java.util.SortedMap<Double, Long> bucketsAtStart = new java.util.TreeMap<>();
        while (System.nanoTime() < end) {
            if (Double.isNaN(cpuStart) && System.nanoTime() >= warmEnd) {
                cpuStart = Machine.cpuSeconds(jinju.pid());
                bucketsAtStart = searchableBuckets();
                threadsStart = Machine.cpuSecondsByThread(jinju.pid());
                clientCpuStart = Machine.cpuSeconds(ProcessHandle.current().pid());
            }
            rss = Math.max(rss, Machine.rssMb(jinju.pid()));
            if (System.nanoTime() >= Math.max(nextLagPoll, warmEnd)) { // as the rates: a warm server's
                long[] lag = indexLag();
                maxLagEvents = Math.max(maxLagEvents, lag[0]);
                maxLagMillis = Math.max(maxLagMillis, lag[1]);
                nextLagPoll = System.nanoTime() + 1_000_000_000L;
            }
            Thread.sleep(200);
        }
        double cpuEnd = Machine.cpuSeconds(jinju.pid());
        double clientCpuEnd = Machine.cpuSeconds(ProcessHandle.current().pid());
        java.util.Map<String, Double> byThread = new java.util.TreeMap<>();
        for (java.util.Map.Entry<String, Double> t : Machine.cpuSecondsByThread(jinju.pid()).entrySet()) {
            byThread.put(t.getKey(), (t.getValue() - threadsStart.getOrDefault(t.getKey(), 0.0)) / (measure.toNanos() / 1e9));
        }
        long accepted = 0;
        long failures = 0;
        List<long[]> samples = new ArrayList<>();
        for (Future<long[]> f : futures) {
            long[] r = f.get();
            accepted += r[0];
            failures += r[1];
            samples.add(r);
        }
        pool.shutdown();
        int total = samples.stream().mapToInt(s -> s.length - 2).sum();
        long[] all = new long[total];
        int k = 0;
        for (long[] s : samples) {
            System.arraycopy(s, 2, all, k, s.length - 2);
            k += s.length - 2;
        }
        double seconds = measure.toNanos() / 1e9;
        double catchUp = catchUpMillis();
        IndexLag lag = new IndexLag(maxLagEvents, maxLagMillis, catchUp, searchable(bucketsAtStart, searchableBuckets()));
        return new Result(door, clients, accepted / seconds, Stats.percentileMs(all, total, 50),
                Stats.percentileMs(all, total, 99), (cpuEnd - cpuStart) / seconds, (clientCpuEnd - clientCpuStart) / seconds,
                rss, lag, searchableAfter(), failures, byThread);
    }

    /** {events, millis} the text index trails by now, from GraphQL {@code indexStatus} ({0, 0} without an index). */
    long[] indexLag() throws Exception {
        JsonNode status = JSON.readTree(jinju.graphql("{ indexStatus { lagEvents lagMillis } }").body())
                .path("data").path("indexStatus");
        return status.isObject() ? new long[]{status.path("lagEvents").asLong(), status.path("lagMillis").asLong()}
                : new long[]{0, 0};
    }

    /** The histogram's cumulative counts by upper bound in seconds (+Inf last); empty when the server has none. */
    java.util.SortedMap<Double, Long> searchableBuckets() throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + jinju.port + "/q/metrics"))
                .header("Cookie", jinju.sessionCookie()).GET().build(), HttpResponse.BodyHandlers.ofString());
        java.util.SortedMap<Double, Long> buckets = new java.util.TreeMap<>();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile(
                "(?m)^jinju_index_searchable_seconds_bucket\\{le=\"([^\"]+)\"\\} (\\S+)$").matcher(r.body());
        while (m.find()) {
            buckets.put(m.group(1).equals("+Inf") ? Double.POSITIVE_INFINITY : Double.parseDouble(m.group(1)),
                    (long) Double.parseDouble(m.group(2)));
        }
        return buckets;
    }

    /** The writes counted between two readings of the histogram. */
    static Searchable searchable(java.util.SortedMap<Double, Long> before, java.util.SortedMap<Double, Long> after) {
        if (after.isEmpty()) {
            return new Searchable(0, 0, Double.NaN);
        }
        long writes = after.get(after.lastKey()) - before.getOrDefault(after.lastKey(), 0L);
        long within2s = after.getOrDefault(2.0, 0L) - before.getOrDefault(2.0, 0L);
        double slowest = Double.POSITIVE_INFINITY;
        for (java.util.Map.Entry<Double, Long> b : after.entrySet()) {
            if (b.getValue() - before.getOrDefault(b.getKey(), 0L) == writes) {
                slowest = b.getKey();
                break;
            }
        }
        return new Searchable(writes, within2s, slowest);
    }

    /** Milliseconds from the end of the run until the text index holds every acknowledged event (NaN: not in 5 min). */
    double catchUpMillis() throws Exception {
        long start = System.nanoTime();
        while (System.nanoTime() - start < 300_000_000_000L) {
            if (indexLag()[0] == 0) {
                return (System.nanoTime() - start) / 1e6;
            }
            Thread.sleep(50);
        }
        return Double.NaN;
    }

    /** Sends one event with a word nobody else has and measures how long until a search finds it. */
    double searchableAfter() throws Exception {
        // Base 36: a run of 13+ digits may pass the card check, and the scrubber then stores "[Filtered:card]"
        String word = "lagprobe" + Long.toString(System.nanoTime(), 36);
        String events = "[{\"timestamp\":\"" + Instant.now() + "\",\"level\":\"INFO\",\"message\":\"" + word + "\"}]";
        HttpResponse<String> r = jinju.post("/api/ingest", "application/json", restBody(batchIds.incrementAndGet(), events));
        long acked = System.nanoTime();
        if (r.statusCode() != 200 || !r.body().contains("\"accepted\":1")) {
            System.out.printf("[bench] the probe was refused: %d %s%n", r.statusCode(), r.body());
            return Double.NaN;
        }
        Instant now = Instant.now();
        String query = "{ events(filter: {groups: [\"/jinju/bench/prod\"], from: \"" + now.minusSeconds(7200) + "\", to: \""
                + now.plusSeconds(3600) + "\", query: \"" + word + "\"}, first: 1) { edges { node { id } } } }";
        while (System.nanoTime() - acked < 30_000_000_000L) {
            if (jinju.graphql(query).body().contains("\"id\"")) {
                return (System.nanoTime() - acked) / 1e6;
            }
            Thread.sleep(5);
        }
        System.out.printf("[bench] no search found the probe %s within 30 s; the last answer: %s%n", word,
                jinju.graphql(query).body());
        return Double.NaN;
    }
}
