package dev.jinju.selfmonitor;

import dev.jinju.store.LogStore;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * The dead-man switch: while the store answers and ingest's last write did not fail, GETs
 * {@code jinju.heartbeat.url} every {@code jinju.heartbeat.interval}; when Jinju is unhealthy or down, the pings
 * stop and the watching service (healthchecks.io, Better Uptime, ...) raises the alarm.
 */
@ApplicationScoped
public class Heartbeat {
    private static final Logger LOG = Logger.getLogger(Heartbeat.class);

    private final SelfMonitorConfig config;
    private final LogStore store;
    private final JinjuMetrics ingest;
    private final MeterRegistry metrics;
    /** Built at the first beat: building one loads the TLS trust store, start-up work wasted without a URL. */
    private HttpClient client;

    public Heartbeat(SelfMonitorConfig config, LogStore store, JinjuMetrics ingest, MeterRegistry metrics) {
        this.config = config;
        this.store = store;
        this.ingest = ingest;
        this.metrics = metrics;
    }

    /** What one beat did. */
    public enum Result { SENT, UNHEALTHY, FAILED, NOT_CONFIGURED }

    @Scheduled(every = "${jinju.heartbeat.interval:60s}", identity = "jinju-heartbeat",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        beat();
    }

    private synchronized HttpClient client() {
        if (client == null) {
            client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        }
        return client;
    }

    public Result beat() {
        if (config.heartbeat().url().isEmpty()) {
            return Result.NOT_CONFIGURED;
        }
        URI url = config.heartbeat().url().get();
        try {
            store.ping();
        } catch (RuntimeException e) {
            metrics.counter("jinju.heartbeat", "outcome", "unhealthy").increment();
            return Result.UNHEALTHY;
        }
        if (ingest.lastWriteFailed()) {
            metrics.counter("jinju.heartbeat", "outcome", "unhealthy").increment();
            return Result.UNHEALTHY;
        }
        try {
            HttpResponse<Void> res = client().send(HttpRequest.newBuilder(url).timeout(Duration.ofSeconds(10))
                    .header("User-Agent", "Jinju-Heartbeat").GET().build(), HttpResponse.BodyHandlers.discarding());
            if (res.statusCode() / 100 == 2) {
                metrics.counter("jinju.heartbeat", "outcome", "sent").increment();
                return Result.SENT;
            }
            LOG.warnf("Heartbeat: the heartbeat URL answered HTTP %d", res.statusCode());
        } catch (Exception e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            LOG.warnf("Heartbeat: the heartbeat URL could not be reached: %s", e.getMessage());
        }
        metrics.counter("jinju.heartbeat", "outcome", "failed").increment();
        return Result.FAILED;
    }
}
