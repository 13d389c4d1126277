package dev.jinju.store.sqlite;

import dev.jinju.store.StoreException;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * The embedded store's single writer. Appends from concurrent callers queue up and are written together in
 * one transaction (group commit), so one fsync acknowledges many batches; each caller's future completes
 * only after that transaction committed.
 */
final class GroupCommitWriter<T> implements AutoCloseable {
    /** Upper bound on events per transaction, so one huge backlog does not hold the write lock for long. */
    private static final int MAX_EVENTS_PER_COMMIT = 20_000;

    private record Pending<T>(List<T> events, CompletableFuture<Void> done) {
    }

    /** Writes a list of events inside an open transaction. */
    interface TransactionBody<T> {
        void write(Connection connection, List<T> events) throws SQLException;
    }

    private final BlockingQueue<Pending<T>> queue = new LinkedBlockingQueue<>();
    private final Connection connection;
    private final TransactionBody<T> body;
    private final Runnable afterCommit;
    private final Thread thread;
    private volatile boolean running = true;

    GroupCommitWriter(Connection connection, TransactionBody<T> body) throws SQLException {
        this(connection, body, () -> { });
    }

    /** {@code afterCommit} runs on the writer thread after each successful commit, before callers are told. */
    GroupCommitWriter(Connection connection, TransactionBody<T> body, Runnable afterCommit) throws SQLException {
        this.connection = connection;
        this.body = body;
        this.afterCommit = afterCommit;
        connection.setAutoCommit(false);
        thread = new Thread(this::run, "jinju-sqlite-writer");
        thread.setDaemon(true);
        thread.start();
    }

    CompletableFuture<Void> submit(List<T> events) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        if (!running) {
            done.completeExceptionally(new StoreException("the embedded store is closed"));
            return done;
        }
        queue.add(new Pending<>(events, done));
        return done;
    }

    private void run() {
        List<Pending<T>> group = new ArrayList<>();
        while (running || !queue.isEmpty()) {
            try {
                Pending<T> first = queue.poll(200, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                group.add(first);
                int count = first.events().size();
                Pending<T> next;
                while (count < MAX_EVENTS_PER_COMMIT && (next = queue.peek()) != null) {
                    group.add(queue.poll());
                    count += next.events().size();
                }
                commit(group, count);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            } finally {
                group.clear();
            }
        }
    }

    private void commit(List<Pending<T>> group, int count) {
        List<T> all = new ArrayList<>(count);
        group.forEach(p -> all.addAll(p.events()));
        try {
            body.write(connection, all);
            connection.commit();
            try {
                afterCommit.run();
            } catch (RuntimeException e) {
                // The rows are durable: a failing listener must not turn the append into an error.
            }
            group.forEach(p -> p.done().complete(null));
        } catch (SQLException | RuntimeException e) {
            try {
                connection.rollback();
            } catch (SQLException ignored) {
                // The original failure is what the callers need to see.
            }
            StoreException failure = new StoreException("the embedded store could not write: " + e.getMessage(), e);
            group.forEach(p -> p.done().completeExceptionally(failure));
        }
    }

    @Override
    public void close() {
        running = false;
        try {
            thread.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
