package dev.jinju.graphql.types;

import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

/** GraphQL {@code EventEdge}: an event and the cursor that continues after it. */
@Type("EventEdge")
public record EventEdge(@NonNull String cursor, @NonNull LogEvent node) {
}
