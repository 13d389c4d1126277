package dev.jinju.store.index;

import org.apache.lucene.document.IntPoint;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.FieldDoc;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.SimpleCollector;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TopFieldDocs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Collection;

/**
 * A point-in-time view of the text index: every row with {@code seq <= watermark} is in it (unless retention
 * deleted it). Hits above the watermark are left out, since the caller reads those rows from SQLite.
 */
public record Searcher(IndexSearcher searcher, long watermark) {

    /** Newest first: timestamp, then seq, both descending. */
    static final Sort NEWEST_FIRST = new Sort(new SortField(IndexFields.TS, SortField.Type.LONG, true),
            new SortField(IndexFields.SEQ, SortField.Type.LONG, true));

    /** What bounds every index search besides the query: groups, [from, to), levels, and the watermark. */
    public record Bounds(Collection<Integer> groups, long from, long to, Collection<Integer> levels) {
    }

    /** One page of hits, newest first: their timestamps and seqs. */
    public record Hits(long[] ts, long[] seq, boolean maybeMore) {
    }

    private Query filtered(Query query, Bounds bounds) {
        BooleanQuery.Builder b = new BooleanQuery.Builder();
        b.add(query, Occur.MUST);
        b.add(IntPoint.newSetQuery(IndexFields.GROUP, bounds.groups()), Occur.FILTER);
        b.add(LongPoint.newRangeQuery(IndexFields.TS, bounds.from(), bounds.to() - 1), Occur.FILTER);
        if (!bounds.levels().isEmpty()) {
            b.add(IntPoint.newSetQuery(IndexFields.LEVEL, bounds.levels()), Occur.FILTER);
        }
        b.add(LongPoint.newRangeQuery(IndexFields.SEQ, Long.MIN_VALUE, watermark), Occur.FILTER);
        return b.build();
    }

    /**
     * Up to {@code n} hits newest first, strictly after the keyset position ({@code afterTs}, {@code afterSeq})
     * when {@code after} is true.
     */
    public Hits search(Query query, Bounds bounds, boolean after, long afterTs, long afterSeq, int n) {
        try {
            // Past the position only older or same-time hits remain: bounding the time lets the points skip the rest.
            Query q = filtered(query, after ? new Bounds(bounds.groups(), bounds.from(),
                    Math.min(bounds.to(), afterTs + 1), bounds.levels()) : bounds);
            TopFieldDocs top;
            if (after) {
                // The last doc id: a hit equal to the position on both keys counts as already seen.
                int lastDoc = searcher.getIndexReader().maxDoc() - 1;
                FieldDoc position = new FieldDoc(lastDoc, Float.NaN, new Object[]{afterTs, afterSeq});
                top = searcher.searchAfter(position, q, n, NEWEST_FIRST, false);
            } else {
                top = searcher.search(q, n, NEWEST_FIRST, false);
            }
            ScoreDoc[] docs = top.scoreDocs;
            long[] ts = new long[docs.length];
            long[] seq = new long[docs.length];
            for (int i = 0; i < docs.length; i++) {
                Object[] fields = ((FieldDoc) docs[i]).fields;
                ts[i] = (Long) fields[0];
                seq[i] = (Long) fields[1];
            }
            return new Hits(ts, seq, docs.length == n);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Receives the timestamp, level and seq of every matching document, in no particular order. */
    public interface DocConsumer {
        void accept(long ts, int level, long seq);
    }

    /** Visits every match (for histograms): doc values only, no rows. */
    public void forEach(Query query, Bounds bounds, DocConsumer consumer) {
        try {
            searcher.search(filtered(query, bounds), new SimpleCollector() {
                private NumericDocValues ts;
                private NumericDocValues level;
                private NumericDocValues seq;

                @Override
                protected void doSetNextReader(LeafReaderContext context) throws IOException {
                    ts = context.reader().getNumericDocValues(IndexFields.TS);
                    level = context.reader().getNumericDocValues(IndexFields.LEVEL);
                    seq = context.reader().getNumericDocValues(IndexFields.SEQ);
                }

                @Override
                public void collect(int doc) throws IOException {
                    ts.advanceExact(doc);
                    level.advanceExact(doc);
                    seq.advanceExact(doc);
                    consumer.accept(ts.longValue(), (int) level.longValue(), seq.longValue());
                }

                @Override
                public ScoreMode scoreMode() {
                    return ScoreMode.COMPLETE_NO_SCORES;
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
