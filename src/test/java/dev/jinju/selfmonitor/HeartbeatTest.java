package dev.jinju.selfmonitor;

import com.sun.net.httpserver.HttpServer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import java.net.InetSocketAddress;
import java.net.URI;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The dead-man switch pings only while the store and ingest are healthy. */
class HeartbeatTest {

    static SelfMonitorConfig config(URI url) {
        return new SelfMonitorConfig() {
            @Override
            public String publicUrl() {
                return "http://localhost";
            }

            @Override
            public Heartbeat heartbeat() {
                return new Heartbeat() {
                    @Override
                    public Optional<URI> url() {
                        return Optional.ofNullable(url);
                    }

                    @Override
                    public String interval() {
                        return "60s";
                    }
                };
            }

            @Override
            public SelfLog selfLog() {
                return null;
            }
        };
    }

    @Test
    void pingsOnlyWhileHealthy() throws Exception {
        AtomicInteger pings = new AtomicInteger();
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/beat", ex -> {
            pings.incrementAndGet();
            ex.sendResponseHeaders(200, -1);
            ex.close();
        });
        server.start();
        try {
            URI url = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/beat");
            SelfLogTest.DoubleStore store = new SelfLogTest.DoubleStore(SelfLogTest.logger("heartbeat.test"));
            SimpleMeterRegistry registry = new SimpleMeterRegistry();
            JinjuMetrics metrics = new JinjuMetrics(registry);
            dev.jinju.selfmonitor.Heartbeat beat = new dev.jinju.selfmonitor.Heartbeat(config(url), store, metrics, registry);
            assertEquals(dev.jinju.selfmonitor.Heartbeat.Result.SENT, beat.beat());
            assertEquals(1, pings.get());

            store.broken = true; // the store does not answer
            assertEquals(dev.jinju.selfmonitor.Heartbeat.Result.UNHEALTHY, beat.beat());
            store.broken = false;
            try { // ingest's last write failed
                metrics.timeWrite(() -> {
                    throw new IllegalStateException("disk full");
                });
            } catch (IllegalStateException expected) {
                // counted as a failed write
            }
            assertEquals(dev.jinju.selfmonitor.Heartbeat.Result.UNHEALTHY, beat.beat());
            metrics.timeWrite(() -> "ok");
            assertEquals(dev.jinju.selfmonitor.Heartbeat.Result.SENT, beat.beat());
            assertEquals(2, pings.get());

            assertEquals(dev.jinju.selfmonitor.Heartbeat.Result.NOT_CONFIGURED,
                    new dev.jinju.selfmonitor.Heartbeat(config(null), store, metrics, registry).beat());
        } finally {
            server.stop(0);
        }
    }
}
