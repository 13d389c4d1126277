package dev.jinju.selfmonitor;

import dev.jinju.store.IndexLag;
import dev.jinju.store.LogStore;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/** Publishes the text index's lag: {@code jinju_index_lag_events} and {@code jinju_index_lag_seconds}. */
@ApplicationScoped
public class IndexLagMetrics {

    void register(@Observes StartupEvent start, MeterRegistry registry, LogStore store) {
        Gauge.builder("jinju.index.lag.events", store, s -> s.indexLag().map(IndexLag::events).orElse(0L))
                .description("Events acknowledged but not yet searchable through the text index").register(registry);
        Gauge.builder("jinju.index.lag.seconds", store, s -> s.indexLag().map(l -> l.millis() / 1000.0).orElse(0.0))
                .description("How long the oldest not-yet-indexed event has waited").register(registry);
    }
}
