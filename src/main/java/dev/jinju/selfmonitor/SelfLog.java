package dev.jinju.selfmonitor;

import dev.jinju.event.Level;
import dev.jinju.event.LogEvent;
import dev.jinju.event.LogGroups;
import dev.jinju.event.Source;
import dev.jinju.ingest.Fingerprints;
import dev.jinju.store.LogStore;
import org.jboss.logmanager.ExtHandler;
import org.jboss.logmanager.ExtLogRecord;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Handler;

/**
 * Jinju's own WARN and ERROR log records as events of project {@code jinju}, environment {@code self}
 * (group {@code /jinju/jinju/self}). The handler only enqueues (bounded; overflow is dropped and counted), a
 * worker thread stores. No feedback loop: records logged on the worker thread are ignored (a thread-local guard),
 * and after a failed store the worker pauses, dropping what arrives meanwhile, with a back-off that doubles up to
 * a minute, so a store that logs its own failure cannot make the self log spin.
 */
public final class SelfLog {
    public static final String PROJECT = "jinju";
    public static final String ENVIRONMENT = "self";
    public static final String GROUP = LogGroups.groupName(PROJECT, ENVIRONMENT);
    static final int BATCH = 200;
    static final long MIN_PAUSE_MS = 1_000;
    static final long MAX_PAUSE_MS = 60_000;
    private static final ThreadLocal<Boolean> GUARD = ThreadLocal.withInitial(() -> false);

    private final LogStore store;
    private final BlockingQueue<LogEvent> queue;
    private final AtomicLong dropped = new AtomicLong();
    private final AtomicLong stored = new AtomicLong();
    private final AtomicLong failures = new AtomicLong();
    private final Handler handler = new Enqueuer();
    private volatile boolean running;
    private volatile long pausedUntil;
    private long pause = MIN_PAUSE_MS;
    private Thread worker;

    public SelfLog(LogStore store, int capacity) {
        this.store = store;
        this.queue = new ArrayBlockingQueue<>(Math.max(1, capacity));
    }

    /** The JBoss LogManager handler to add to a logger (the root logger in production). */
    public Handler handler() {
        return handler;
    }

    public long dropped() {
        return dropped.get();
    }

    public long stored() {
        return stored.get();
    }

    public long failures() {
        return failures.get();
    }

    public int queued() {
        return queue.size();
    }

    public synchronized void start() {
        if (running) {
            return;
        }
        running = true;
        worker = new Thread(this::run, "jinju-self-log");
        worker.setDaemon(true);
        worker.start();
    }

    public synchronized void stop() {
        running = false;
        if (worker != null) {
            worker.interrupt();
            try {
                worker.join(2_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            worker = null;
        }
    }

    /** Runs {@code r} with the guard up: whatever it logs is not taken into the self log. */
    public static void guarded(Runnable r) {
        boolean before = GUARD.get();
        GUARD.set(true);
        try {
            r.run();
        } finally {
            GUARD.set(before);
        }
    }

    private final class Enqueuer extends ExtHandler {
        Enqueuer() {
            setLevel(java.util.logging.Level.WARNING);
        }

        @Override
        protected void doPublish(ExtLogRecord record) {
            if (GUARD.get() || record.getLevel().intValue() < java.util.logging.Level.WARNING.intValue()) {
                return;
            }
            if (!running || System.currentTimeMillis() < pausedUntil) {
                dropped.incrementAndGet();
                return;
            }
            GUARD.set(true); // formatting may log (a toString that warns); never recurse
            try {
                if (!queue.offer(toEvent(record))) {
                    dropped.incrementAndGet();
                }
            } catch (RuntimeException e) {
                dropped.incrementAndGet();
            } finally {
                GUARD.set(false);
            }
        }
    }

    private void run() {
        GUARD.set(true);
        List<LogEvent> batch = new ArrayList<>(BATCH);
        while (running) {
            try {
                LogEvent first = queue.poll(500, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.clear();
                batch.add(first);
                queue.drainTo(batch, BATCH - 1);
                store.append(batch);
                stored.addAndGet(batch.size());
                pause = MIN_PAUSE_MS;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException | Error e) {
                // Dropped, not retried: the store failing is itself the likely cause of more records coming in.
                failures.incrementAndGet();
                dropped.addAndGet(batch.size() + queue.size());
                queue.clear();
                pausedUntil = System.currentTimeMillis() + pause;
                pause = Math.min(MAX_PAUSE_MS, pause * 2);
            }
        }
    }

    static LogEvent toEvent(ExtLogRecord r) {
        Instant ts = Instant.ofEpochMilli(r.getMillis()).truncatedTo(ChronoUnit.MILLIS);
        Level level = r.getLevel().intValue() >= java.util.logging.Level.SEVERE.intValue()
                ? (r.getLevel().getName().equals("FATAL") ? Level.FATAL : Level.ERROR) : Level.WARN;
        String message = r.getFormattedMessage();
        if (message == null || message.isBlank()) {
            message = r.getThrown() != null ? String.valueOf(r.getThrown()) : "(no message)";
        }
        String stack = null;
        if (r.getThrown() != null) {
            StringWriter w = new StringWriter();
            r.getThrown().printStackTrace(new PrintWriter(w));
            stack = w.toString();
            if (stack.length() > 32_000) {
                stack = stack.substring(0, 32_000);
            }
        }
        if (message.length() > 8_000) {
            message = message.substring(0, 8_000);
        }
        Map<String, Object> extra = new HashMap<>();
        extra.put("logger", r.getLoggerName() == null ? "" : r.getLoggerName());
        extra.put("thread", r.getThreadName() == null ? "" : r.getThreadName());
        LogEvent e = LogEvent.builder().id(UUID.randomUUID().toString().replace("-", "")).group(GROUP)
                .stream(LogGroups.streamName(ts)).project(PROJECT).environment(ENVIRONMENT).timestamp(ts)
                .receivedAt(ts).level(level).type("log").message(message).stackTrace(stack)
                .location(r.getLoggerName()).source(Source.SERVER.id()).extra(extra).build();
        return e.toBuilder().fingerprint(Fingerprints.of(e)).build();
    }
}
