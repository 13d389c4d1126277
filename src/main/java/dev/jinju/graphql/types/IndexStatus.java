package dev.jinju.graphql.types;

import org.eclipse.microprofile.graphql.Type;

/** GraphQL {@code IndexStatus}: events acknowledged but not yet searchable through the text index, and for how long. */
@Type("IndexStatus")
public record IndexStatus(long lagEvents, long lagMillis) {
}
