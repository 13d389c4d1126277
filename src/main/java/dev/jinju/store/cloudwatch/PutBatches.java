package dev.jinju.store.cloudwatch;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Splits events bound for one log stream into PutLogEvents calls that respect every documented limit:
 * at most {@link #MAX_BATCH_BYTES} per call counting the UTF-8 message plus {@link #EVENT_OVERHEAD} bytes per
 * event, at most {@link #MAX_BATCH_EVENTS} events, a time span under 24 hours, chronological order. Single events
 * over {@link #MAX_EVENT_BYTES} cannot be sent at all and are returned apart.
 */
public final class PutBatches {
    public static final int EVENT_OVERHEAD = 26;
    public static final int MAX_BATCH_BYTES = 1_048_576;
    public static final int MAX_BATCH_EVENTS = 10_000;
    public static final int MAX_EVENT_BYTES = 256 * 1024;
    public static final long MAX_SPAN_MILLIS = 24L * 60 * 60 * 1000;

    private PutBatches() {
    }

    /** One message to put; {@code ref} lets the caller find out whose it is. */
    public record Entry<T>(T ref, long timestamp, String message, int size) {
        public static <T> Entry<T> of(T ref, long timestamp, String message) {
            return new Entry<>(ref, timestamp, message,
                    message.getBytes(StandardCharsets.UTF_8).length + EVENT_OVERHEAD);
        }
    }

    /** The calls to make, in order, and the entries too large to send. */
    public record Split<T>(List<List<Entry<T>>> batches, List<Entry<T>> tooLarge) {
    }

    public static <T> Split<T> split(List<Entry<T>> entries) {
        List<Entry<T>> sorted = new ArrayList<>(entries);
        sorted.sort(Comparator.comparingLong(Entry::timestamp)); // stable: equal times keep arrival order
        List<List<Entry<T>>> batches = new ArrayList<>();
        List<Entry<T>> tooLarge = new ArrayList<>();
        List<Entry<T>> current = new ArrayList<>();
        long bytes = 0;
        for (Entry<T> e : sorted) {
            if (e.size() > MAX_EVENT_BYTES) {
                tooLarge.add(e);
                continue;
            }
            boolean full = !current.isEmpty() && (bytes + e.size() > MAX_BATCH_BYTES
                    || current.size() >= MAX_BATCH_EVENTS
                    || e.timestamp() - current.get(0).timestamp() >= MAX_SPAN_MILLIS);
            if (full) {
                batches.add(current);
                current = new ArrayList<>();
                bytes = 0;
            }
            current.add(e);
            bytes += e.size();
        }
        if (!current.isEmpty()) {
            batches.add(current);
        }
        return new Split<>(batches, tooLarge);
    }
}
