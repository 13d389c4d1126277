package dev.jinju.graphql.types;

import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.NonNull;

import java.util.List;

/** GraphQL input {@code IngestBatch}: key, project, environment, batch id, shared context and events. */
@Input("IngestBatch")
public class IngestBatchInput {
    @NonNull
    public String key;
    @NonNull
    public String project;
    @NonNull
    public String environment;
    @NonNull
    public String batchId;
    public IngestContext context;
    @NonNull
    public List<EventInput> events;
}
