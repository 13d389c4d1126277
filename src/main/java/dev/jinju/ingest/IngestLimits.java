package dev.jinju.ingest;

/** Bounds on what one batch may carry; each is named in the error that enforces it. */
public final class IngestLimits {
    public static final int MAX_EVENTS_PER_BATCH = 1_000;
    public static final int MAX_MESSAGE_CHARS = 64 * 1024;
    public static final int MAX_STACK_TRACE_CHARS = 128 * 1024;
    public static final int MAX_FIELD_CHARS = 8 * 1024;
    public static final int MAX_COMPONENT_TRACE = 100;
    /** CloudWatch's per-event limit (256 KiB less its 26-byte overhead): an event either store accepts. */
    public static final int MAX_EVENT_BYTES = 262_144 - 26;
    /** A gzip body ({@code Content-Encoding: gzip} on {@code /api/ingest}) may inflate to at most this much. */
    public static final int MAX_DECOMPRESSED_BYTES = 16 * 1024 * 1024;
    public static final long MAX_FUTURE_SKEW_MILLIS = 60 * 60 * 1000L;
    public static final long MAX_AGE_MILLIS = 14L * 24 * 60 * 60 * 1000;

    private IngestLimits() {
    }
}
