package dev.jinju.graphql.types;

import org.eclipse.microprofile.graphql.Type;

/** GraphQL {@code Http}: the request an event is about. */
@Type("Http")
public record Http(String method, Integer status) {
}
