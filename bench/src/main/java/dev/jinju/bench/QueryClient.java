package dev.jinju.bench;

import dev.jinju.it.JinjuProcess;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;

import java.util.concurrent.TimeUnit;

/**
 * The GraphQL client the query timings use: Vert.x over one kept-alive HTTP/1.1 connection, as a browser holds
 * one. The JDK's {@code HttpClient} adds 1.5–7 ms per request on this machine (its async hand-offs, cold in a
 * short run), which would be timed as the server's.
 */
final class QueryClient implements AutoCloseable {
    private final Vertx vertx = Vertx.vertx();
    private final HttpClient http;
    private final String cookie;

    QueryClient(JinjuProcess jinju) {
        http = vertx.createHttpClient(new HttpClientOptions().setDefaultHost("127.0.0.1").setDefaultPort(jinju.port)
                .setKeepAlive(true).setTcpNoDelay(true), new io.vertx.core.http.PoolOptions().setHttp1MaxSize(1));
        cookie = jinju.sessionCookie();
    }

    /** Posts one GraphQL query and returns the response body. */
    String graphql(String query) throws Exception {
        Buffer body = new JsonObject().put("query", query).toBuffer();
        return http.request(HttpMethod.POST, "/graphql")
                .compose(req -> {
                    req.putHeader("Content-Type", "application/json");
                    if (cookie != null) {
                        req.putHeader("Cookie", cookie);
                    }
                    return req.send(body).compose(HttpClientResponse::body);
                })
                .toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS).toString();
    }

    @Override
    public void close() {
        http.close();
        vertx.close();
    }
}
