package dev.jinju.graphql;

import dev.jinju.graphql.errors.ApiErrors;
import dev.jinju.graphql.errors.ApiException;
import dev.jinju.graphql.errors.BadRequestException;
import dev.jinju.graphql.types.EventInput;
import dev.jinju.graphql.types.IngestBatchInput;
import dev.jinju.graphql.types.IngestResult;
import dev.jinju.graphql.types.Rejection;
import dev.jinju.graphql.types.UserInput;
import dev.jinju.ingest.IngestBatch;
import dev.jinju.ingest.IngestException;
import dev.jinju.ingest.IngestService;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Mutation;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The GraphQL {@code ingest} mutation: the browser SDK's regular door into {@link IngestService}. */
@GraphQLApi
public class IngestGraphQLApi {
    private final IngestService ingest;
    private final CurrentVertxRequest request;

    public IngestGraphQLApi(IngestService ingest, CurrentVertxRequest request) {
        this.ingest = ingest;
        this.request = request;
    }

    @Mutation("ingest")
    @Description("Stores a batch of events; answers once they are durable, with per-event rejections")
    public @NonNull IngestResult ingest(@Name("batch") @NonNull IngestBatchInput batch) throws ApiException {
        try {
            String origin = request.getCurrent() == null ? null : request.getCurrent().request().getHeader("Origin");
            dev.jinju.ingest.IngestResult r = ingest.ingest(toBatch(batch), origin);
            return new IngestResult(r.accepted(),
                    r.rejected().stream().map(x -> new Rejection(x.index(), x.reason())).toList());
        } catch (IngestException e) {
            throw ApiErrors.of(e);
        } catch (IllegalArgumentException e) {
            throw new BadRequestException(e.getMessage());
        }
    }

    /** The service's batch of the GraphQL input. */
    private static IngestBatch toBatch(IngestBatchInput in) {
        IngestBatch.Context ctx = in.context == null ? null : new IngestBatch.Context(in.context.url,
                in.context.userAgent, user(in.context.user), in.context.release, in.context.pageViewId);
        List<IngestBatch.Event> events = new ArrayList<>();
        if (in.events != null) {
            for (EventInput e : in.events) {
                events.add(e == null ? null : new IngestBatch.Event(e.timestamp, e.level, e.type, e.code, e.message,
                        e.stackTrace, e.url, e.location, e.componentTrace,
                        e.http == null ? null : new IngestBatch.HttpData(e.http.method, e.http.status),
                        user(e.user), e.requestId, extra(e.extra)));
            }
        }
        return new IngestBatch(in.key, in.project, in.environment, in.batchId, ctx, events);
    }

    private static IngestBatch.UserData user(UserInput u) {
        return u == null ? null : new IngestBatch.UserData(u.id, u.email, u.name);
    }

    private static Map<String, Object> extra(JsonObject json) {
        if (json == null) {
            return null;
        }
        Map<String, Object> map = new LinkedHashMap<>();
        json.forEach((k, v) -> map.put(k, plain(v)));
        return map;
    }

    /** JSON-P values to the plain Java values events hold. */
    private static Object plain(JsonValue v) {
        return switch (v.getValueType()) {
            case OBJECT -> extra(v.asJsonObject());
            case ARRAY -> v.asJsonArray().stream().map(IngestGraphQLApi::plain).toList();
            case STRING -> ((jakarta.json.JsonString) v).getString();
            case NUMBER -> {
                jakarta.json.JsonNumber n = (jakarta.json.JsonNumber) v;
                if (!n.isIntegral()) {
                    yield n.doubleValue();
                }
                java.math.BigInteger i = n.bigIntegerValue();
                yield i.bitLength() < Long.SIZE ? (Object) i.longValue() : i; // as Jackson reads it on the other door
            }
            case TRUE -> Boolean.TRUE;
            case FALSE -> Boolean.FALSE;
            case NULL -> null;
        };
    }
}
