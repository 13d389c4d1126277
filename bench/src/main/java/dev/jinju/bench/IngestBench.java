package dev.jinju.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.jinju.it.JinjuProcess;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
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
    private static final String MUTATION = "mutation($b: IngestBatch!) { ingest(batch: $b) { accepted rejected { index reason } } }";

    /** One measured run. */
    record Result(String door, int clients, double eventsPerSecond, double p50Ms, double p99Ms, double serverCores,
                  double rssMb, double searchableAfterMs, long failures) {
    }

    private final JinjuProcess jinju;
    private final List<String> eventArrays = new ArrayList<>();
    private final AtomicLong batchIds = new AtomicLong();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    IngestBench(JinjuProcess jinju) throws Exception {
        this.jinju = jinju;
        BenchEvents events = new BenchEvents(7);
        for (int i = 0; i < 64; i++) {
            eventArrays.add(JSON.writeValueAsString(events.jsonBatch(BATCH, Instant.now())));
        }
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
        List<Future<long[]>> futures = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            int seed = c;
            futures.add(pool.submit(() -> {
                long[] lat = new long[2_000_000];
                long n = 0;
                long accepted = 0;
                long failures = 0;
                int i = seed;
                while (System.nanoTime() < end) {
                    long id = batchIds.incrementAndGet();
                    String events = eventArrays.get(i++ % eventArrays.size());
                    String body = rest ? restBody(id, events) : graphqlBody(id, events);
                    long t0 = System.nanoTime();
                    HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + jinju.port
                                    + (rest ? "/api/ingest" : "/graphql"))).header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
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
        while (System.nanoTime() < end) {
            if (Double.isNaN(cpuStart) && System.nanoTime() >= warmEnd) {
                cpuStart = Machine.cpuSeconds(jinju.pid());
            }
            rss = Math.max(rss, Machine.rssMb(jinju.pid()));
            Thread.sleep(200);
        }
        double cpuEnd = Machine.cpuSeconds(jinju.pid());
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
        return new Result(door, clients, accepted / seconds, Stats.percentileMs(all, total, 50),
                Stats.percentileMs(all, total, 99), (cpuEnd - cpuStart) / seconds, rss, searchableAfter(), failures);
    }

    /** Sends one event with a word nobody else has and measures how long until a search finds it. */
    double searchableAfter() throws Exception {
        String word = "lagprobe" + System.nanoTime();
        String events = "[{\"timestamp\":\"" + Instant.now() + "\",\"level\":\"INFO\",\"message\":\"" + word + "\"}]";
        HttpResponse<String> r = jinju.post("/api/ingest", "application/json", restBody(batchIds.incrementAndGet(), events));
        long acked = System.nanoTime();
        if (r.statusCode() != 200) {
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
        return Double.NaN;
    }
}
