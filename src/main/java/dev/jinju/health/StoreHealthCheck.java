package dev.jinju.health;

import dev.jinju.store.LogStore;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Readiness: the event store (SQLite or CloudWatch) answers {@link LogStore#ping()}. */
@Readiness
@ApplicationScoped
public class StoreHealthCheck implements HealthCheck {
    private final LogStore store;

    public StoreHealthCheck(LogStore store) {
        this.store = store;
    }

    @Override
    public HealthCheckResponse call() {
        var response = HealthCheckResponse.named("jinju-store");
        try {
            long start = System.nanoTime();
            store.ping();
            return response.up().withData("pingMillis", (System.nanoTime() - start) / 1_000_000).build();
        } catch (RuntimeException e) {
            return response.down().withData("error", String.valueOf(e.getMessage())).build();
        }
    }
}
