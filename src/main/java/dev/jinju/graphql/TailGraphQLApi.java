package dev.jinju.graphql;

import dev.jinju.graphql.errors.ApiErrors;
import dev.jinju.graphql.errors.ApiException;
import dev.jinju.graphql.types.LogEvent;
import dev.jinju.graphql.types.TailFilter;
import dev.jinju.live.LiveEvents;
import dev.jinju.query.QueryEvaluator;
import dev.jinju.search.SearchException;
import dev.jinju.search.SearchService;
import dev.jinju.store.SearchScope;
import io.smallrye.graphql.api.Subscription;
import io.smallrye.mutiny.Multi;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;

import java.time.Instant;
import java.util.List;

/** GraphQL subscription {@code tail}: events matching a filter as they are stored (graphql-ws at /graphql). */
@GraphQLApi
public class TailGraphQLApi {
    private final SearchService search;
    private final LiveEvents live;

    public TailGraphQLApi(SearchService search, LiveEvents live) {
        this.search = search;
        this.live = live;
    }

    @Subscription("tail")
    @Description("Live tail: every event stored from now on in the filter's groups, levels and query")
    public Multi<@NonNull LogEvent> tail(@Name("filter") @NonNull TailFilter filter) throws ApiException {
        SearchScope scope;
        try {
            // The range only satisfies validation; a tail has no end.
            scope = search.scope(filter.groups, Instant.EPOCH, Instant.MAX, filter.levels == null ? List.of() : filter.levels,
                    filter.query);
        } catch (SearchException e) {
            throw ApiErrors.of(e);
        }
        return live.stream()
                .filter(e -> scope.groups().contains(e.group()) && scope.levelAllowed(e.level())
                        && QueryEvaluator.matches(scope.query(), e))
                .map(LogEvent::of);
    }
}
