package dev.jinju.security;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import graphql.parser.InvalidSyntaxException;
import graphql.parser.exceptions.ParseCancelledException;
import graphql.parser.Parser;
import graphql.parser.ParserEnvironment;
import graphql.parser.ParserOptions;
import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.handler.BodyHandler;
import org.eclipse.microprofile.config.ConfigProvider;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import java.io.IOException;
import java.util.Locale;

/**
 * HTTP rules beside the login: {@code /graphql} takes only {@code application/json} POSTs (so no HTML form or
 * {@code text/plain} beacon can carry an operation across sites: CSRF), plus a WebSocket upgrade for
 * subscriptions; the GraphQL explorer gets the looser Content-Security-Policy its page needs; the dashboard's
 * HTML is revalidated on every load ({@code Cache-Control: no-cache}) while its hashed assets are immutable.
 * The other security headers come from {@code quarkus.http.header.*} in application.properties.
 */
@ApplicationScoped
public class HttpGuards {
    /** The GraphiQL page of {@code /q/graphql-ui} sets inline styles and loads its explorer plugin's CSS from unpkg. */
    static final String EXPLORER_CSP = "default-src 'self'; script-src 'self' 'unsafe-inline'; "
            + "style-src 'self' 'unsafe-inline' https://unpkg.com; img-src 'self' data:; font-src 'self' data:; connect-src 'self'; "
            + "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    /** JSON-P's (Parsson's) default limit on the characters of a number it reads as a {@code BigDecimal}. */
    static final int MAX_NUMBER_CHARS = 1_100;

    /**
     * Jackson's streaming parser, which walks a body about three times as fast as JSON-P (an ingest's 60 KB: 36
     * against 123 µs). Numbers are held to JSON-P's limit: SmallRye reads the body again with JSON-P, and would
     * answer 500 where this answers 400. Strings are left to the body's size limit.
     */
    private static final JsonFactory JSON = JsonFactory.builder().streamReadConstraints(StreamReadConstraints.builder()
            // one less: Jackson counts an integer's digits without its sign, JSON-P the whole text
            .maxNumberLength(MAX_NUMBER_CHARS - 1).maxStringLength(Integer.MAX_VALUE).build()).build();

    /**
     * The routing context's key for the operation text this guard read from the body (absent when the body has
     * no {@code query} string), so that later handlers need not read the body again to learn it.
     */
    public static final String QUERY = "jinju.graphql.query";
    private final ParserOptions parserOptions;
    /** Operations that parsed within the limits: clients send the same few again and again. */
    private final KnownDocuments parsed = new KnownDocuments(512, 16 * 1024);
    private final long maxBodyBytes;

    public HttpGuards() {
        var config = ConfigProvider.getConfig();
        parserOptions = ParserOptions.newParserOptions()
                .maxTokens(config.getOptionalValue("quarkus.smallrye-graphql.parser-max-tokens", Integer.class)
                        .orElse(ParserOptions.MAX_QUERY_TOKENS))
                .maxWhitespaceTokens(config.getOptionalValue("quarkus.smallrye-graphql.parser-max-whitespace-tokens",
                        Integer.class).orElse(ParserOptions.MAX_WHITESPACE_TOKENS))
                .captureSourceLocation(true).captureLineComments(false).captureIgnoredChars(false).build();
        maxBodyBytes = config.getOptionalValue("quarkus.http.limits.max-body-size", MemorySize.class)
                .map(MemorySize::asLongValue).orElse(10L * 1024 * 1024);
        warmUpParser(parserOptions);
    }

    /**
     * Parses a tiny document on a background thread while the server is still starting: the first parse
     * initialises graphql-java's ANTLR parser (~100 ms on a cold JVM), which the first GraphQL request paid for.
     */
    private static void warmUpParser(ParserOptions options) {
        Thread warmUp = new Thread(() -> Parser.parse(ParserEnvironment.newParserEnvironment()
                .document("{ __typename }").parserOptions(options).build()), "jinju-graphql-warm-up");
        warmUp.setDaemon(true);
        warmUp.start();
    }

    void install(@Observes Router router) {
        // after CorsFilter (-100), which answers the ingest doors' preflights
        // SmallRye's graphql-ws upgrade handler sits at order -99: check the session just before it.
        router.route("/graphql").order(-100).handler(HttpGuards::webSocketUpgrade);
        router.route("/graphql").order(-91).handler(BodyHandler.create(false).setBodyLimit(maxBodyBytes));
        router.route("/graphql").order(-90).handler(this::graphqlRequest);
        router.route("/q/graphql-ui/*").order(-90).handler(ctx -> {
            ctx.response().headers().set("Content-Security-Policy", EXPLORER_CSP);
            ctx.next();
        });
        router.route().order(-90).handler(HttpGuards::caching);
    }

    void graphqlRequest(RoutingContext ctx) {
        HttpMethod method = ctx.request().method();
        if (method == HttpMethod.POST) {
            String type = ctx.request().getHeader(HttpHeaders.CONTENT_TYPE);
            String mime = type == null ? "" : type.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
            if (!mime.equals("application/json")) {
                reject(ctx, 415, "UNSUPPORTED_MEDIA_TYPE", "/graphql accepts only POST with Content-Type"
                        + " application/json" + (type == null ? "" : ", not " + clip(type)));
                return;
            }
            if (parses(ctx)) {
                ctx.next();
            }
            return;
        }
        if (method == HttpMethod.GET && "websocket".equalsIgnoreCase(ctx.request().getHeader(HttpHeaders.UPGRADE))) {
            ctx.next(); // graphql-ws: the session was checked by webSocketUpgrade, before the upgrade handler
            return;
        }
        ctx.response().putHeader(HttpHeaders.ALLOW, "POST");
        reject(ctx, 405, "METHOD_NOT_ALLOWED", "/graphql accepts only POST with Content-Type application/json, not "
                + method.name());
    }

    /**
     * graphql-ws (live tail) needs a session, checked at the upgrade: operations on the socket run outside any
     * HTTP request, and {@link GraphQLAccess} relies on this check for them.
     */
    private static void webSocketUpgrade(RoutingContext ctx) {
        if (!"websocket".equalsIgnoreCase(ctx.request().getHeader(HttpHeaders.UPGRADE))) {
            ctx.next();
            return;
        }
        if (ctx.user() instanceof io.quarkus.vertx.http.runtime.security.QuarkusHttpUser u
                && !u.getSecurityIdentity().isAnonymous()) {
            ctx.next();
        } else {
            reject(ctx, 401, "UNAUTHENTICATED", "log in first: GraphQL subscriptions need a dashboard session");
        }
    }

    /**
     * Parses the operation once with the configured limits, so that a malformed or oversized document gets its
     * real reason (SmallRye would only say "Unparseable input document").
     */
    private boolean parses(RoutingContext ctx) {
        Buffer body = ctx.body() == null ? null : ctx.body().buffer();
        if (body == null || body.length() == 0) {
            reject(ctx, 400, "BAD_REQUEST", "the body is empty; send {\"query\": \"...\", \"variables\": {...}}");
            return false;
        }
        String query;
        try (JsonParser parser = JSON.createParser(body.getBytes())) {
            query = queryMember(parser);
            if (parser.nextToken() != null) { // one JSON value and nothing after it, as Vert.x's decoder demanded
                throw new JsonParseException(parser, "unexpected content after the JSON value");
            }
        } catch (JsonProcessingException e) {
            reject(ctx, 400, "BAD_REQUEST", "the body is not JSON: " + clip(e.getOriginalMessage()) + location(e));
            return false;
        } catch (IOException | RuntimeException e) { // whatever else a malformed body makes the parser throw
            reject(ctx, 400, "BAD_REQUEST", "the body is not JSON: " + clip(String.valueOf(e.getMessage())));
            return false;
        }
        if (query == null) {
            return true; // batches and other shapes: SmallRye answers them
        }
        ctx.put(QUERY, query);
        if (parsed.contains(query)) {
            return true;
        }
        try {
            Parser.parse(ParserEnvironment.newParserEnvironment().document(query).parserOptions(parserOptions).build());
            parsed.add(query);
            return true;
        } catch (ParseCancelledException e) {
            reject(ctx, 200, "QUERY_TOO_LARGE", "the operation is too large: " + e.getMessage()
                    + " (at most " + parserOptions.getMaxTokens() + " tokens; pass data as variables)");
        } catch (InvalidSyntaxException e) {
            reject(ctx, 200, "GRAPHQL_PARSE_FAILED", clip(e.getMessage()));
        } catch (RuntimeException e) {
            reject(ctx, 200, "GRAPHQL_PARSE_FAILED", "the operation cannot be parsed: " + clip(String.valueOf(e.getMessage())));
        }
        return false;
    }

    /**
     * Walks one JSON value token by token and returns its top-level {@code query} string, or null when the value
     * is not an object with one. Nothing is built for the rest, which for an ingest is most of the body.
     */
    static String queryMember(JsonParser parser) throws IOException {
        JsonToken first = parser.nextToken();
        if (first == null) {
            throw new JsonParseException(parser, "no JSON value");
        }
        if (first != JsonToken.START_OBJECT) {
            parser.skipChildren();
            return null;
        }
        String query = null;
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            boolean isQuery = parser.currentName().equals("query");
            if (parser.nextToken() == JsonToken.VALUE_STRING && isQuery) {
                query = parser.getText();
            } else {
                parser.skipChildren(); // the parser still checks the grammar and every number's length
            }
        }
        return query;
    }

    private static String location(JsonProcessingException e) {
        var at = e.getLocation();
        return at == null ? "" : " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")";
    }

    /** Answers {@code {"errors":[{"message":…,"extensions":{"code":…}}]}}, the shape GraphQL clients read. */
    static void reject(RoutingContext ctx, int status, String code, String message) {
        JsonObject error = new JsonObject().put("message", message).put("extensions", new JsonObject().put("code", code));
        ctx.response().setStatusCode(status).putHeader(HttpHeaders.CONTENT_TYPE, "application/json")
                .end(new JsonObject().put("errors", new JsonArray().add(error)).encode());
    }

    static void caching(RoutingContext ctx) {
        String path = ctx.normalizedPath();
        ctx.addHeadersEndHandler(v -> {
            var headers = ctx.response().headers();
            String type = headers.get(HttpHeaders.CONTENT_TYPE);
            if (type != null && type.startsWith("text/html")) {
                // index.html names the hashed assets of the current build: always revalidate it
                headers.set(HttpHeaders.CACHE_CONTROL, "no-cache");
            } else if (headers.contains(HttpHeaders.CACHE_CONTROL)) {
                return;
            } else if (path.startsWith("/assets/") && ctx.response().getStatusCode() == 200) {
                headers.set(HttpHeaders.CACHE_CONTROL, "public, max-age=31536000, immutable");
            } else if (path.equals("/graphql") || path.startsWith("/api/")) {
                headers.set(HttpHeaders.CACHE_CONTROL, "no-store");
            }
        });
        ctx.next();
    }

    private static String clip(String s) {
        return s.length() > 300 ? s.substring(0, 300) + "…" : s;
    }
}
