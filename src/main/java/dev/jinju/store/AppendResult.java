package dev.jinju.store;

import java.util.List;

/** What a store refused of an append: each refused event's index in the appended list and why. */
public record AppendResult(List<Refused> refused) {
    public static final AppendResult ALL_STORED = new AppendResult(List.of());

    public AppendResult {
        refused = List.copyOf(refused);
    }

    /** One refused event. */
    public record Refused(int index, String reason) {
    }
}
