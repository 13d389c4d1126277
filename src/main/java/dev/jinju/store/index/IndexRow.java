package dev.jinju.store.index;

import dev.jinju.query.text.TextAnalysis;
import dev.jinju.store.sqlite.EventText;
import org.apache.lucene.document.Document;

import java.util.Comparator;

/**
 * One SQLite row as the indexer reads it, before it becomes a document: its text still compressed, so that a
 * second's worth of rows waiting for the next refresh stays small, and decompressed by whichever thread indexes it.
 *
 * @param textZ        the row's compressed text, or null for rows written before that column existed
 * @param bodyMessage  those older rows' message, from the JSON body (null otherwise)
 * @param bodyStack    those older rows' stack trace, from the JSON body (null otherwise)
 */
public record IndexRow(long seq, long ts, int grp, int level, Integer httpStatus, byte[] textZ, String bodyMessage,
                       String bodyStack) {

    /** The index's own order ({@link Searcher#NEWEST_FIRST}): newest timestamp first, then highest seq. */
    public static final Comparator<IndexRow> NEWEST_FIRST = Comparator.comparingLong(IndexRow::ts)
            .thenComparingLong(IndexRow::seq).reversed();

    /** The index document of this row. */
    public Document document() {
        EventText.Text text = EventText.orFromBody(textZ, bodyMessage, bodyStack);
        return TextIndex.document(seq, ts, grp, level, httpStatus, TextAnalysis.text(text.message(), text.stackTrace()));
    }

    /** Roughly what this row holds on the heap while it waits. */
    long bytes() {
        return 64 + (textZ == null ? 0 : textZ.length) + 2L * (length(bodyMessage) + length(bodyStack));
    }

    private static int length(String s) {
        return s == null ? 0 : s.length();
    }
}
