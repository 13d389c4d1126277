package dev.jinju.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.jinju.event.LogEvent;
import dev.jinju.ingest.IngestBatch;
import dev.jinju.ingest.IngestService;
import dev.jinju.project.CoreConfig;
import dev.jinju.project.ProjectRegistry;
import dev.jinju.project.ProjectsConfig;
import dev.jinju.query.Query;
import dev.jinju.query.QueryEvaluator;
import dev.jinju.query.QueryParser;
import dev.jinju.query.text.TextAnalysis;
import dev.jinju.store.AppendResult;
import dev.jinju.store.HistogramBucket;
import dev.jinju.store.LogGroupInfo;
import dev.jinju.store.LogStore;
import dev.jinju.store.SearchPage;
import dev.jinju.store.SearchScope;
import dev.jinju.store.cloudwatch.FilterPatternCompiler;
import dev.jinju.store.sqlite.EventText;
import org.apache.lucene.analysis.TokenStream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * JMH micro-benchmarks of the hot pieces: a query's parse + compile, the evaluator, a batch's JSON to events, the
 * stored form of an event's text.
 */
@State(Scope.Benchmark)
public class MicroBenchmarks {
    static final String QUERY = "level:error \"payment failed\" http.status:>=500 !type:vue url:*checkout* (code:E101 OR code:E102)";

    LogEvent event;
    Query parsed;
    Query textQuery;
    byte[] body;
    /** The same batch as the GraphQL ingest mutation's request body. */
    byte[] graphqlBody;
    IngestService ingest;
    dev.jinju.ingest.scrub.Scrubber scrubber;
    /** Benchmark events' texts (200–2 000-byte messages, a third with stack traces), plain and stored. */
    LogEvent[] texts;
    byte[][] storedTexts;
    int nextText;

    @Setup
    public void setUp() throws Exception {
        BenchEvents gen = new BenchEvents(3);
        event = gen.event("m1", "bench", "prod", Instant.now()).toBuilder().message("payment failed: card declined "
                + "결제가 실패했습니다 at checkout step 3").build();
        parsed = QueryParser.parse(QUERY);
        textQuery = QueryParser.parse("payment 결제 pay* \"card declined\"");
        body = new ObjectMapper().writeValueAsBytes(Map.of("key", "k", "project", "bench", "environment", "prod",
                "batchId", "b1", "events", gen.jsonBatch(IngestBench.BATCH, Instant.now())));
        graphqlBody = ("{\"query\":\"" + IngestBench.MUTATION + "\",\"variables\":{\"b\":"
                + new String(body, java.nio.charset.StandardCharsets.UTF_8) + "}}").getBytes(java.nio.charset.StandardCharsets.UTF_8);
        if (graphqlBodyToBatch() == null) {
            throw new IllegalStateException("the GraphQL body was not read as the ingest mutation's batch");
        }
        scrubber = new dev.jinju.ingest.scrub.Scrubber(defaultScrub());
        texts = new LogEvent[64];
        storedTexts = new byte[texts.length][];
        for (int i = 0; i < texts.length; i++) {
            texts[i] = gen.event("t" + i, "bench", "prod", Instant.now());
            storedTexts[i] = EventText.encode(texts[i].message(), texts[i].stackTrace());
        }
        ingest = new IngestService(new ProjectRegistry(projects(), core()), new DiscardingStore(),
                new dev.jinju.ingest.limit.RateLimiter(noRateLimit()), new dev.jinju.ingest.scrub.Scrubber(defaultScrub()),
                new dev.jinju.selfmonitor.JinjuMetrics(new io.micrometer.core.instrument.simple.SimpleMeterRegistry()),
                new dev.jinju.live.LiveEvents());
    }

    @Benchmark
    public Object parseAndCompileQuery() {
        return FilterPatternCompiler.compile(QueryParser.parse(QUERY), Set.of());
    }

    @Benchmark
    public boolean evaluateStructuredQuery() {
        return QueryEvaluator.matches(parsed, event);
    }

    @Benchmark
    public boolean evaluateTextQuery() {
        return QueryEvaluator.matches(textQuery, event);
    }

    @Benchmark
    public Object scrubOneBatch() throws Exception {
        return scrubber.scrub(dev.jinju.event.EventJson.mapper().readerFor(IngestBatch.class).readValue(body));
    }

    /** One realistic event's fingerprint (two thirds have no stack trace: their message is masked). */
    @Benchmark
    public Object fingerprintOneEvent() {
        return dev.jinju.ingest.Fingerprints.of(texts[nextText++ & (texts.length - 1)]);
    }

    /** The text analysis of one realistic event's message and stack trace (what the text index runs per event). */
    @Benchmark
    public int analyzeEventText() throws IOException {
        LogEvent e = texts[nextText++ & (texts.length - 1)];
        int tokens = 0;
        try (TokenStream s = TextAnalysis.analyzer().tokenStream(TextAnalysis.TEXT_FIELD,
                TextAnalysis.text(e.message(), e.stackTrace()))) {
            s.reset();
            while (s.incrementToken()) {
                tokens++;
            }
            s.end();
        }
        return tokens;
    }

    /** One event's message and stack trace to the text_z column's form (the SQLite writer does it per row). */
    @Benchmark
    public byte[] encodeEventText() {
        LogEvent e = texts[nextText++ & (texts.length - 1)];
        return EventText.encode(e.message(), e.stackTrace());
    }

    /** And back, as every read of a row does. */
    @Benchmark
    public Object decodeEventText() {
        return EventText.decode(storedTexts[nextText++ & (storedTexts.length - 1)]);
    }

    @Benchmark
    public Object batchJsonToStoredEvents() throws Exception {
        IngestBatch batch = dev.jinju.event.EventJson.mapper().readerFor(IngestBatch.class).readValue(body);
        return ingest.ingest(batch, null);
    }

    /** The GraphQL door's reading of the same batch: the request body to the service's batch, without SmallRye. */
    @Benchmark
    public Object graphqlBodyToBatch() {
        return dev.jinju.graphql.IngestBatchJson.request(graphqlBody, null, "b");
    }

    static ProjectsConfig projects() {
        ProjectsConfig.Project p = new ProjectsConfig.Project() {
            public List<String> environments() { return List.of("prod"); }
            public Optional<List<String>> ingestKeys() { return Optional.of(List.of("k")); }
            public Optional<List<String>> allowedOrigins() { return Optional.empty(); }
            public Map<String, List<String>> lambda() { return Map.of(); }
            public Optional<Integer> retentionDays() { return Optional.empty(); }
        };
        return () -> Map.of("bench", p);
    }

    static dev.jinju.ingest.limit.RateLimitConfig noRateLimit() {
        return new dev.jinju.ingest.limit.RateLimitConfig() {
            public boolean enabled() { return false; }
            public double eventsPerSecond() { return 1e9; }
            public long burst() { return Long.MAX_VALUE; }
            public Map<String, Project> projects() { return Map.of(); }
        };
    }

    /** The default scrubbing rules: part of the real ingest path. */
    static dev.jinju.ingest.scrub.ScrubConfig defaultScrub() {
        return new dev.jinju.ingest.scrub.ScrubConfig() {
            public boolean enabled() { return true; }
            public boolean emails() { return false; }
            public boolean ips() { return false; }
            public Optional<List<String>> extraKeys() { return Optional.empty(); }
            public Optional<List<String>> safeKeys() { return Optional.empty(); }
            public Map<String, Project> projects() { return Map.of(); }
        };
    }

    static CoreConfig core() {
        return new CoreConfig() {
            public String store() { return "sqlite"; }
            public String dataDir() { return "target"; }
            public boolean demo() { return false; }
        };
    }

    /** A store that keeps nothing: the micro-benchmark measures the path up to the store. */
    static final class DiscardingStore implements LogStore {
        public AppendResult append(List<LogEvent> events) { return AppendResult.ALL_STORED; }
        public List<LogGroupInfo> logGroups() { return List.of(); }
        public SearchPage search(SearchScope scope, int limit, String cursor) { return new SearchPage(List.of(), null); }
        public Optional<LogEvent> event(String id) { return Optional.empty(); }
        public List<HistogramBucket> histogram(SearchScope scope, int buckets) { return List.of(); }
    }
}
