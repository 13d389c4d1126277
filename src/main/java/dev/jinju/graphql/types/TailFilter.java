package dev.jinju.graphql.types;

import dev.jinju.event.Level;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.NonNull;

import java.util.List;

/** GraphQL input {@code TailFilter}: which new events a live tail shows (no time range: from now on). */
@Input("TailFilter")
public class TailFilter {
    @NonNull
    public List<@NonNull String> groups;
    public List<@NonNull Level> levels;
    public String query;
}
