package dev.jinju.graphql;

import dev.jinju.graphql.types.IndexStatus;
import dev.jinju.store.LogStore;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Query;

/** GraphQL {@code indexStatus}: how far the text index trails ingest (null when the store keeps none). */
@GraphQLApi
public class StatusGraphQLApi {
    private final LogStore store;

    public StatusGraphQLApi(LogStore store) {
        this.store = store;
    }

    @Query("indexStatus")
    @Description("Events acknowledged but not yet searchable through the text index; null for stores without one")
    public IndexStatus indexStatus() {
        return store.indexLag().map(l -> new IndexStatus(l.events(), l.millis())).orElse(null);
    }
}
