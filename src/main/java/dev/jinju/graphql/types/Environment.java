package dev.jinju.graphql.types;

import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

import java.util.List;

/** GraphQL {@code Environment}: one environment of a project and its log groups. */
@Type("Environment")
public record Environment(@NonNull String name, @NonNull List<@NonNull LogGroup> logGroups) {
}
