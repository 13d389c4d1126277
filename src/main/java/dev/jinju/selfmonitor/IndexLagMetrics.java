package dev.jinju.selfmonitor;

import dev.jinju.store.IndexLag;
import dev.jinju.store.LogStore;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * Publishes the text index's lag: {@code jinju_index_lag_events} and {@code jinju_index_lag_seconds} now, and
 * {@code jinju_index_searchable_seconds}, how long each acknowledged write took to become searchable (a histogram
 * with buckets at 0.5, 1, 1.5, 2, 3 and 5 s, so an alert or a benchmark can count the writes over a bound).
 */
@ApplicationScoped
public class IndexLagMetrics {

    void register(@Observes StartupEvent start, MeterRegistry registry, LogStore store) {
        Gauge.builder("jinju.index.lag.events", store, s -> s.indexLag().map(IndexLag::events).orElse(0L))
                .description("Events acknowledged but not yet searchable through the text index").register(registry);
        Gauge.builder("jinju.index.lag.seconds", store, s -> s.indexLag().map(l -> l.millis() / 1000.0).orElse(0.0))
                .description("How long the oldest not-yet-indexed event has waited").register(registry);
        Timer searchable = Timer.builder("jinju.index.searchable")
                .description("Time from a write's acknowledgment until its events are searchable through the text index")
                .serviceLevelObjectives(Duration.ofMillis(500), Duration.ofSeconds(1), Duration.ofMillis(1_500),
                        Duration.ofSeconds(2), Duration.ofSeconds(3), Duration.ofSeconds(5))
                .register(registry);
        store.onSearchable(millis -> searchable.record(millis, TimeUnit.MILLISECONDS));
    }
}
