package dev.jinju.ingest;

import java.util.List;

/** The answer to a batch: how many events were stored, and each rejected event's index and reason. */
public record IngestResult(int accepted, List<Rejection> rejected) {
    public IngestResult {
        rejected = List.copyOf(rejected);
    }

    /** One rejected event: its index in the batch and why. */
    public record Rejection(int index, String reason) {
    }
}
