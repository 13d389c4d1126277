package dev.jinju.selfmonitor;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Locale;
import java.util.function.Supplier;

/**
 * Jinju's own metrics at {@code /q/metrics} (Prometheus names in brackets):
 * {@code jinju.ingest.events} [jinju_ingest_events_total] accepted events, so events/s is its rate;
 * {@code jinju.ingest.rejected{reason}} [jinju_ingest_rejected_total] rejected events or batches by reason;
 * {@code jinju.store.write} / {@code jinju.store.read{op}} [jinju_store_write_seconds, jinju_store_read_seconds]
 * store latency. Alerting adds {@code jinju.alert.*}, the self log {@code jinju.selflog.*}. (The outbox depth and
 * CloudWatch throttles are to be added by the CloudWatch store.)
 */
@ApplicationScoped
public class JinjuMetrics {
    private final MeterRegistry registry;
    private final Counter ingested;
    private final Timer write;
    private final java.util.concurrent.atomic.AtomicLong writes = new java.util.concurrent.atomic.AtomicLong();
    private volatile long lastWriteFailure;
    private volatile long lastWriteSuccess;

    public JinjuMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.ingested = Counter.builder("jinju.ingest.events").description("Events accepted by ingest")
                .register(registry);
        this.write = Timer.builder("jinju.store.write").description("LogStore.append latency")
                .publishPercentileHistogram(false).register(registry);
    }

    public void ingested(long events) {
        if (events > 0) {
            ingested.increment(events);
        }
    }

    /** {@code reason}: an ingest error code for a whole batch, or {@code invalid_event} for single events. */
    public void rejected(String reason, long events) {
        if (events > 0) {
            registry.counter("jinju.ingest.rejected", "reason", reason.toLowerCase(Locale.ROOT)).increment(events);
        }
    }

    /** Times a store write and remembers whether the store took it (for the heartbeat). */
    public <T> T timeWrite(Supplier<T> append) {
        long start = System.nanoTime();
        try {
            T result = append.get();
            lastWriteSuccess = writes.incrementAndGet();
            return result;
        } catch (RuntimeException e) {
            lastWriteFailure = writes.incrementAndGet();
            throw e;
        } finally {
            write.record(System.nanoTime() - start, java.util.concurrent.TimeUnit.NANOSECONDS);
        }
    }

    /** Times a store read; {@code op} is search, histogram, event... */
    public <T> T timeRead(String op, Supplier<T> read) {
        return Timer.builder("jinju.store.read").tag("op", op).description("LogStore read latency")
                .register(registry).record(read);
    }

    /** Whether the last store write failed (and nothing succeeded since). */
    public boolean lastWriteFailed() {
        return lastWriteFailure > lastWriteSuccess;
    }
}
