package dev.jinju.graphql.types;

import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

/** GraphQL {@code Rejection}: a rejected event's index in its batch and why. */
@Type("Rejection")
public record Rejection(int index, @NonNull String reason) {
}
