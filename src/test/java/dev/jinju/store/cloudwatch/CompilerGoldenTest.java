package dev.jinju.store.cloudwatch;

import dev.jinju.event.Level;
import dev.jinju.query.Query;
import dev.jinju.query.QueryParser;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Golden files of both compilers over the queries of {@code golden/queries.txt}, reviewed against AWS's filter
 * pattern syntax (JSON selectors {@code $.a.b}, {@code = != > >= < <=}, {@code && ||}, parentheses, quoted string
 * values) and the Logs Insights query syntax ({@code fields}, {@code filter}, {@code like /regex/}, {@code in [..]},
 * {@code ispresent()}, {@code stats count(*) by bin()}, {@code toMillis()}, {@code floor()}).
 */
class CompilerGoldenTest {

    @Test
    void filterPatterns() throws Exception {
        StringBuilder out = new StringBuilder();
        for (String q : GoldenFiles.queries()) {
            Query query = QueryParser.parse(q);
            out.append("query:   ").append(q).append('\n')
                    .append("pattern: ").append(FilterPatternCompiler.compile(query, Set.of()).orElse("(none)"))
                    .append("\n\n");
        }
        out.append("levels ERROR,FATAL + payment\npattern: ")
                .append(FilterPatternCompiler.compile(QueryParser.parse("payment"), Set.of(Level.ERROR, Level.FATAL))
                        .orElseThrow()).append('\n');
        GoldenFiles.check("filter-patterns.txt", out.toString());
    }

    @Test
    void insightsQueries() throws Exception {
        StringBuilder out = new StringBuilder();
        for (String q : GoldenFiles.queries()) {
            out.append("query:  ").append(q).append('\n')
                    .append("filter: ").append(InsightsQueryCompiler.filter(QueryParser.parse(q), Set.of())
                            .orElse("(none)")).append("\n\n");
        }
        Instant from = Instant.parse("2026-11-26T10:00:00Z");
        out.append("histogram, aligned (1 h in 60 buckets):\n").append(InsightsQueryCompiler.histogram(
                QueryParser.parse("level:>=warn payment"), Set.of(), from, from.plusSeconds(3600), 60)).append("\n\n");
        out.append("histogram, unaligned (10:00:00.250 to 10:07:00, 7 buckets, levels ERROR):\n")
                .append(InsightsQueryCompiler.histogram(new Query.All(), Set.of(Level.ERROR), from.plusMillis(250),
                        from.plusSeconds(420), 7)).append('\n');
        GoldenFiles.check("insights-queries.txt", out.toString());
    }

    @Test
    void patternsStayWithinTheLengthLimit() {
        StringBuilder q = new StringBuilder("code:[");
        for (int i = 0; i < 200; i++) {
            q.append(i == 0 ? "" : ",").append("E").append(i);
        }
        Query query = QueryParser.parse(q.append("]").toString());
        assertTrue(FilterPatternCompiler.compile(query, Set.of()).isEmpty(), "too long: no pattern rather than a bad one");
        assertEquals("{ $.code = \"E1\" }", FilterPatternCompiler.compile(QueryParser.parse("code:E1"), Set.of())
                .orElseThrow());
    }
}
