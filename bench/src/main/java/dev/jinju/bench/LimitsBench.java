package dev.jinju.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import dev.jinju.event.EventJson;
import dev.jinju.event.LogEvent;
import dev.jinju.event.LogGroups;
import dev.jinju.ingest.EventIds;
import dev.jinju.ingest.IngestBatch;
import dev.jinju.it.JinjuProcess;
import dev.jinju.store.index.IndexRow;
import dev.jinju.store.index.TextIndex;
import dev.jinju.store.sqlite.SqliteLogStore;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.store.Directory;
import org.sqlite.SQLiteDataSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The physical limits Jinju's ingest is judged against, measured in the same run: the same rows written
 * straight into SQLite (same schema, indexes and rollup, no HTTP), the same documents indexed straight into
 * Lucene with the same analyzer, and Jackson parsing the same request bodies.
 */
final class LimitsBench {
    /** Documents between two refreshes in a near-real-time {@link #lucene} run: one second at 5 000 events/s. */
    static final int REFRESH_EVERY = 5_000;

    /**
     * Events per second of each limit; {@code luceneNrtPerSecond} is Lucene as the text index runs it (a refresh
     * every {@link #REFRESH_EVERY} documents, each refresh's documents sorted), shown beside the limit, not as one.
     */
    record Result(double sqlitePerSecond, double lucenePerSecond, double jacksonPerSecond, double luceneCpuMicros,
                  double luceneNrtPerSecond, double luceneNrtCpuMicros) {
        double slowerStorage() {
            return Math.min(sqlitePerSecond, lucenePerSecond);
        }
    }

    /** Measures the limits in {@code work/limits}, which it deletes when done (a few GB on a slow run). */
    static Result run(Path work, Duration each, BatchTimes times) throws Exception {
        Path dir = work.resolve("limits");
        try {
            return measure(dir, each, times);
        } finally {
            JinjuProcess.deleteTree(dir);
        }
    }

    private static Result measure(Path work, Duration each, BatchTimes times) throws Exception {
        List<LogEvent> events = new ArrayList<>();
        BenchEvents gen = new BenchEvents(11);
        Instant now = Instant.now();
        for (int i = 0; i < 20_000; i++) {
            events.add(gen.event("x" + i, "bench", "prod", now.minusMillis(i * 10L)));
        }
        double sqlite = sqlite(work.resolve("sqlite"), events, each, times);
        lucene(work.resolve("lucene-warm-up"), events, each.dividedBy(2), false, times); // neither run pays the JIT
        double[] lucene = lucene(work.resolve("lucene"), events, each, false, times);
        double jackson = jackson(each);
        double[] nrt = lucene(work.resolve("lucene-nrt"), events, each, true, times);
        return new Result(sqlite, lucene[0], jackson, lucene[1], nrt[0], nrt[1]);
    }

    static double sqlite(Path dir, List<LogEvent> events, Duration each, BatchTimes times) throws Exception {
        Files.createDirectories(dir);
        SQLiteDataSource ds = new SQLiteDataSource();
        ds.setUrl("jdbc:sqlite:" + dir.resolve("jinju.db") + "?journal_mode=WAL&synchronous=FULL&busy_timeout=10000");
        long written = 0;
        long start = System.nanoTime();
        long end = start + each.toNanos();
        int round = 0;
        try (SqliteLogStore store = new SqliteLogStore(ds)) {
            while (System.nanoTime() < end) {
                List<LogEvent> batch = new ArrayList<>(1_000);
                String prefix = null;
                long now = System.currentTimeMillis();
                for (int i = 0; i < 1_000; i++) {
                    LogEvent e = events.get((int) ((written + i) % events.size()));
                    if (i % 50 == 0) { // ids as the server gives the events of its batches of 50
                        prefix = EventIds.batchPrefix(e.project(), e.environment(), "r" + round + "-" + i);
                    }
                    Instant ts = Instant.ofEpochMilli(times.of((written + i) / 50, i % 50, 50, now));
                    batch.add(e.toBuilder().id(EventIds.id(prefix, i % 50)).timestamp(ts).receivedAt(ts)
                            .stream(LogGroups.streamName(ts)).build());
                }
                store.append(batch);
                written += batch.size();
                round++;
            }
        }
        return written / ((System.nanoTime() - start) / 1e9);
    }

    /**
     * The same documents and writer settings as the text index ({@link TextIndex#document}, its config), on one
     * thread: events per second, and CPU µs per document of this process, merges included (closing the writer
     * waits for them). Added as the text index adds them, {@link #REFRESH_EVERY} at a time sorted newest first.
     * As the limit, never refreshed (segments flush when the writer's buffer is full); with {@code nearRealTime},
     * refreshed after each of those blocks, each refresh flushing a small segment that merges later.
     */
    static double[] lucene(Path dir, List<LogEvent> events, Duration each, boolean nearRealTime, BatchTimes times)
            throws Exception {
        long written = 0;
        long cpu = processCpuNanos();
        long start = System.nanoTime();
        long end = start + each.toNanos();
        try (Directory d = TextIndex.directory(dir); IndexWriter w = new IndexWriter(d, TextIndex.writerConfig());
             SearcherManager searchers = new SearcherManager(w, null)) {
            List<IndexRow> block = new ArrayList<>(REFRESH_EVERY);
            while (System.nanoTime() < end) {
                LogEvent e = events.get((int) (written % events.size()));
                Integer status = e.http() == null ? null : e.http().status();
                long ts = times.of(written / 50, (int) (written % 50), 50, System.currentTimeMillis());
                block.add(new IndexRow(written, ts, 1, e.level().ordinal(), status, null, e.message(), e.stackTrace()));
                written++;
                if (block.size() == REFRESH_EVERY) { // added as the text index adds a refresh's rows: sorted
                    block.sort(IndexRow.NEWEST_FIRST);
                    for (IndexRow row : block) {
                        w.addDocument(row.document());
                    }
                    block.clear();
                    if (nearRealTime) {
                        searchers.maybeRefreshBlocking();
                    }
                }
            }
            w.commit();
        }
        return new double[] {written / ((System.nanoTime() - start) / 1e9), (processCpuNanos() - cpu) / 1e3 / written};
    }

    /** CPU time of this whole process (the benchmark's other threads are idle meanwhile). */
    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                .getOperatingSystemMXBean()).getProcessCpuTime();
    }

    static double jackson(Duration each) throws Exception {
        ObjectMapper json = new ObjectMapper();
        BenchEvents gen = new BenchEvents(13);
        List<byte[]> bodies = new ArrayList<>();
        for (int i = 0; i < 64; i++) {
            bodies.add(json.writeValueAsBytes(java.util.Map.of("key", "k", "project", "bench", "environment", "prod",
                    "batchId", "b" + i, "events", gen.jsonBatch(IngestBench.BATCH, Instant.now()))));
        }
        ObjectReader reader = EventJson.mapper().readerFor(IngestBatch.class);
        long events = 0;
        long start = System.nanoTime();
        long end = start + each.toNanos();
        int i = 0;
        while (System.nanoTime() < end) {
            IngestBatch b = reader.readValue(bodies.get(i++ % bodies.size()));
            events += b.events().size();
        }
        return events / ((System.nanoTime() - start) / 1e9);
    }
}
