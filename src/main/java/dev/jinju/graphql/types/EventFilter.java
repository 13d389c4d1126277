package dev.jinju.graphql.types;

import dev.jinju.event.Level;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.NonNull;

import java.time.Instant;
import java.util.List;

/** GraphQL input {@code EventFilter}: log groups, time range [from, to), levels and a query. */
@Input("EventFilter")
public class EventFilter {
    @NonNull
    public List<@NonNull String> groups;
    @NonNull
    public Instant from;
    @NonNull
    public Instant to;
    public List<@NonNull Level> levels;
    public String query;
}
