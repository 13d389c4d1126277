package dev.jinju.graphql.types;

import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

import java.util.List;

/** GraphQL {@code EventConnection}: one page of a search, newest first. */
@Type("EventConnection")
public record EventConnection(@NonNull List<@NonNull EventEdge> edges, @NonNull PageInfo pageInfo) {
}
