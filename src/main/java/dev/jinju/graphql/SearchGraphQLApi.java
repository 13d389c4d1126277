package dev.jinju.graphql;

import dev.jinju.event.Level;
import dev.jinju.graphql.errors.ApiErrors;
import dev.jinju.graphql.errors.ApiException;
import dev.jinju.graphql.types.EventConnection;
import dev.jinju.graphql.types.EventEdge;
import dev.jinju.graphql.types.EventFilter;
import dev.jinju.graphql.types.HistogramBucket;
import dev.jinju.graphql.types.LevelCount;
import dev.jinju.graphql.types.LogEvent;
import dev.jinju.graphql.types.PageInfo;
import dev.jinju.search.SearchException;
import dev.jinju.search.SearchService;
import dev.jinju.store.SearchScope;
import org.eclipse.microprofile.graphql.DefaultValue;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;

import java.util.ArrayList;
import java.util.List;

/** GraphQL queries over events: {@code events}, {@code event} and {@code histogram}. */
@GraphQLApi
public class SearchGraphQLApi {
    private final SearchService search;

    public SearchGraphQLApi(SearchService search) {
        this.search = search;
    }

    @Query("events")
    @Description("Events of the filter's groups and range, newest first, a page at a time")
    public @NonNull EventConnection events(@Name("filter") @NonNull EventFilter filter,
                                           @Name("first") @DefaultValue("100") int first,
                                           @Name("after") String after) throws ApiException {
        try {
            SearchService.Page page = search.search(scope(filter), first, after);
            List<EventEdge> edges = new ArrayList<>(page.events().size());
            for (int i = 0; i < page.events().size(); i++) {
                edges.add(new EventEdge(page.cursors().get(i), LogEvent.of(page.events().get(i))));
            }
            return new EventConnection(edges, new PageInfo(page.hasNextPage(), page.endCursor()));
        } catch (SearchException e) {
            throw ApiErrors.of(e);
        }
    }

    @Query("event")
    @Description("One event by id, or null")
    public LogEvent event(@Name("id") @NonNull @Id String id) {
        return search.event(id).map(LogEvent::of).orElse(null);
    }

    @Query("histogram")
    @Description("Counts per level in equal time buckets of the filter's range")
    public @NonNull List<@NonNull HistogramBucket> histogram(@Name("filter") @NonNull EventFilter filter,
                                                            @Name("buckets") @DefaultValue("60") int buckets)
            throws ApiException {
        try {
            return search.histogram(scope(filter), buckets).stream().map(b -> new HistogramBucket(b.start(), b.end(),
                    b.counts().entrySet().stream().sorted(java.util.Map.Entry.comparingByKey())
                            .map(c -> new LevelCount(c.getKey(), c.getValue())).toList())).toList();
        } catch (SearchException e) {
            throw ApiErrors.of(e);
        }
    }

    private SearchScope scope(EventFilter f) {
        List<Level> levels = f.levels == null ? List.of() : f.levels;
        return search.scope(f.groups, f.from, f.to, levels, f.query);
    }
}
