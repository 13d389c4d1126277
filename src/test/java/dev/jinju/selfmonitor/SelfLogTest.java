package dev.jinju.selfmonitor;

import dev.jinju.event.LogEvent;
import dev.jinju.health.StoreHealthCheck;
import dev.jinju.store.AppendResult;
import dev.jinju.store.EmptyLogStore;
import dev.jinju.store.LogGroupInfo;
import dev.jinju.store.StoreException;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.jboss.logmanager.LogContext;
import org.jboss.logmanager.Logger;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The self log and the store health check against test-double stores, without Quarkus. */
class SelfLogTest {

    /** A store that records appends, or fails them and logs a WARN about it, as a real store would. */
    static class DoubleStore extends EmptyLogStore {
        final List<LogEvent> stored = Collections.synchronizedList(new ArrayList<>());
        final AtomicInteger appends = new AtomicInteger();
        volatile boolean broken;
        final java.util.logging.Logger log;

        DoubleStore(java.util.logging.Logger log) {
            this.log = log;
        }

        @Override
        public AppendResult append(List<LogEvent> events) {
            appends.incrementAndGet();
            if (broken) {
                log.warning("store write failed");
                // and from another thread too, as a writer thread would
                Thread t = new Thread(() -> log.severe("writer thread: disk full"));
                t.start();
                try {
                    t.join();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                throw new StoreException("disk full");
            }
            stored.addAll(events);
            return AppendResult.ALL_STORED;
        }

        @Override
        public List<LogGroupInfo> logGroups() {
            if (broken) {
                throw new StoreException("closed");
            }
            return List.of();
        }
    }

    static Logger logger(String name) {
        Logger l = LogContext.getLogContext().getLogger(name);
        l.setLevel(java.util.logging.Level.ALL);
        l.setUseParentHandlers(false);
        return l;
    }

    @Test
    void warningsAreStoredAsEventsOfJinjuSelf() throws Exception {
        Logger l = logger("selftest.ok");
        DoubleStore store = new DoubleStore(l);
        SelfLog self = new SelfLog(store, 100);
        l.addHandler(self.handler());
        self.start();
        try {
            l.info("not this");
            l.warning("payment queue is slow");
            l.log(java.util.logging.Level.SEVERE, "payment failed", new IllegalStateException("boom"));
            for (int i = 0; i < 50 && store.stored.size() < 2; i++) {
                Thread.sleep(50);
            }
            assertEquals(2, store.stored.size());
            LogEvent warn = store.stored.get(0);
            assertEquals("/jinju/jinju/self", warn.group());
            assertEquals("jinju", warn.project());
            assertEquals("self", warn.environment());
            assertEquals(dev.jinju.event.Level.WARN, warn.level());
            assertEquals("payment queue is slow", warn.message());
            assertEquals("selftest.ok", warn.location());
            assertTrue(warn.fingerprint() != null && warn.id() != null && warn.stream() != null);
            LogEvent error = store.stored.get(1);
            assertEquals(dev.jinju.event.Level.ERROR, error.level());
            assertTrue(error.stackTrace().contains("IllegalStateException: boom"));
        } finally {
            l.removeHandler(self.handler());
            self.stop();
        }
    }

    @Test
    void aFailingStoreDoesNotLoopIntoItself() throws Exception {
        Logger l = logger("selftest.loop");
        DoubleStore store = new DoubleStore(l);
        store.broken = true;
        SelfLog self = new SelfLog(store, 100);
        l.addHandler(self.handler());
        self.start();
        try {
            l.warning("first");
            Thread.sleep(1_500);
            // One append for "first"; its failure's own WARN (worker thread) is ignored, the writer thread's ERROR
            // arrives during the pause and is dropped. At most one more try after the 1 s pause.
            assertTrue(store.appends.get() >= 1 && store.appends.get() <= 2, "appends: " + store.appends.get());
            assertTrue(self.dropped() >= 1, "dropped: " + self.dropped());
            // Logging keeps working and never blocks, even flooding a full queue.
            for (int i = 0; i < 1_000; i++) {
                l.warning("flood " + i);
            }
            assertTrue(self.queued() <= 100);
        } finally {
            l.removeHandler(self.handler());
            self.stop();
        }
    }

    @Test
    void healthIsDownWhenTheStoreIsUnavailable() {
        DoubleStore store = new DoubleStore(logger("selftest.health"));
        assertEquals(HealthCheckResponse.Status.UP, new StoreHealthCheck(store).call().getStatus());
        store.broken = true;
        HealthCheckResponse down = new StoreHealthCheck(store).call();
        assertEquals(HealthCheckResponse.Status.DOWN, down.getStatus());
        assertEquals("closed", down.getData().orElseThrow().get("error"));
    }
}
