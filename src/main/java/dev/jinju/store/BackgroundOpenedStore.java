package dev.jinju.store;

import dev.jinju.event.LogEvent;
import org.jboss.logging.Logger;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * A store that opens on its own thread while the server starts: migrating the schema and opening the text index
 * take a few hundred ms that the HTTP server need not wait for (SQLite's native library loads on a thread of its
 * own, see {@link StoreProducer}). Every call waits until the store is open; {@link #ping()} (readiness) answers at once
 * that it is still opening. If it cannot open, {@code onFailure} is told (the server then stops, as it did when
 * the store opened on the main thread).
 */
public final class BackgroundOpenedStore implements LogStore, AutoCloseable {
    private static final Logger LOG = Logger.getLogger(BackgroundOpenedStore.class);

    private final CompletableFuture<LogStore> opening = new CompletableFuture<>();

    public BackgroundOpenedStore(String name, Supplier<LogStore> open, Consumer<RuntimeException> onFailure) {
        Thread opener = new Thread(() -> {
            long start = System.nanoTime();
            try {
                opening.complete(open.get());
                LOG.infof("%s opened in %d ms", name, (System.nanoTime() - start) / 1_000_000);
            } catch (RuntimeException e) {
                opening.completeExceptionally(e);
                onFailure.accept(e);
            }
        }, "jinju-store-open");
        opener.setDaemon(true); // an open that hangs must not keep the JVM from exiting
        opener.start();
    }

    /** The open store; waits for it, and throws why it could not open. */
    public LogStore opened() {
        try {
            return opening.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof StoreException se ? new StoreException(se.getMessage(), se)
                    : new StoreException("the store could not open: " + e.getCause().getMessage(), e.getCause());
        }
    }

    /** True once the store is open (false while it opens and when it failed). */
    public boolean isOpen() {
        return opening.isDone() && !opening.isCompletedExceptionally();
    }

    @Override
    public AppendResult append(List<LogEvent> events) {
        return opened().append(events);
    }

    @Override
    public List<LogGroupInfo> logGroups() {
        return opened().logGroups();
    }

    @Override
    public SearchPage search(SearchScope scope, int limit, String cursor) {
        return opened().search(scope, limit, cursor);
    }

    @Override
    public Optional<LogEvent> event(String id) {
        return opened().event(id);
    }

    @Override
    public List<HistogramBucket> histogram(SearchScope scope, int buckets) {
        return opened().histogram(scope, buckets);
    }

    @Override
    public void retain(String group, int days) {
        opened().retain(group, days);
    }

    @Override
    public Optional<IndexLag> indexLag() {
        // a metric scrape must not wait for the store
        return isOpen() ? opened().indexLag() : Optional.empty();
    }

    @Override
    public void onSearchable(java.util.function.LongConsumer delays) {
        opening.thenAccept(store -> store.onSearchable(delays)); // at once if already open; never if it fails
    }

    @Override
    public void ping() {
        if (!opening.isDone()) {
            throw new StoreException("the store is still opening");
        }
        opened().ping();
    }

    /** Closes the store once it has opened (a failed open has nothing to close). */
    @Override
    public void close() throws Exception {
        LogStore store;
        try {
            store = opening.join();
        } catch (CompletionException failed) {
            return;
        }
        if (store instanceof AutoCloseable closeable) {
            closeable.close();
        }
    }
}
