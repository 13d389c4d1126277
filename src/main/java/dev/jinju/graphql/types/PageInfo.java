package dev.jinju.graphql.types;

import org.eclipse.microprofile.graphql.Type;

/** GraphQL {@code PageInfo}. */
@Type("PageInfo")
public record PageInfo(boolean hasNextPage, String endCursor) {
}
