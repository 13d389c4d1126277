package dev.jinju.graphql;

import dev.jinju.ingest.IngestBatch;
import dev.jinju.ingest.IngestResult;
import dev.jinju.ingest.IngestService;
import dev.jinju.security.HttpGuards;
import graphql.parser.Parser;
import graphql.parser.ParserEnvironment;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.json.spi.JsonProvider;
import jakarta.json.stream.JsonGenerator;
import jakarta.json.stream.JsonGeneratorFactory;

import java.io.StringWriter;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Answers the ingest mutation as the browser SDK sends it without SmallRye's generic path, which for a batch of
 * 50 events spent more CPU than storing them (it rewrites the body with two regexes, turns the variables into
 * JSON text and back through Yasson, and resolves every argument by reflection). Only a document that is exactly
 * that mutation ({@link IngestMutationDocument}) with an input of exactly its types ({@link IngestBatchJson}) is
 * answered here, with the same JSON SmallRye would write; anything else, and any failure before the events are
 * stored (a bad key, a rate limit), goes on to SmallRye, which runs it as before and words the error.
 */
@ApplicationScoped
public class IngestMutationRoute {
    private static final JsonProvider JSON = JsonProvider.provider();
    private static final JsonGeneratorFactory WRITERS = JSON.createGeneratorFactory(Map.of());
    /** What SmallRye answers without an Accept header, or with any type. */
    private static final String GRAPHQL_RESPONSE = "application/graphql-response+json; charset=UTF-8";
    private static final int MAX_DOCUMENTS = 256;

    private final IngestService ingest;
    /** Each document seen, parsed once: the ingest mutation's shape, or empty for every other document. */
    private final Map<String, Optional<IngestMutationDocument>> documents = new ConcurrentHashMap<>();
    /** Requests answered here (tests check which path ran). */
    private final AtomicLong answered = new AtomicLong();

    public IngestMutationRoute(IngestService ingest) {
        this.ingest = ingest;
    }

    /** How many requests were answered here rather than by SmallRye. */
    long answered() {
        return answered.get();
    }

    void install(@Observes Router router) {
        // after HttpGuards (-90), which checked the method, the content type, the JSON and the document's syntax
        router.post("/graphql").order(-89).handler(this::handle);
    }

    void handle(RoutingContext ctx) {
        String contentType = responseType(ctx.request().getHeader(HttpHeaders.ACCEPT));
        // the operation text HttpGuards read: only the ingest mutation's body is read again, in full
        IngestMutationDocument document = contentType == null ? null : document(ctx.get(HttpGuards.QUERY));
        Buffer body = document == null || ctx.body() == null ? null : ctx.body().buffer();
        if (body == null) {
            ctx.next();
            return;
        }
        String origin = ctx.request().getHeader(HttpHeaders.ORIGIN);
        // read on a worker thread, as POST /api/ingest reads its body: the event loop only routes
        ctx.vertx().executeBlocking(() -> {
            IngestBatch batch = IngestBatchJson.request(body.getBytes(), document.operationName(), document.variable());
            return batch == null ? null : ingest.ingest(batch, origin);
        }, false).onComplete(done -> {
            if (done.failed() || done.result() == null) {
                // not plainly the mutation's input, or nothing was stored: SmallRye runs it and words any error
                ctx.next();
                return;
            }
            answered.incrementAndGet();
            ctx.response().putHeader(HttpHeaders.CONTENT_TYPE, contentType).end(response(document, done.result()));
        });
    }

    /** The content type SmallRye would answer for this Accept header, or null to let SmallRye decide. */
    static String responseType(String accept) {
        if (accept == null || accept.isBlank() || accept.trim().equals("*/*")) {
            return GRAPHQL_RESPONSE;
        }
        String a = accept.trim();
        return a.equals("application/json") || a.equals("application/graphql-response+json") ? a : null;
    }

    private IngestMutationDocument document(String query) {
        if (query == null) {
            return null;
        }
        Optional<IngestMutationDocument> known = documents.get(query);
        if (known == null) {
            try {
                known = Optional.ofNullable(IngestMutationDocument.of(Parser.parse(
                        ParserEnvironment.newParserEnvironment().document(query).build())));
            } catch (RuntimeException unparsable) { // HttpGuards answered those already; SmallRye would too
                known = Optional.empty();
            }
            if (documents.size() >= MAX_DOCUMENTS) {
                documents.clear(); // clients send a handful of documents; a flood of others only costs a parse
            }
            documents.put(query, known);
        }
        return known.orElse(null);
    }

    /** {@code {"data":{"ingest":{...}}}} with the selected fields in the document's order, as SmallRye writes it. */
    static String response(IngestMutationDocument document, IngestResult result) {
        StringWriter out = new StringWriter(64 + 96 * result.rejected().size());
        try (JsonGenerator json = WRITERS.createGenerator(out)) {
            json.writeStartObject().writeStartObject("data").writeStartObject("ingest");
            for (String field : document.result()) {
                switch (field) {
                    case "accepted" -> json.write("accepted", result.accepted());
                    case "__typename" -> json.write("__typename", "IngestResult");
                    default -> {
                        json.writeStartArray("rejected");
                        for (IngestResult.Rejection r : result.rejected()) {
                            json.writeStartObject();
                            for (String f : document.rejection()) {
                                switch (f) {
                                    case "index" -> json.write("index", r.index());
                                    case "reason" -> json.write("reason", r.reason());
                                    default -> json.write("__typename", "Rejection");
                                }
                            }
                            json.writeEnd();
                        }
                        json.writeEnd();
                    }
                }
            }
            json.writeEnd().writeEnd().writeEnd();
        }
        return out.toString();
    }
}
