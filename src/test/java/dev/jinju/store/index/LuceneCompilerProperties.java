package dev.jinju.store.index;

import dev.jinju.event.LogEvent;
import dev.jinju.query.EventArbitraries;
import dev.jinju.query.Query;
import dev.jinju.query.QueryArbitraries;
import dev.jinju.query.QueryEvaluator;
import dev.jinju.query.QueryParser;
import dev.jinju.query.text.TextAnalysis;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.SimpleCollector;
import org.apache.lucene.store.ByteBuffersDirectory;

import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The compiled Lucene query, run over index documents of random events, selects exactly what the evaluator
 * selects when it says it is exact, and a superset of it otherwise.
 */
class LuceneCompilerProperties {
    private static ByteBuffersDirectory directory;
    private static DirectoryReader reader;
    private static List<LogEvent> events;

    @BeforeContainer
    static void index() throws IOException {
        events = EventArbitraries.events().sampleStream()
                .filter(e -> e.level() != null && e.message() != null).limit(400).toList();
        directory = new ByteBuffersDirectory();
        try (IndexWriter w = new IndexWriter(directory, new IndexWriterConfig(TextAnalysis.analyzer()))) {
            for (int i = 0; i < events.size(); i++) {
                LogEvent e = events.get(i);
                w.addDocument(TextIndex.document(i, e.timestamp().toEpochMilli(), e.group().hashCode(),
                        e.level().ordinal(), e.http() == null ? null : e.http().status(),
                        TextAnalysis.text(e.message(), e.stackTrace())));
            }
        }
        reader = DirectoryReader.open(directory);
    }

    @AfterContainer
    static void close() throws IOException {
        reader.close();
        directory.close();
    }

    @Provide
    Arbitrary<Query> queries() {
        return QueryArbitraries.queries();
    }

    private static Set<Long> hits(org.apache.lucene.search.Query q) throws IOException {
        Set<Long> seqs = new HashSet<>();
        new IndexSearcher(reader).search(q, new SimpleCollector() {
            private NumericDocValues seq;

            @Override
            protected void doSetNextReader(LeafReaderContext context) throws IOException {
                seq = context.reader().getNumericDocValues(IndexFields.SEQ);
            }

            @Override
            public void collect(int doc) throws IOException {
                seq.advanceExact(doc);
                seqs.add(seq.longValue());
            }

            @Override
            public ScoreMode scoreMode() {
                return ScoreMode.COMPLETE_NO_SCORES;
            }
        });
        return seqs;
    }

    private static Set<Long> evaluated(Query q) {
        Set<Long> seqs = new HashSet<>();
        for (int i = 0; i < events.size(); i++) {
            if (QueryEvaluator.matches(q, events.get(i))) {
                seqs.add((long) i);
            }
        }
        return seqs;
    }

    @Property(tries = 1000)
    void exactMeansEqualElseSuperset(@ForAll("queries") Query query) throws IOException {
        LuceneCompiler.Compiled compiled = LuceneCompiler.compile(query);
        Set<Long> lucene = hits(compiled.query());
        Set<Long> expected = evaluated(query);
        if (compiled.exact()) {
            assertEquals(expected, lucene, () -> "exact query " + query + " -> " + compiled.query());
        } else {
            assertTrue(lucene.containsAll(expected), () -> "superset query " + query + " -> " + compiled.query());
        }
    }

    @Example
    void textLevelStatusAndTimeAreExactTheRestIsNot() {
        for (String q : List.of("payment", "\"payment failed\"", "pay* level:error", "level:>=warn OR 결제",
                "http.status:>=500 -timeout", "!(payment http.status:404)", "timestamp:>2026-11-26T10:00 charge",
                "level:[error,fatal] has:http.status", "level:er*", "http.status:[500,502]")) {
            assertTrue(LuceneCompiler.compile(QueryParser.parse(q)).exact(), q);
        }
        for (String q : List.of("payment type:vue", "!(payment url:*x*)", "payment OR user.id:1", "extra.n:>3 x")) {
            assertFalse(LuceneCompiler.compile(QueryParser.parse(q)).exact(), q);
        }
        // NOT over an inexact part must not narrow: it lets everything through for the evaluator.
        assertTrue(LuceneCompiler.compile(QueryParser.parse("!(payment type:vue)")).query()
                instanceof org.apache.lucene.search.MatchAllDocsQuery);
    }

    @Example
    void integerBoundsOfComparisons() {
        assertArrayEquals(new long[]{501, 999}, LuceneCompiler.bounds(Query.Comparison.GT, new BigDecimal("500"), 0, 999));
        assertArrayEquals(new long[]{501, 999}, LuceneCompiler.bounds(Query.Comparison.GE, new BigDecimal("500.5"), 0, 999));
        assertArrayEquals(new long[]{500, 999}, LuceneCompiler.bounds(Query.Comparison.GT, new BigDecimal("499.5"), 0, 999));
        assertArrayEquals(new long[]{0, 499}, LuceneCompiler.bounds(Query.Comparison.LT, new BigDecimal("500"), 0, 999));
        assertArrayEquals(new long[]{0, 500}, LuceneCompiler.bounds(Query.Comparison.LT, new BigDecimal("500.1"), 0, 999));
        assertArrayEquals(new long[]{0, 500}, LuceneCompiler.bounds(Query.Comparison.LE, new BigDecimal("500.9"), 0, 999));
        assertNull(LuceneCompiler.bounds(Query.Comparison.GT, new BigDecimal("1e30"), 0, 999));
        assertNull(LuceneCompiler.bounds(Query.Comparison.LT, new BigDecimal("-5"), 0, 999));
        assertArrayEquals(new long[]{0, 999}, LuceneCompiler.bounds(Query.Comparison.GE, new BigDecimal("-1e30"), 0, 999));
    }

    @Example
    void compilerCoversTheGeneratedQueries() {
        // Guard against a vacuous property: a good share of generated queries compile exactly.
        List<Query> sample = new ArrayList<>(QueryArbitraries.queries().sampleStream().limit(300).toList());
        long exact = sample.stream().filter(q -> LuceneCompiler.compile(q).exact()).count();
        assertTrue(exact > 60, "exact: " + exact);
    }
}
