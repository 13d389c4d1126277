package dev.jinju.graphql.types;

import org.eclipse.microprofile.graphql.Type;

/** GraphQL {@code User}: who was signed in. */
@Type("User")
public record User(String id, String email, String name) {
}
