package dev.jinju.store;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/** A store opened in the background: calls wait for it, readiness does not, and a failure to open is reported. */
class BackgroundOpenedStoreTest {

    /** A store whose opening waits for {@link #release}. */
    private static final class SlowStore {
        final CountDownLatch release = new CountDownLatch(1);
        final AtomicBoolean closed = new AtomicBoolean();
        final LogStore store = new ClosableStore(closed);

        LogStore open() {
            try {
                if (!release.await(10, TimeUnit.SECONDS)) {
                    throw new IllegalStateException("never released");
                }
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
            return store;
        }
    }

    private static final class ClosableStore extends EmptyLogStore implements AutoCloseable {
        private final AtomicBoolean closed;

        ClosableStore(AtomicBoolean closed) {
            this.closed = closed;
        }

        @Override
        public Optional<IndexLag> indexLag() {
            return Optional.of(new IndexLag(3, 40));
        }

        @Override
        public void close() {
            closed.set(true);
        }
    }

    @Test
    void callsWaitUntilTheStoreIsOpenWhileReadinessAnswersAtOnce() throws Exception {
        SlowStore slow = new SlowStore();
        BackgroundOpenedStore store = new BackgroundOpenedStore("test store", slow::open, e -> fail(e));

        StoreException opening = assertThrows(StoreException.class, store::ping);
        assertEquals("the store is still opening", opening.getMessage());
        assertFalse(store.isOpen());
        assertEquals(Optional.empty(), store.indexLag(), "a metric scrape does not wait");

        CompletableFuture<AppendResult> append = CompletableFuture.supplyAsync(() -> store.append(List.of()));
        CompletableFuture<List<LogGroupInfo>> groups = CompletableFuture.supplyAsync(store::logGroups);
        Thread.sleep(100);
        assertFalse(groups.isDone(), "a call waits for the store");

        slow.release.countDown();
        assertEquals(List.of(), groups.get(5, TimeUnit.SECONDS));
        assertEquals(AppendResult.ALL_STORED, append.get(5, TimeUnit.SECONDS));
        assertTrue(store.isOpen());
        store.ping();
        assertEquals(Optional.of(new IndexLag(3, 40)), store.indexLag());

        store.close();
        assertTrue(slow.closed.get(), "closing closes the opened store");
    }

    @Test
    void aStoreThatCannotOpenReportsWhyToTheServerAndToEveryCall() throws Exception {
        AtomicReference<RuntimeException> reported = new AtomicReference<>();
        CountDownLatch told = new CountDownLatch(1);
        BackgroundOpenedStore store = new BackgroundOpenedStore("test store",
                () -> {
                    throw new StoreException("cannot open the embedded store: file is not a database");
                },
                e -> {
                    reported.set(e);
                    told.countDown();
                });

        assertTrue(told.await(5, TimeUnit.SECONDS), "the failure is reported");
        assertEquals("cannot open the embedded store: file is not a database", reported.get().getMessage());
        StoreException call = assertThrows(StoreException.class, () -> store.append(List.of()));
        assertEquals("cannot open the embedded store: file is not a database", call.getMessage());
        StoreException ping = assertThrows(StoreException.class, store::ping);
        assertEquals("cannot open the embedded store: file is not a database", ping.getMessage());
        assertFalse(store.isOpen());
        store.close(); // nothing to close; must not throw
    }

    @Test
    void anUnexpectedFailureIsWrappedWithItsMessage() {
        BackgroundOpenedStore store = new BackgroundOpenedStore("test store",
                () -> {
                    throw new IllegalArgumentException("disk on fire");
                }, e -> { });
        StoreException e = assertThrows(StoreException.class, store::logGroups, Duration.ofSeconds(5).toString());
        assertEquals("the store could not open: disk on fire", e.getMessage());
    }
}
