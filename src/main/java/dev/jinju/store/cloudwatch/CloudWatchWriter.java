package dev.jinju.store.cloudwatch;

import dev.jinju.store.AppendResult;
import dev.jinju.store.StoreException;
import org.jboss.logging.Logger;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsAsyncClient;
import software.amazon.awssdk.services.cloudwatchlogs.model.InputLogEvent;
import software.amazon.awssdk.services.cloudwatchlogs.model.PutLogEventsResponse;
import software.amazon.awssdk.services.cloudwatchlogs.model.RejectedLogEventsInfo;
import software.amazon.awssdk.services.cloudwatchlogs.model.ResourceAlreadyExistsException;
import software.amazon.awssdk.services.cloudwatchlogs.model.ResourceNotFoundException;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * Writes messages to log streams with group commit: every stream has one lane; appends to a stream queue up
 * while a PutLogEvents call for it is in flight and then go out together in the next call(s). Each submission's
 * future completes only when all its messages are accepted (or refused, with the reason, per message).
 * Log groups and streams are created on first use (tolerating {@code ResourceAlreadyExistsException} races, and
 * recreated if deleted meanwhile). Throttling, 5xx and connection failures are retried with exponential backoff
 * and jitter; since a timed-out call may have been applied, a retry can store an event twice, and readers
 * deduplicate by event id.
 */
final class CloudWatchWriter {
    private static final Logger LOG = Logger.getLogger(CloudWatchWriter.class);

    /** One message of a submission; {@code index} is the caller's index of that event. */
    record Item(int index, long timestamp, String message) {
    }

    private record Ref(Submission submission, int index) {
    }

    private static final class Submission {
        final List<Item> items;
        final CompletableFuture<List<AppendResult.Refused>> done = new CompletableFuture<>();
        final List<AppendResult.Refused> refused = Collections.synchronizedList(new ArrayList<>());
        volatile Throwable failure;

        Submission(List<Item> items) {
            this.items = items;
        }
    }

    private record StreamKey(String group, String stream) {
    }

    private static final class Lane {
        final ArrayDeque<Submission> queue = new ArrayDeque<>();
        boolean running;
    }

    private final CloudWatchLogsAsyncClient client;
    private final CloudWatchSettings settings;
    private final Map<StreamKey, Lane> lanes = new ConcurrentHashMap<>();
    private final Map<String, CompletableFuture<Void>> groups = new ConcurrentHashMap<>();
    private final Map<StreamKey, CompletableFuture<Void>> streams = new ConcurrentHashMap<>();
    /** Throttling answers seen (PutLogEvents, CreateLogGroup/Stream, PutRetentionPolicy), retried or not. */
    final java.util.concurrent.atomic.LongAdder throttles = new java.util.concurrent.atomic.LongAdder();

    CloudWatchWriter(CloudWatchLogsAsyncClient client, CloudWatchSettings settings) {
        this.client = client;
        this.settings = settings;
    }

    /** Queues {@code items} for one stream; completes with the refused ones once all are accepted or refused. */
    CompletableFuture<List<AppendResult.Refused>> submit(String group, String stream, List<Item> items) {
        Submission s = new Submission(items);
        StreamKey key = new StreamKey(group, stream);
        Lane lane = lanes.computeIfAbsent(key, k -> new Lane());
        synchronized (lane) {
            lane.queue.add(s);
        }
        kick(key, lane);
        return s.done;
    }

    private void kick(StreamKey key, Lane lane) {
        List<Submission> drained;
        synchronized (lane) {
            if (lane.running) {
                return;
            }
            if (lane.queue.isEmpty()) {
                lanes.remove(key, lane); // idle: hourly streams come and go (a late submit still drains its lane)
                return;
            }
            lane.running = true;
            drained = new ArrayList<>(lane.queue);
            lane.queue.clear();
        }
        CompletableFuture<Void> flushed;
        try {
            flushed = flush(key, drained);
        } catch (RuntimeException e) {
            flushed = CompletableFuture.failedFuture(e);
        }
        flushed.whenComplete((v, t) -> {
            for (Submission s : drained) {
                Throwable failure = s.failure != null ? s.failure : t;
                if (failure != null) {
                    s.done.completeExceptionally(failure);
                } else {
                    List<AppendResult.Refused> r = new ArrayList<>(s.refused);
                    r.sort((a, b) -> Integer.compare(a.index(), b.index()));
                    s.done.complete(r);
                }
            }
            synchronized (lane) {
                lane.running = false;
            }
            kick(key, lane);
        });
    }

    private CompletableFuture<Void> flush(StreamKey key, List<Submission> drained) {
        List<PutBatches.Entry<Ref>> entries = new ArrayList<>();
        for (Submission s : drained) {
            for (Item item : s.items) {
                entries.add(PutBatches.Entry.of(new Ref(s, item.index()), item.timestamp(), item.message()));
            }
        }
        PutBatches.Split<Ref> split = PutBatches.split(entries);
        for (PutBatches.Entry<Ref> e : split.tooLarge()) {
            e.ref().submission().refused.add(new AppendResult.Refused(e.ref().index(),
                    "event too large: " + e.size() + " bytes, CloudWatch Logs accepts at most "
                            + PutBatches.MAX_EVENT_BYTES + " bytes per event"));
        }
        CompletableFuture<Void> chain = split.batches().isEmpty()
                ? CompletableFuture.completedFuture(null) : ensureStream(key);
        for (List<PutBatches.Entry<Ref>> batch : split.batches()) {
            chain = chain.thenCompose(v -> putWithRetry(key, batch, 1)
                    .handle((resp, err) -> {
                        if (err != null) {
                            StoreException fail = new StoreException("PutLogEvents to " + key.group() + " "
                                    + key.stream() + " failed: " + unwrap(err).getMessage(), unwrap(err));
                            batch.forEach(e -> e.ref().submission().failure = fail);
                        } else {
                            mapRejections(batch, resp.rejectedLogEventsInfo());
                        }
                        return null;
                    }));
        }
        return chain;
    }

    /**
     * Why the event at position {@code i} of a call was rejected, or null. The end indexes are taken as inclusive:
     * AWS documents them ambiguously, and refusing an event that was in fact stored only makes the caller retry
     * it (harmless, reads deduplicate by id), whereas the other reading could acknowledge a lost event.
     */
    static String reason(int i, RejectedLogEventsInfo info) {
        if (info.tooNewLogEventStartIndex() != null && i >= info.tooNewLogEventStartIndex()) {
            return "timestamp too new: CloudWatch Logs accepts events at most 2 hours in the future";
        }
        if (info.expiredLogEventEndIndex() != null && i <= info.expiredLogEventEndIndex()) {
            return "timestamp expired: older than the log group's retention period";
        }
        if (info.tooOldLogEventEndIndex() != null && i <= info.tooOldLogEventEndIndex()) {
            return "timestamp too old: CloudWatch Logs accepts events at most 14 days old";
        }
        return null;
    }

    private static void mapRejections(List<PutBatches.Entry<Ref>> batch, RejectedLogEventsInfo info) {
        if (info == null) {
            return;
        }
        for (int i = 0; i < batch.size(); i++) {
            String why = reason(i, info);
            if (why != null) {
                Ref ref = batch.get(i).ref();
                ref.submission().refused.add(new AppendResult.Refused(ref.index(), why));
            }
        }
    }

    private CompletableFuture<PutLogEventsResponse> putWithRetry(StreamKey key, List<PutBatches.Entry<Ref>> batch,
                                                                 int attempt) {
        List<InputLogEvent> events = new ArrayList<>(batch.size());
        for (PutBatches.Entry<Ref> e : batch) {
            events.add(InputLogEvent.builder().timestamp(e.timestamp()).message(e.message()).build());
        }
        return client.putLogEvents(b -> b.logGroupName(key.group()).logStreamName(key.stream()).logEvents(events))
                .handle((resp, err) -> {
                    if (err == null) {
                        return CompletableFuture.completedFuture(resp);
                    }
                    Throwable cause = unwrap(err);
                    countThrottle(cause);
                    if (attempt >= settings.putAttempts()) {
                        return CompletableFuture.<PutLogEventsResponse>failedFuture(cause);
                    }
                    if (cause instanceof ResourceNotFoundException) {
                        streams.remove(key);
                        groups.remove(key.group());
                        return ensureStream(key).thenCompose(v -> putWithRetry(key, batch, attempt + 1));
                    }
                    if (!retryable(cause)) {
                        return CompletableFuture.<PutLogEventsResponse>failedFuture(cause);
                    }
                    long delay = backoff(attempt);
                    LOG.debugf("PutLogEvents %s %s attempt %d failed (%s), retrying in %d ms", key.group(),
                            key.stream(), attempt, cause.toString(), delay);
                    return CompletableFuture.supplyAsync(() -> null,
                                    CompletableFuture.delayedExecutor(delay, TimeUnit.MILLISECONDS))
                            .thenCompose(v -> putWithRetry(key, batch, attempt + 1));
                })
                .thenCompose(f -> f);
    }

    long backoff(int attempt) {
        long base = settings.retryBaseDelay().toMillis() << Math.min(attempt - 1, 10);
        long capped = Math.min(base, 5_000);
        return capped / 2 + ThreadLocalRandom.current().nextLong(capped / 2 + 1);
    }

    static boolean retryable(Throwable t) {
        if (t instanceof AwsServiceException ase) {
            return ase.isThrottlingException() || ase.statusCode() >= 500 || ase.statusCode() == 429;
        }
        return t instanceof SdkClientException || t instanceof java.io.IOException;
    }

    private void countThrottle(Throwable cause) {
        if (cause instanceof AwsServiceException ase && (ase.isThrottlingException() || ase.statusCode() == 429)) {
            throttles.increment();
        }
    }

    static Throwable unwrap(Throwable t) {
        while ((t instanceof CompletionException || t instanceof java.util.concurrent.ExecutionException)
                && t.getCause() != null) {
            t = t.getCause();
        }
        return t;
    }

    CompletableFuture<Void> ensureGroup(String group) {
        return groups.computeIfAbsent(group, g -> withRetry(() -> client.createLogGroup(b -> b.logGroupName(g))
                .handle((r, err) -> tolerateExists(err)).thenCompose(f -> f), 1)
                .whenComplete((v, err) -> {
                    if (err != null) {
                        groups.remove(g);
                    }
                }));
    }

    /** Known streams kept at most; past that the cache starts over (creating an existing stream is harmless). */
    static final int MAX_KNOWN_STREAMS = 10_000;

    private CompletableFuture<Void> ensureStream(StreamKey key) {
        if (streams.size() > MAX_KNOWN_STREAMS) {
            streams.clear();
        }
        return streams.computeIfAbsent(key, k -> ensureGroup(k.group())
                .thenCompose(v -> withRetry(() -> client.createLogStream(b -> b.logGroupName(k.group())
                        .logStreamName(k.stream())).handle((r, err) -> tolerateExists(err)).thenCompose(f -> f), 1))
                .whenComplete((v, err) -> {
                    if (err != null) {
                        streams.remove(k);
                    }
                }));
    }

    private CompletableFuture<Void> withRetry(java.util.function.Supplier<CompletableFuture<Void>> call, int attempt) {
        return call.get().handle((v, err) -> {
            if (err == null) {
                return CompletableFuture.<Void>completedFuture(null);
            }
            Throwable cause = unwrap(err);
            countThrottle(cause);
            if (attempt >= settings.putAttempts() || !retryable(cause)) {
                return CompletableFuture.<Void>failedFuture(cause);
            }
            return CompletableFuture.supplyAsync(() -> null,
                            CompletableFuture.delayedExecutor(backoff(attempt), TimeUnit.MILLISECONDS))
                    .thenCompose(x -> withRetry(call, attempt + 1));
        }).thenCompose(f -> f);
    }

    private static CompletableFuture<Void> tolerateExists(Throwable err) {
        if (err == null || unwrap(err) instanceof ResourceAlreadyExistsException) {
            return CompletableFuture.completedFuture(null);
        }
        return CompletableFuture.failedFuture(unwrap(err));
    }

    /** Valid retention values of PutRetentionPolicy; a requested number of days is rounded up to one of them. */
    static final int[] RETENTION_DAYS = {1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827,
            2192, 2557, 2922, 3288, 3653};

    static int validRetention(int days) {
        for (int d : RETENTION_DAYS) {
            if (d >= days) {
                return d;
            }
        }
        return RETENTION_DAYS[RETENTION_DAYS.length - 1];
    }

    CompletableFuture<Void> setRetention(String group, int days) {
        int valid = validRetention(days);
        return ensureGroup(group).thenCompose(v -> withRetry(() -> client.putRetentionPolicy(b -> b
                .logGroupName(group).retentionInDays(valid)).thenApply(r -> (Void) null), 1));
    }
}
