package dev.jinju.graphql.types;

import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

import java.util.List;

/** GraphQL {@code Project} with its environments. */
@Type("Project")
public record Project(@NonNull String name, @NonNull List<@NonNull Environment> environments) {
}
