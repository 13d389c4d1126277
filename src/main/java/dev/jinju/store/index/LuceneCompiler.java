package dev.jinju.store.index;

import dev.jinju.event.Level;
import dev.jinju.query.Field;
import dev.jinju.query.Query;
import dev.jinju.query.QueryTimes;
import dev.jinju.query.Wildcards;
import dev.jinju.query.text.TextQueries;
import org.apache.lucene.document.IntPoint;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.MatchNoDocsQuery;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Compiles a query tree to a Lucene query over the text index. Free terms and phrases go through
 * {@link TextQueries#toLucene} (the evaluator's own translation, so they are exact); level, http.status and
 * timestamp terms become point queries; everything else becomes {@link MatchAllDocsQuery}, a superset, and
 * the result is then marked inexact so the caller applies the evaluator. A superset under a NOT is not a
 * superset, so NOT over an inexact part is itself "match all, inexact".
 */
public final class LuceneCompiler {

    /** A compiled query: {@code exact} when it selects exactly the documents the evaluator would. */
    public record Compiled(org.apache.lucene.search.Query query, boolean exact) {
        static final Compiled ALL_EXACT = new Compiled(new MatchAllDocsQuery(), true);
        static final Compiled ALL_SUPERSET = new Compiled(new MatchAllDocsQuery(), false);
        static final Compiled NONE = new Compiled(new MatchNoDocsQuery(), true);

        /** Whether the query lets every document through (the index narrows nothing). */
        public boolean matchesAll() {
            return query instanceof MatchAllDocsQuery;
        }
    }

    private LuceneCompiler() {
    }

    /** Whether the tree holds a free term or phrase anywhere: the queries the index is for. */
    public static boolean hasText(Query q) {
        if (q instanceof Query.Text || q instanceof Query.Phrase) {
            return true;
        }
        if (q instanceof Query.And and) {
            return and.clauses().stream().anyMatch(LuceneCompiler::hasText);
        }
        if (q instanceof Query.Or or) {
            return or.clauses().stream().anyMatch(LuceneCompiler::hasText);
        }
        if (q instanceof Query.Not not) {
            return hasText(not.query());
        }
        return false;
    }

    public static Compiled compile(Query q) {
        if (q instanceof Query.All) {
            return Compiled.ALL_EXACT;
        }
        if (q instanceof Query.Text || q instanceof Query.Phrase) {
            return new Compiled(TextQueries.toLucene(q), true);
        }
        if (q instanceof Query.And and) {
            BooleanQuery.Builder b = new BooleanQuery.Builder();
            boolean exact = true;
            int added = 0;
            for (Query clause : and.clauses()) {
                Compiled c = compile(clause);
                exact &= c.exact();
                if (!c.matchesAll()) {
                    b.add(c.query(), Occur.MUST);
                    added++;
                }
            }
            return added == 0 ? (exact ? Compiled.ALL_EXACT : Compiled.ALL_SUPERSET) : new Compiled(b.build(), exact);
        }
        if (q instanceof Query.Or or) {
            return or(or.clauses().stream().map(LuceneCompiler::compile).toList());
        }
        if (q instanceof Query.Not not) {
            Compiled inner = compile(not.query());
            if (!inner.exact()) {
                return Compiled.ALL_SUPERSET;
            }
            if (inner.query() instanceof MatchNoDocsQuery) {
                return Compiled.ALL_EXACT;
            }
            BooleanQuery.Builder b = new BooleanQuery.Builder();
            b.add(new MatchAllDocsQuery(), Occur.MUST);
            b.add(inner.query(), Occur.MUST_NOT);
            return new Compiled(b.build(), true);
        }
        if (q instanceof Query.Match m) {
            return match(m.field(), m.value());
        }
        if (q instanceof Query.AnyOf any) {
            List<Compiled> alternatives = new ArrayList<>();
            any.values().forEach(v -> alternatives.add(match(any.field(), v)));
            return or(alternatives);
        }
        if (q instanceof Query.Compare c) {
            return compare(c);
        }
        if (q instanceof Query.Has h) {
            String name = h.field().name();
            if (name.equals("level") || name.equals("timestamp")) {
                return Compiled.ALL_EXACT;
            }
            if (name.equals("http.status")) {
                return new Compiled(IntPoint.newRangeQuery(IndexFields.STATUS, Integer.MIN_VALUE, Integer.MAX_VALUE), true);
            }
            return Compiled.ALL_SUPERSET;
        }
        return Compiled.ALL_SUPERSET;
    }

    private static Compiled or(List<Compiled> alternatives) {
        boolean exact = true;
        List<org.apache.lucene.search.Query> parts = new ArrayList<>();
        for (Compiled c : alternatives) {
            exact &= c.exact();
            if (c.matchesAll()) {
                // One branch lets everything through: so does the OR (exact only if that branch is).
                return c.exact() ? Compiled.ALL_EXACT : Compiled.ALL_SUPERSET;
            }
            if (!(c.query() instanceof MatchNoDocsQuery)) {
                parts.add(c.query());
            }
        }
        if (parts.isEmpty()) {
            return exact ? Compiled.NONE : Compiled.ALL_SUPERSET;
        }
        if (parts.size() == 1) {
            return new Compiled(parts.get(0), exact);
        }
        BooleanQuery.Builder b = new BooleanQuery.Builder();
        parts.forEach(p -> b.add(p, Occur.SHOULD));
        b.setMinimumNumberShouldMatch(1);
        return new Compiled(b.build(), exact);
    }

    private static Compiled match(Field field, String value) {
        String name = field.name();
        if (name.equals("level")) {
            if (Wildcards.hasWildcard(value)) {
                String pattern = value.toUpperCase(Locale.ROOT);
                List<Integer> ordinals = new ArrayList<>();
                for (Level l : Level.values()) {
                    if (Wildcards.matches(pattern, l.name())) {
                        ordinals.add(l.ordinal());
                    }
                }
                return levels(ordinals);
            }
            return Level.parse(value).map(l -> levels(List.of(l.ordinal()))).orElse(Compiled.NONE);
        }
        if (name.equals("http.status")) {
            if (value.matches("0|[1-9][0-9]{0,8}")) {
                return new Compiled(IntPoint.newExactQuery(IndexFields.STATUS, Integer.parseInt(value)), true);
            }
            return Compiled.ALL_SUPERSET;
        }
        if (name.equals("timestamp")) {
            Optional<Instant> t = QueryTimes.parse(value);
            if (t.isEmpty() || t.get().getNano() % 1_000_000 != 0) {
                return Compiled.ALL_SUPERSET;
            }
            return new Compiled(LongPoint.newExactQuery(IndexFields.TS, t.get().toEpochMilli()), true);
        }
        return Compiled.ALL_SUPERSET;
    }

    private static Compiled levels(List<Integer> ordinals) {
        if (ordinals.isEmpty()) {
            return Compiled.NONE;
        }
        return new Compiled(IntPoint.newSetQuery(IndexFields.LEVEL, ordinals), true);
    }

    private static Compiled compare(Query.Compare c) {
        String name = c.field().name();
        if (name.equals("level")) {
            Optional<Level> level = Level.parse(c.value());
            if (level.isEmpty()) {
                return Compiled.NONE;
            }
            int o = level.get().ordinal();
            return range(IndexFields.LEVEL, c.op(), BigDecimal.valueOf(o), 0, Level.values().length - 1);
        }
        if (name.equals("http.status")) {
            BigDecimal q;
            try {
                q = new BigDecimal(c.value().trim());
            } catch (NumberFormatException e) {
                return Compiled.NONE; // the evaluator compares nothing with a non-number
            }
            return range(IndexFields.STATUS, c.op(), q, Integer.MIN_VALUE, Integer.MAX_VALUE);
        }
        if (name.equals("timestamp")) {
            Optional<Instant> t = QueryTimes.parse(c.value());
            if (t.isEmpty()) {
                return Compiled.NONE;
            }
            // Event times are whole milliseconds; the query's may not be: compare on the exact decimal millis.
            Instant i = t.get();
            BigDecimal millis = BigDecimal.valueOf(i.getEpochSecond()).multiply(BigDecimal.valueOf(1000))
                    .add(BigDecimal.valueOf(i.getNano()).movePointLeft(6));
            long[] bounds = bounds(c.op(), millis, Long.MIN_VALUE, Long.MAX_VALUE);
            return bounds == null ? Compiled.NONE
                    : new Compiled(LongPoint.newRangeQuery(IndexFields.TS, bounds[0], bounds[1]), true);
        }
        return Compiled.ALL_SUPERSET; // extra.* numbers are not in the index
    }

    private static Compiled range(String field, Query.Comparison op, BigDecimal q, long min, long max) {
        long[] bounds = bounds(op, q, min, max);
        if (bounds == null) {
            return Compiled.NONE;
        }
        return new Compiled(IntPoint.newRangeQuery(field, (int) bounds[0], (int) bounds[1]), true);
    }

    /** Inclusive integer bounds of {@code x op q} within [min, max], or null when no integer qualifies. */
    static long[] bounds(Query.Comparison op, BigDecimal q, long min, long max) {
        BigDecimal lo = BigDecimal.valueOf(min);
        BigDecimal hi = BigDecimal.valueOf(max);
        switch (op) {
            case GT -> lo = q.setScale(0, RoundingMode.FLOOR).add(BigDecimal.ONE);
            case GE -> lo = q.setScale(0, RoundingMode.CEILING);
            case LT -> hi = q.setScale(0, RoundingMode.CEILING).subtract(BigDecimal.ONE);
            case LE -> hi = q.setScale(0, RoundingMode.FLOOR);
            default -> throw new IllegalArgumentException(op.toString());
        }
        lo = lo.max(BigDecimal.valueOf(min));
        hi = hi.min(BigDecimal.valueOf(max));
        if (lo.compareTo(hi) > 0) {
            return null;
        }
        return new long[]{lo.longValueExact(), hi.longValueExact()};
    }
}
