package dev.jinju.graphql;

import dev.jinju.ingest.Batches;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Live tail over graphql-ws: a subscriber sees matching events as they are ingested, and only those. */
@QuarkusTest
class TailGraphQLApiTest {
    @TestHTTPResource("/graphql")
    URI graphql;

    @Test
    void anUpgradeWithoutASessionIsRefused() throws Exception {
        URI ws = URI.create(graphql.toString().replaceFirst("^http", "ws"));
        java.util.concurrent.ExecutionException refused = org.junit.jupiter.api.Assertions.assertThrows(
                java.util.concurrent.ExecutionException.class, () -> HttpClient.newHttpClient().newWebSocketBuilder()
                        .subprotocols("graphql-transport-ws").buildAsync(ws, new WebSocket.Listener() { })
                        .get(10, TimeUnit.SECONDS));
        assertTrue(refused.getCause() instanceof java.net.http.WebSocketHandshakeException, String.valueOf(refused.getCause()));
        assertEquals(401, ((java.net.http.WebSocketHandshakeException) refused.getCause()).getResponse().statusCode());
    }

    @Test
    void subscriberSeesMatchingNewEvents() throws Exception {
        // The group must exist before a tail can name it.
        GraphQL.post(IngestGraphQLApiTest.INGEST, Map.of("batch", Batches.shop(Batches.events(Instant.now(), 1, "tailwarm"))));
        BlockingQueue<String> messages = new LinkedBlockingQueue<>();
        URI ws = URI.create(graphql.toString().replaceFirst("^http", "ws"));
        WebSocket socket = HttpClient.newHttpClient().newWebSocketBuilder().subprotocols("graphql-transport-ws")
                .header("Cookie", dev.jinju.security.Session.COOKIE + "=" + dev.jinju.security.Session.cookie())
                .buildAsync(ws, new WebSocket.Listener() {
                    final StringBuilder partial = new StringBuilder();

                    @Override
                    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
                        partial.append(data);
                        if (last) {
                            messages.add(partial.toString());
                            partial.setLength(0);
                        }
                        webSocket.request(1);
                        return null;
                    }
                }).get(10, TimeUnit.SECONDS);
        socket.sendText("{\"type\":\"connection_init\"}", true).get();
        assertTrue(messages.poll(10, TimeUnit.SECONDS).contains("connection_ack"));
        socket.sendText("{\"id\":\"1\",\"type\":\"subscribe\",\"payload\":{\"query\":\"subscription { tail(filter: "
                + "{groups: [\\\"/jinju/shop/prod\\\"], levels: [ERROR], query: \\\"tailtest\\\"}) { message level group } }\"}}", true).get();
        Thread.sleep(500); // let the subscription attach before events arrive
        List<Map<String, Object>> events = List.of(
                Batches.event(Instant.now(), "ERROR", "tailtest one"),
                Batches.event(Instant.now(), "INFO", "tailtest filtered out by level"),
                Batches.event(Instant.now(), "ERROR", "something else entirely"),
                Batches.event(Instant.now(), "ERROR", "tailtest two"));
        GraphQL.post(IngestGraphQLApiTest.INGEST, Map.of("batch", Batches.shop(events)));
        String first = messages.poll(10, TimeUnit.SECONDS);
        String second = messages.poll(10, TimeUnit.SECONDS);
        assertNotNull(first);
        assertNotNull(second);
        assertTrue(first.contains("\"next\"") && first.contains("tailtest one"), first);
        assertTrue(second.contains("tailtest two"), second);
        assertEquals(null, messages.poll(1, TimeUnit.SECONDS), "nothing else matches");
        socket.sendClose(WebSocket.NORMAL_CLOSURE, "done");
    }
}
