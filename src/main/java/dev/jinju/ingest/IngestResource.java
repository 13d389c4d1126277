package dev.jinju.ingest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectReader;
import dev.jinju.event.EventJson;
import io.smallrye.common.annotation.Blocking;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.util.Map;

/**
 * {@code POST /api/ingest}: the beacon-friendly door (SPEC §4). Takes the {@code IngestBatch} JSON as
 * {@code application/json} or {@code text/plain} (so {@code navigator.sendBeacon} needs no CORS preflight),
 * with the key in the body or {@code ?key=}; never a cookie.
 */
@Path("/api/ingest")
public class IngestResource {
    private static final ObjectReader READER = EventJson.mapper().readerFor(IngestBatch.class)
            .with(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private final IngestService ingest;

    public IngestResource(IngestService ingest) {
        this.ingest = ingest;
    }

    @POST
    @Blocking
    @Consumes({MediaType.APPLICATION_JSON, MediaType.TEXT_PLAIN})
    @Produces(MediaType.APPLICATION_JSON)
    public Response ingest(byte[] body, @QueryParam("key") String key, @HeaderParam("Origin") String origin,
                           @HeaderParam("Content-Encoding") String encoding) {
        if (encoding != null && !encoding.isBlank() && !encoding.trim().equalsIgnoreCase("identity")) {
            if (!encoding.trim().equalsIgnoreCase("gzip")) {
                return error(415, IngestException.Code.BAD_REQUEST, "Content-Encoding " + EventValidator.clip(encoding)
                        + " is not supported; send gzip or no encoding");
            }
            try {
                body = Gzip.inflate(body, IngestLimits.MAX_DECOMPRESSED_BYTES);
            } catch (Gzip.TooLarge e) {
                return error(413, IngestException.Code.TOO_LARGE, "the gzip body inflates to more than "
                        + IngestLimits.MAX_DECOMPRESSED_BYTES + " bytes (the decompressed body limit); send smaller batches");
            } catch (java.io.IOException e) {
                return error(400, IngestException.Code.BAD_REQUEST, "the body is not valid gzip: " + e.getMessage());
            }
        }
        IngestBatch batch;
        Map<Integer, String> unreadable = Map.of();
        try {
            batch = READER.readValue(body);
        } catch (JsonProcessingException typeError) {
            if (typeError instanceof com.fasterxml.jackson.core.JsonParseException
                    || typeError.getMessage().contains("Trailing token")) {
                return error(400, IngestException.Code.BAD_REQUEST, "the body is not a valid IngestBatch JSON: "
                        + typeError.getOriginalMessage() + location(typeError));
            }
            // valid JSON with a wrongly typed field: read event by event, so one bad event rejects only itself
            PerEvent tolerant = PerEvent.read(body);
            if (tolerant == null) {
                return error(400, IngestException.Code.BAD_REQUEST, "the body is not a valid IngestBatch JSON: "
                        + typeError.getOriginalMessage() + location(typeError));
            }
            batch = tolerant.batch();
            unreadable = tolerant.unreadable();
        } catch (java.io.IOException e) {
            return error(400, IngestException.Code.BAD_REQUEST, "the body could not be read: " + e.getMessage());
        }
        if (batch == null) {
            return error(400, IngestException.Code.BAD_REQUEST, "the body is empty; send an IngestBatch JSON object");
        }
        if (key != null && (batch.key() == null || batch.key().isEmpty())) {
            batch = new IngestBatch(key, batch.project(), batch.environment(), batch.batchId(), batch.context(),
                    batch.events());
        }
        try {
            return Response.ok(ingest.ingest(batch, origin, unreadable)).build();
        } catch (RateLimitedException e) {
            return Response.fromResponse(error(429, e.code(), e.getMessage()))
                    .header("Retry-After", String.valueOf(e.retryAfterSeconds())).build();
        } catch (IngestException e) {
            return error(status(e.code()), e.code(), e.getMessage());
        }
    }

    /** A batch read event by event; {@code unreadable} names the events whose JSON does not fit, with the reason. */
    record PerEvent(IngestBatch batch, Map<Integer, String> unreadable) {
        static PerEvent read(byte[] body) {
            var mapper = EventJson.mapper();
            try {
                com.fasterxml.jackson.databind.JsonNode root = mapper.reader()
                        .with(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_TRAILING_TOKENS).readTree(body);
                if (!(root instanceof com.fasterxml.jackson.databind.node.ObjectNode obj)
                        || !(obj.get("events") instanceof com.fasterxml.jackson.databind.node.ArrayNode events)) {
                    return null;
                }
                com.fasterxml.jackson.databind.node.ObjectNode head = obj.deepCopy();
                head.remove("events");
                IngestBatch b = mapper.treeToValue(head, IngestBatch.class);
                java.util.List<IngestBatch.Event> list = new java.util.ArrayList<>(events.size());
                Map<Integer, String> bad = new java.util.HashMap<>();
                for (int i = 0; i < events.size(); i++) {
                    try {
                        list.add(mapper.treeToValue(events.get(i), IngestBatch.Event.class));
                    } catch (JsonProcessingException e) {
                        list.add(null);
                        bad.put(i, "the event does not fit EventInput: " + EventValidator.clip(e.getOriginalMessage()));
                    }
                }
                return new PerEvent(new IngestBatch(b.key(), b.project(), b.environment(), b.batchId(), b.context(), list),
                        bad);
            } catch (java.io.IOException | IllegalArgumentException e) {
                return null;
            }
        }
    }

    private static String location(JsonProcessingException e) {
        return e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ", column "
                + e.getLocation().getColumnNr() + ")";
    }

    static int status(IngestException.Code code) {
        return switch (code) {
            case BAD_REQUEST -> 400;
            case INVALID_KEY -> 401;
            case FORBIDDEN_ORIGIN -> 403;
            case UNKNOWN_PROJECT, UNKNOWN_ENVIRONMENT -> 404;
            case TOO_LARGE -> 413;
            case STORE_UNAVAILABLE -> 503;
            case RATE_LIMITED -> 429;
        };
    }

    private static Response error(int status, IngestException.Code code, String message) {
        return Response.status(status).type(MediaType.APPLICATION_JSON)
                .entity(Map.of("error", Map.of("code", code.name(), "message", message))).build();
    }
}
