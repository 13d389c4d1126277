package dev.jinju.graphql.types;

import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

import java.util.List;

/** GraphQL {@code IngestResult}. */
@Type("IngestResult")
public record IngestResult(int accepted, @NonNull List<@NonNull Rejection> rejected) {
}
