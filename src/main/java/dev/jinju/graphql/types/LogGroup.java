package dev.jinju.graphql.types;

import org.eclipse.microprofile.graphql.Type;

/** GraphQL {@code LogGroup}. */
@Type("LogGroup")
public record LogGroup(String name, String project, String environment) {
}
