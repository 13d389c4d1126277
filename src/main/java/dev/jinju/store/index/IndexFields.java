package dev.jinju.store.index;

import dev.jinju.query.text.TextAnalysis;

/** Names of the text index's fields. Points filter and doc values sort or count; nothing is stored. */
public final class IndexFields {
    /** message + stackTrace, analysed by {@link TextAnalysis#analyzer()}, with positions for phrases. */
    public static final String TEXT = TextAnalysis.TEXT_FIELD;
    /** Event time in epoch millis: LongPoint + NumericDocValues (sort key). */
    public static final String TS = "ts";
    /** The SQLite rowid: LongPoint + NumericDocValues (second sort key, and the way back to the row). */
    public static final String SEQ = "seq";
    /** The log group's id in SQLite: IntPoint. */
    public static final String GROUP = "grp";
    /** Level ordinal: IntPoint + NumericDocValues (histograms). */
    public static final String LEVEL = "level";
    /** HTTP status: IntPoint, absent when the event has none. */
    public static final String STATUS = "status";
    /** Commit user data key: the highest seq the commit holds. */
    public static final String WATERMARK = "jinju.seq";

    private IndexFields() {
    }
}
