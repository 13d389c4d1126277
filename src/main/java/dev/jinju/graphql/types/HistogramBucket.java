package dev.jinju.graphql.types;

import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

import java.time.Instant;
import java.util.List;

/** GraphQL {@code HistogramBucket}: counts per level in [start, end). */
@Type("HistogramBucket")
public record HistogramBucket(@NonNull Instant start, @NonNull Instant end, @NonNull List<@NonNull LevelCount> counts) {
}
