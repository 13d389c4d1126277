package dev.jinju.bench;

import dev.jinju.it.JinjuProcess;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * The benchmark tool: starts the packaged server on a fresh data dir and measures ingest through both doors
 * beside the physical limits, query latency at a given store size, footprint, and JMH micro-benchmarks;
 * writes everything to a Markdown report ({@code BENCHMARKS.md} by default).
 * <p>
 * {@code ./mvnw -B package -DskipTests exec:java@bench -Dbench.args="[--quick|--full] [--out FILE] [--keep-data]"}; for profiling
 * one change, {@code --micro} (JMH only) or {@code --ingest-only [--doors rest]} with
 * {@code -Dbench.server-jvm="-XX:StartFlightRecording=..."}.
 */
public final class Bench {
    private static final String[] SERVER_CONFIG = {"jinju.projects.bench.environments=prod,staging",
            "jinju.projects.bench.ingest-keys=bench-key", "jinju.projects.shop.environments=prod,dev",
            "jinju.projects.shop.ingest-keys=shop-key", "jinju.ingest.rate-limit.enabled=false"};
    /**
     * The server's JVM as the README runs it in production: the serial collector (on two cores it keeps up, and it
     * needs none of G1's tens of MB of remembered sets), a heap that starts small and may grow to 256 MB, the
     * AppCDS archive when {@code package} wrote one; {@code -Dbench.server-jvm} adds options (e.g. JFR).
     */
    static final List<String> SERVER_JVM = serverJvm();
    /** Warm-up of the first ingest run, which also warms the JIT for the later ones. */
    private static final int FIRST_WARMUP_SECONDS = 75;
    /** Starts of the server whose median is the start-up reported (the ingest server's is one of them; two with --quick). */
    private static final int STARTS = 7;

    private static List<String> serverJvm() {
        List<String> options = new ArrayList<>(List.of("-XX:+UseSerialGC", "-Xms32m", "-Xmx256m",
                "-XX:NewRatio=1", "-XX:MinHeapFreeRatio=60", "-XX:TrimNativeHeapInterval=5000"));
        options.addAll(JinjuProcess.appCdsOptions());
        String extra = System.getProperty("bench.server-jvm", "").trim();
        if (!extra.isEmpty()) {
            options.addAll(List.of(extra.split("\\s+")));
        }
        return List.copyOf(options);
    }

    /** The dashboard login the first-rows measurement uses (see SERVER_CONFIG). */
    static final java.util.Map<String, String> BENCH_USER = java.util.Map.of("JINJU_USER", JinjuProcess.USER,
            "JINJU_PASSWORD", JinjuProcess.PASSWORD);

    private Bench() {
    }

    public static void main(String[] args) throws Exception {
        run(args);
        System.exit(0); // JMH and HTTP client threads may linger
    }

    /** Runs the benchmarks and writes the report; returns its path. */
    public static Path run(String[] args) throws Exception {
        boolean quick = List.of(args).contains("--quick");
        boolean full = List.of(args).contains("--full");
        // Data dirs take gigabytes (10 M events: 11 GB): a run deletes those it filled as it is done with them and
        // keeps its logs; --keep-data keeps the query-N dirs for a later --reuse.
        boolean keepData = List.of(args).contains("--keep-data");
        Path out = Path.of(option(args, "--out", "BENCHMARKS.md"));
        Path work = Path.of("target/bench-" + System.currentTimeMillis());
        Files.createDirectories(work);
        Report report = new Report(String.join(" ", args));
        String queriesAt = option(args, "--queries-at", null);
        if (queriesAt != null) { // re-time the queries on a data dir an earlier run filled: printed, not written
            String fill = option(args, "--fill", null); // or fill it first, when it is empty
            if (fill != null && !Files.exists(Path.of(queriesAt, "jinju.db"))) {
                log("filled %s events at %.0f/s", fill, QueryBench.fill(Path.of(queriesAt), Long.parseLong(fill)));
            }
            String stale = QueryBench.whyNotReusable(Path.of(queriesAt), Instant.now());
            if (stale != null) {
                log("warning: %s; the queries may find fewer events than a fresh fill", stale);
            }
            try (JinjuProcess jinju = JinjuProcess.startWith(SERVER_JVM, Path.of(queriesAt), work.resolve("query-server.log"),
                    SERVER_CONFIG)) {
                jinju.login();
                awaitIndex(jinju);
                awaitIdle(jinju);
                for (QueryBench.Result r : QueryBench.run(jinju, 50, Duration.ofSeconds(15))) {
                    System.out.print(Report.queryRow(r));
                }
            }
            return out;
        }
        if (List.of(args).contains("--micro")) { // only the JMH part, printed: for profiling one change
            micro(quick).forEach(r -> log("%s: %.2f us/op", r.getParams().getBenchmark(), r.getPrimaryResult().getScore()));
            return out;
        }
        boolean ingestOnly = List.of(args).contains("--ingest-only"); // printed, not written: for profiling
        BatchTimes times = BatchTimes.fromArgs(List.of(args));
        report.times = times;
        // C2 is still busy after 5 s; --warmup and --measure (seconds) lengthen the runs for A/B comparisons
        Duration warmup = Duration.ofSeconds(Long.parseLong(option(args, "--warmup", quick ? "1" : "15")));
        // On 2 cores C2 compiles for about a minute of ingest (a quarter of the server's CPU at 15 s, 1 % at
        // 90 s): the first run on the fresh server warms up this long, so every run measures a steady server.
        Duration firstWarmup = quick ? warmup : Duration.ofSeconds(Math.max(warmup.toSeconds(), FIRST_WARMUP_SECONDS));
        Duration measure = Duration.ofSeconds(Long.parseLong(option(args, "--measure", quick ? "3" : "30")));
        report.warmup = warmup;
        report.firstWarmup = firstWarmup;
        report.measure = measure;
        int[] clients = java.util.Arrays.stream(option(args, "--clients", quick ? "1,4" : "1,4,16").split(","))
                .mapToInt(Integer::parseInt).toArray();

        // Start-up moves by a quarter from one start to the next on this VM, so the figure judged is the median of
        // several starts, each on a fresh data dir; the ingest server's own start below is the last of them.
        for (int i = 1; i < (quick ? 2 : STARTS) && !ingestOnly; i++) {
            Path dir = work.resolve("startup-" + i);
            long s = System.nanoTime();
            try (JinjuProcess ignored = JinjuProcess.startWith(SERVER_JVM, dir, work.resolve("startup-" + i + ".log"), SERVER_CONFIG)) {
                report.startupsMs.add((System.nanoTime() - s) / 1e6);
            }
            JinjuProcess.deleteTree(dir);
        }

        // Footprint and ingest, on a fresh data dir.
        long t0 = System.nanoTime();
        try (JinjuProcess jinju = JinjuProcess.startWith(SERVER_JVM, work.resolve("ingest-data"), work.resolve("ingest-server.log"),
                SERVER_CONFIG)) {
            report.startupsMs.add((System.nanoTime() - t0) / 1e6);
            jinju.login();
            long loggedIn = System.nanoTime();
            Thread.sleep(2_000);
            report.rssAfterLoginMb = Machine.rssMb(jinju.pid()); // the JIT is still compiling the start
            awaitIdle(jinju);
            Thread.sleep(Math.max(0, 10_000 - (System.nanoTime() - loggedIn) / 1_000_000));
            report.idleRssMb = Machine.rssMb(jinju.pid());
            log("startup %.0f ms (median of %s), RSS 2 s after login %.0f MB, idle RSS %.0f MB", Stats.median(report.startupsMs),
                    report.startups(),
                    report.rssAfterLoginMb, report.idleRssMb);
            IngestBench ingest = new IngestBench(jinju, times);
            // The doors take turns at each client count: the index grows through the runs, and a larger index
            // merges more per event, so the door measured second at every count would pay for the first's events.
            for (int c : clients) {
                for (String door : List.of(option(args, "--doors", "rest,graphql").split(","))) {
                    IngestBench.Result r = ingest.run(door, c, report.ingest.isEmpty() ? firstWarmup : warmup, measure);
                    log("ingest %s x%d: %.0f events/s, p50 %.1f ms, p99 %.1f ms, server %.2f cores, client %.2f cores,"
                                    + " server RSS max %.0f MB, %s, probe found after %.0f ms; server cores by thread %s", door, c,
                            r.eventsPerSecond(), r.p50Ms(), r.p99Ms(), r.serverCores(), r.clientCores(), r.rssMb(), r.lag(),
                            r.searchableAfterMs(), Report.busiestThreads(r));
                    report.ingest.add(r);
                }
            }
        }
        JinjuProcess.deleteTree(work.resolve("ingest-data"));
        if (ingestOnly) {
            return out;
        }
        report.limits = LimitsBench.run(work, quick ? Duration.ofSeconds(2) : Duration.ofSeconds(10), times);
        log("limits: sqlite %.0f/s, lucene %.0f/s (%.0f us CPU each), jackson %.0f/s; lucene with refreshes %.0f/s"
                        + " (%.0f us CPU each)", report.limits.sqlitePerSecond(), report.limits.lucenePerSecond(),
                report.limits.luceneCpuMicros(), report.limits.jacksonPerSecond(), report.limits.luceneNrtPerSecond(),
                report.limits.luceneNrtCpuMicros());

        // Queries at each store size.
        List<Long> sizes = quick ? List.of(50_000L) : full ? List.of(1_000_000L, 10_000_000L) : List.of(1_000_000L);
        String reuse = option(args, "--reuse", null); // a dir with query-N data dirs an earlier run filled
        for (long size : sizes) {
            // With --reuse the data lives in that dir, reused or filled again there for the next run; else in this run's.
            Path data = reuse != null ? Path.of(reuse, "query-" + size) : work.resolve("query-" + size);
            String notReusable = reuse == null ? null : QueryBench.whyNotReusable(data, Instant.now());
            if (reuse != null && notReusable == null) {
                report.reused.add(size);
                log("reusing the %d events in %s", size, data);
            } else {
                if (reuse != null) {
                    log("not reusing %s: %s", data, notReusable);
                    JinjuProcess.deleteTree(data);
                }
                log("filled %d events at %.0f/s", size, QueryBench.fill(data, size));
            }
            try (JinjuProcess jinju = JinjuProcess.startWith(SERVER_JVM, data, work.resolve("query-server-" + size + ".log"),
                    SERVER_CONFIG)) {
                jinju.login();
                awaitIndex(jinju);
                awaitIdle(jinju);
                List<QueryBench.Result> results = QueryBench.run(jinju, quick ? 10 : 50, quick ? Duration.ofSeconds(1) : Duration.ofSeconds(15));
                report.queries.put(size, results);
                if (!quick) {
                    report.firstRows.put(size, FirstRows.measure(jinju.port, BENCH_USER, 20));
                }
            }
            report.diskSqliteBytes.put(size, Machine.sizeBytes(data) - Machine.sizeBytes(data.resolve("index")));
            report.diskIndexBytes.put(size, Machine.sizeBytes(data.resolve("index")));
            if (!keepData && reuse == null) {
                JinjuProcess.deleteTree(data);
            }
        }

        // Micro-benchmarks, in this JVM (exec:java's class path is not a forkable one).
        report.micro.addAll(micro(quick));

        Files.writeString(out, report.markdown());
        log("wrote %s", out);
        return out;
    }

    static Collection<RunResult> micro(boolean quick) throws Exception {
        return new Runner(new OptionsBuilder().include(MicroBenchmarks.class.getName())
                .forks(0).warmupIterations(quick ? 1 : 2).measurementIterations(quick ? 1 : 3)
                .warmupTime(TimeValue.seconds(1)).measurementTime(TimeValue.seconds(quick ? 1 : 3))
                .mode(org.openjdk.jmh.annotations.Mode.AverageTime).timeUnit(java.util.concurrent.TimeUnit.MICROSECONDS)
                .build()).run();
    }

    /** Waits until the text index has caught up, when the server reports its lag. */
    static void awaitIndex(JinjuProcess jinju) throws Exception {
        long deadline = System.nanoTime() + Duration.ofMinutes(20).toNanos();
        while (System.nanoTime() < deadline) {
            String body = jinju.graphql("{ indexStatus { lagEvents } }").body();
            if (body.contains("\"errors\"") || body.contains("\"lagEvents\":0") || body.contains("\"indexStatus\":null")) {
                return;
            }
            Thread.sleep(500);
        }
    }

    /**
     * Waits until the server is idle (under 0.05 cores for 3 s in a row, at most 5 min): after the index caught up,
     * Lucene may still merge segments for a while, and queries timed meanwhile would measure the merges.
     */
    static void awaitIdle(JinjuProcess jinju) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
        int quietSeconds = 0;
        double last = Machine.cpuSeconds(jinju.pid());
        while (quietSeconds < 3 && System.nanoTime() < deadline) {
            Thread.sleep(1_000);
            double now = Machine.cpuSeconds(jinju.pid());
            quietSeconds = now - last < 0.05 ? quietSeconds + 1 : 0;
            last = now;
        }
    }

    static String option(String[] args, String name, String fallback) {
        for (int i = 0; i + 1 < args.length; i++) {
            if (args[i].equals(name)) {
                return args[i + 1];
            }
        }
        return fallback;
    }

    static void log(String format, Object... args) {
        System.out.println("[bench " + Instant.now() + "] " + String.format(format, args));
    }
}
