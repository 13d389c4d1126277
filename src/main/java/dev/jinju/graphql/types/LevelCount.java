package dev.jinju.graphql.types;

import dev.jinju.event.Level;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

/** GraphQL {@code LevelCount}: events of one level. */
@Type("LevelCount")
public record LevelCount(@NonNull Level level, long count) {
}
