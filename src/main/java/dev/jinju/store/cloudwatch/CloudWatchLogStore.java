package dev.jinju.store.cloudwatch;

import dev.jinju.event.Level;
import dev.jinju.event.LogEvent;
import dev.jinju.event.LogGroups;
import dev.jinju.query.Query;
import dev.jinju.store.AppendResult;
import dev.jinju.store.HistogramBucket;
import dev.jinju.store.LogGroupInfo;
import dev.jinju.store.LogStore;
import dev.jinju.store.SearchPage;
import dev.jinju.store.SearchScope;
import dev.jinju.store.StoreException;
import org.jboss.logging.Logger;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsAsyncClient;
import software.amazon.awssdk.services.cloudwatchlogs.model.FilterLogEventsRequest;
import software.amazon.awssdk.services.cloudwatchlogs.model.FilterLogEventsResponse;
import software.amazon.awssdk.services.cloudwatchlogs.model.FilteredLogEvent;
import software.amazon.awssdk.services.cloudwatchlogs.model.GetQueryResultsResponse;
import software.amazon.awssdk.services.cloudwatchlogs.model.OutputLogEvent;
import software.amazon.awssdk.services.cloudwatchlogs.model.QueryStatus;
import software.amazon.awssdk.services.cloudwatchlogs.model.ResourceNotFoundException;
import software.amazon.awssdk.services.cloudwatchlogs.model.ResultField;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Consumer;

/**
 * {@link LogStore} on CloudWatch Logs (SPEC §3, §5).
 *
 * <ul>
 * <li>Writes: each event as one {@link EventMessages} message into {@code /jinju/{project}/{environment}}, hourly
 * stream of its occurrence, through {@link CloudWatchWriter} (group commit, batch limits, retries).</li>
 * <li>Reads: FilterLogEvents per group, narrowed by the hourly stream names and a {@link FilterPatternCompiler}
 * pattern on Jinju's groups (none on Lambda groups, whose lines are plain text), then the reference
 * {@link EventMatcher}, levels and exact time range applied to what comes back, duplicates (retried puts)
 * dropped by event id. Pages come newest first: the range is read in time windows backwards from {@code to}
 * (FilterLogEvents returns oldest first, so each window is read whole and sorted), and the cursor says which
 * window and how far into it.</li>
 * <li>Histograms: Logs Insights ({@code histogram-mode=insights}, Jinju groups only) or a bounded scan.</li>
 * <li>Outbox (optional, {@link CloudWatchOutbox}): when CloudWatch is unreachable or throttles beyond the writer's
 * retries, an append's events go to a local durable SQLite outbox and are acknowledged once that commit is durable;
 * while the outbox holds anything, new appends go there too (so that delivery stays in order). A background
 * drainer delivers the rows in outbox order, grouped per stream, and deletes them only once PutLogEvents accepted
 * them (at least once: a lost answer may store a duplicate, which readers drop by id). Searches, {@link #event}
 * and {@link #logGroups} include the events still waiting there; histograms count only what reached CloudWatch.</li>
 * </ul>
 * Built with a client and settings, no CDI needed (tests subclass it).
 */
public class CloudWatchLogStore implements LogStore, AutoCloseable {
    private static final Logger LOG = Logger.getLogger(CloudWatchLogStore.class);
    /** First window of a search; windows grow while they are sparse. */
    static final long FIRST_WINDOW_MILLIS = 60L * 60 * 1000;
    /** Lambda's longest invocation: how far back the START of a line's invocation can be. */
    static final long LAMBDA_LOOKBACK_MILLIS = 15L * 60 * 1000;
    /** FilterLogEvents accepts at most this many logStreamNames. */
    static final int MAX_STREAM_NAMES = 100;
    /** Newest first by millisecond (the precision CloudWatch keeps), then by id descending. */
    private static final Comparator<LogEvent> NEWEST_FIRST = Comparator
            .comparingLong((LogEvent e) -> e.timestamp().toEpochMilli()).thenComparing(LogEvent::id).reversed();

    protected final CloudWatchLogsAsyncClient client;
    protected final CloudWatchSettings settings;
    protected final LambdaMapping lambdaMapping;
    protected final EventMatcher matcher;
    final CloudWatchWriter writer;
    /** Null when there is no outbox: then an unreachable CloudWatch fails the append. */
    final CloudWatchOutbox outbox;
    private final java.util.concurrent.ScheduledExecutorService drainer;
    /** Rows the drainer reads per round. */
    static final int DRAIN_BATCH = 5_000;
    /** Timestamps CloudWatch accepts: at most 14 days old, 2 hours in the future (checked before the outbox). */
    static final long MAX_AGE_MILLIS = 14L * 24 * 60 * 60 * 1000;
    static final long MAX_FUTURE_MILLIS = 2L * 60 * 60 * 1000;

    /** For CDI's client proxy only. */
    protected CloudWatchLogStore() {
        this(null, CloudWatchSettings.defaults(), LambdaMapping.NONE, DefaultMatcher.INSTANCE);
    }

    public CloudWatchLogStore(CloudWatchLogsAsyncClient client, CloudWatchSettings settings, LambdaMapping mapping) {
        this(client, settings, mapping, DefaultMatcher.INSTANCE);
    }

    public CloudWatchLogStore(CloudWatchLogsAsyncClient client, CloudWatchSettings settings, LambdaMapping mapping,
                              EventMatcher matcher) {
        this(client, settings, mapping, matcher, null);
    }

    /**
     * With {@code outbox} (may be null) the store owns it: it starts a drainer thread delivering its rows every
     * {@link CloudWatchOutbox#drainInterval()} and closes it on {@link #close()}.
     */
    public CloudWatchLogStore(CloudWatchLogsAsyncClient client, CloudWatchSettings settings, LambdaMapping mapping,
                              EventMatcher matcher, CloudWatchOutbox outbox) {
        this.client = client;
        this.settings = settings;
        this.lambdaMapping = mapping == null ? LambdaMapping.NONE : mapping;
        this.matcher = matcher;
        this.writer = new CloudWatchWriter(client, settings);
        this.outbox = outbox;
        if (outbox != null) {
            drainer = java.util.concurrent.Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "jinju-cloudwatch-outbox-drainer");
                t.setDaemon(true);
                return t;
            });
            long every = Math.max(1, outbox.drainInterval().toMillis());
            drainer.scheduleWithFixedDelay(this::drainQuietly, 0, every, java.util.concurrent.TimeUnit.MILLISECONDS);
        } else {
            drainer = null;
        }
    }

    @Override
    public void close() {
        // the client is owned by whoever built it; the outbox by this store
        if (drainer != null) {
            drainer.shutdownNow();
            try {
                drainer.awaitTermination(10, java.util.concurrent.TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            outbox.close();
        }
    }

    /** Events waiting in the outbox for CloudWatch (0 without an outbox). */
    public long outboxDepth() {
        return outbox == null ? 0 : outbox.depth();
    }

    /** Throttling answers the writer has seen. */
    public long throttles() {
        return writer.throttles.sum();
    }

    // ---------------------------------------------------------------- outbox

    private void drainQuietly() {
        try {
            drain();
        } catch (RuntimeException e) {
            LOG.warnf("CloudWatch outbox: %d events wait, delivery failed: %s", outbox.depth(), e.getMessage());
        }
    }

    /**
     * Delivers the outbox's rows, oldest first, grouped per stream, deleting each stream's rows once PutLogEvents
     * accepted them; rows CloudWatch refuses for good (e.g. timestamp too old by now) are deleted with a warning.
     * Stops at the first round in which a stream could not be delivered (retried on the next run).
     *
     * @return whether the outbox is empty
     */
    boolean drain() {
        while (!Thread.currentThread().isInterrupted()) {
            List<CloudWatchOutbox.Row> rows = outbox.oldest(DRAIN_BATCH);
            if (rows.isEmpty()) {
                return true;
            }
            Map<List<String>, List<CloudWatchOutbox.Row>> byStream = new LinkedHashMap<>();
            for (CloudWatchOutbox.Row r : rows) {
                byStream.computeIfAbsent(List.of(r.group(), r.stream()), k -> new ArrayList<>()).add(r);
            }
            Map<List<String>, CompletableFuture<List<AppendResult.Refused>>> pending = new LinkedHashMap<>();
            byStream.forEach((k, streamRows) -> {
                List<CloudWatchWriter.Item> items = new ArrayList<>(streamRows.size());
                for (int i = 0; i < streamRows.size(); i++) {
                    items.add(new CloudWatchWriter.Item(i, streamRows.get(i).timestamp(), streamRows.get(i).message()));
                }
                pending.put(k, writer.submit(k.get(0), k.get(1), items));
            });
            StoreException failed = null;
            for (Map.Entry<List<String>, CompletableFuture<List<AppendResult.Refused>>> p : pending.entrySet()) {
                List<CloudWatchOutbox.Row> streamRows = byStream.get(p.getKey());
                List<AppendResult.Refused> refused;
                try {
                    refused = await(p.getValue());
                } catch (StoreException e) {
                    failed = failed == null ? e : failed;
                    continue;
                }
                for (AppendResult.Refused r : refused) {
                    LOG.warnf("CloudWatch refused outbox event %s of %s %s for good: %s",
                            streamRows.get(r.index()).id(), p.getKey().get(0), p.getKey().get(1), r.reason());
                }
                outbox.delete(streamRows.stream().map(CloudWatchOutbox.Row::seq).toList());
            }
            if (failed != null) {
                throw failed;
            }
        }
        return false;
    }

    /** Whether a failed put should go to the outbox: CloudWatch unreachable, 5xx or throttling. */
    static boolean outboxable(Throwable t) {
        Throwable cause = CloudWatchWriter.unwrap(t);
        if (cause instanceof StoreException && cause.getCause() != null) {
            cause = CloudWatchWriter.unwrap(cause.getCause());
        }
        return CloudWatchWriter.retryable(cause);
    }

    // ---------------------------------------------------------------- writing

    @Override
    public AppendResult append(List<LogEvent> events) {
        GroupListing listing = groupListing;
        if (listing != null && events.stream().anyMatch(e -> e.group() != null && !listing.names().contains(e.group()))) {
            groupListing = null; // a new group: the next listing must show it
        }
        List<AppendResult.Refused> refused = new ArrayList<>();
        Map<List<String>, List<CloudWatchWriter.Item>> byStream = new LinkedHashMap<>();
        List<CloudWatchOutbox.Row> rows = new ArrayList<>(); // for the outbox, in the caller's order
        boolean direct = outbox == null || outbox.depth() == 0;
        Instant now = Instant.now();
        for (int i = 0; i < events.size(); i++) {
            LogEvent e = events.get(i);
            String problem = problem(e);
            if (problem != null) {
                refused.add(new AppendResult.Refused(i, problem));
                continue;
            }
            String group = e.project() != null && e.environment() != null
                    ? LogGroups.groupName(e.project(), e.environment()) : e.group();
            String stream = LogGroups.streamName(e.timestamp());
            LogEvent stored = e.toBuilder().id(e.id() == null ? UUID.randomUUID().toString() : e.id())
                    .group(group).stream(stream).receivedAt(e.receivedAt() == null ? now : e.receivedAt()).build();
            String json;
            try {
                json = EventMessages.write(stored);
            } catch (IllegalArgumentException ex) {
                refused.add(new AppendResult.Refused(i, ex.getMessage()));
                continue;
            }
            long ts = e.timestamp().toEpochMilli();
            if (outbox != null) {
                // what the writer would refuse must not be acknowledged into the outbox
                int size = PutBatches.Entry.of(null, ts, json).size();
                String why = size > PutBatches.MAX_EVENT_BYTES ? "event too large: " + size
                        + " bytes, CloudWatch Logs accepts at most " + PutBatches.MAX_EVENT_BYTES + " bytes per event"
                        : ts < now.toEpochMilli() - MAX_AGE_MILLIS
                        ? "timestamp too old: CloudWatch Logs accepts events at most 14 days old"
                        : ts > now.toEpochMilli() + MAX_FUTURE_MILLIS
                        ? "timestamp too new: CloudWatch Logs accepts events at most 2 hours in the future" : null;
                if (why != null) {
                    refused.add(new AppendResult.Refused(i, why));
                    continue;
                }
                rows.add(new CloudWatchOutbox.Row(0, stored.id(), group, stream, ts, json));
            }
            byStream.computeIfAbsent(List.of(group, stream), k -> new ArrayList<>())
                    .add(new CloudWatchWriter.Item(i, ts, json));
        }
        if (!direct) {
            // earlier events wait in the outbox: queue behind them, so that each stream is delivered in order
            outbox.add(rows);
        } else {
            Map<List<String>, CompletableFuture<List<AppendResult.Refused>>> pending = new LinkedHashMap<>();
            byStream.forEach((k, items) -> pending.put(k, writer.submit(k.get(0), k.get(1), items)));
            Set<List<String>> undelivered = new java.util.HashSet<>();
            StoreException failure = null;
            for (Map.Entry<List<String>, CompletableFuture<List<AppendResult.Refused>>> p : pending.entrySet()) {
                try {
                    refused.addAll(await(p.getValue()));
                } catch (StoreException e) {
                    if (outbox != null && outboxable(e)) {
                        undelivered.add(p.getKey());
                    } else if (failure == null) {
                        failure = e;
                    }
                }
            }
            if (failure != null) {
                throw failure;
            }
            if (!undelivered.isEmpty()) {
                List<CloudWatchOutbox.Row> kept = rows.stream()
                        .filter(r -> undelivered.contains(List.of(r.group(), r.stream()))).toList();
                outbox.add(kept); // durable when it returns, else throws: nothing acknowledged
                LOG.debugf("CloudWatch unavailable: %d events kept in the outbox", kept.size());
            }
        }
        refused.sort(Comparator.comparingInt(AppendResult.Refused::index));
        return refused.isEmpty() ? AppendResult.ALL_STORED : new AppendResult(refused);
    }

    private static String problem(LogEvent e) {
        if (e == null) {
            return "event missing";
        }
        if (e.timestamp() == null) {
            return "timestamp missing";
        }
        if (e.level() == null) {
            return "level missing";
        }
        if (e.project() == null || e.environment() == null) {
            if (e.group() == null || !e.group().startsWith(LogGroups.JINJU_PREFIX)) {
                return "project and environment missing";
            }
        } else if (!validName(e.project()) || !validName(e.environment())) {
            return "project and environment may only contain letters, digits, '_', '-' and '.'";
        }
        return null;
    }

    private static boolean validName(String s) {
        return !s.isEmpty() && s.length() <= 200 && s.matches("[A-Za-z0-9_.-]+");
    }

    /** Sets the retention of a project's log group (created if missing), rounded up to a value AWS accepts. */
    public void setRetention(String project, String environment, int days) {
        retain(LogGroups.groupName(project, environment), days);
    }

    @Override
    public void retain(String group, int days) {
        await(writer.setRetention(group, days));
    }

    // ---------------------------------------------------------------- log groups

    @Override
    public List<LogGroupInfo> logGroups() {
        // Every search validates its groups against this list: without the cache each one would page through
        // DescribeLogGroups first. Groups this store creates drop the cache (append); others appear within 30 s.
        GroupListing listing = groupListing;
        if (listing == null || listing.expires() < System.nanoTime()) {
            List<LogGroupInfo> fresh = describeAllGroups();
            listing = new GroupListing(fresh, fresh.stream().map(LogGroupInfo::name).collect(
                    java.util.stream.Collectors.toUnmodifiableSet()), System.nanoTime() + GROUP_LISTING_TTL_NANOS);
            groupListing = listing;
        }
        return listing.groups();
    }

    /** A DescribeLogGroups listing, reused until it expires. */
    private record GroupListing(List<LogGroupInfo> groups, java.util.Set<String> names, long expires) {
    }

    private static final long GROUP_LISTING_TTL_NANOS = 30_000_000_000L;
    private volatile GroupListing groupListing;

    private List<LogGroupInfo> describeAllGroups() {
        Map<String, LogGroupInfo> out = new TreeMap<>();
        Consumer<String> jinju = name -> {
            String[] parts = name.substring(LogGroups.JINJU_PREFIX.length()).split("/");
            if (parts.length == 2) {
                out.put(name, new LogGroupInfo(name, parts[0], parts[1]));
            }
        };
        describeGroups(LogGroups.JINJU_PREFIX, jinju);
        if (outbox != null) {
            outbox.groups().stream().filter(CloudWatchLogStore::isJinju).forEach(jinju);
        }
        for (String prefix : lambdaMapping.allPrefixes()) {
            describeGroups(LogGroups.LAMBDA_PREFIX + prefix, name -> lambdaMapping
                    .lookup(name.substring(LogGroups.LAMBDA_PREFIX.length()))
                    .ifPresent(t -> out.put(name, new LogGroupInfo(name, t.project(), t.environment()))));
        }
        return List.copyOf(out.values());
    }

    private void describeGroups(String prefix, Consumer<String> names) {
        await(client.describeLogGroupsPaginator(b -> b.logGroupNamePrefix(prefix))
                .subscribe(page -> page.logGroups().forEach(g -> {
                    if (g.logGroupName().startsWith(prefix)) {
                        names.accept(g.logGroupName());
                    }
                })));
    }

    // ---------------------------------------------------------------- search

    @Override
    public SearchPage search(SearchScope scope, int limit, String cursor) {
        if (limit <= 0) {
            throw new IllegalArgumentException("limit must be positive");
        }
        long from = scope.from().toEpochMilli();
        long to = scope.to().toEpochMilli();
        if (scope.groups().isEmpty() || from >= to) {
            return new SearchPage(List.of(), null);
        }
        SearchCursor c = cursor == null || cursor.isEmpty()
                ? new SearchCursor(to, Math.min(FIRST_WINDOW_MILLIS, to - from), null, null)
                : SearchCursor.decode(cursor);
        long end = Math.min(c.windowEnd(), to);
        long size = c.windowSize();
        Long afterTs = c.afterTimestamp();
        String afterId = c.afterId();
        List<LogEvent> page = new ArrayList<>();
        while (end > from) {
            long start = Math.max(from, end - size);
            List<LogEvent> window;
            try {
                window = window(scope, start, end, size > 1);
            } catch (WindowTooLarge tooLarge) {
                size = Math.max(1, size / 2);
                continue;
            }
            int first = 0;
            if (afterTs != null) {
                while (first < window.size() && !comesAfter(window.get(first), afterTs, afterId)) {
                    first++;
                }
            }
            int n = Math.min(limit - page.size(), window.size() - first);
            page.addAll(window.subList(first, first + n));
            if (first + n < window.size()) {
                LogEvent last = page.get(page.size() - 1);
                return new SearchPage(page, new SearchCursor(end, size, last.timestamp().toEpochMilli(), last.id())
                        .encode());
            }
            end = start;
            afterTs = null;
            afterId = null;
            if (window.size() < limit / 2) {
                size = Math.min(size * 2, 7L * 24 * 60 * 60 * 1000); // sparse: read further back at once
            }
            if (page.size() >= limit) {
                break;
            }
        }
        return new SearchPage(page, end > from ? new SearchCursor(end, size, null, null).encode() : null);
    }

    /** Whether {@code e} comes after the event (timestamp, id) in newest-first order. */
    private static boolean comesAfter(LogEvent e, long timestamp, String id) {
        long t = e.timestamp().toEpochMilli();
        return t < timestamp || (t == timestamp && e.id().compareTo(id) < 0);
    }

    /** Thrown when a window holds more raw events than {@code scanLimit}: it is split. */
    static final class WindowTooLarge extends RuntimeException {
        WindowTooLarge() {
            super(null, null, false, false);
        }
    }

    /** Every event of the scope in [start, end), deduplicated by id, newest first. */
    List<LogEvent> window(SearchScope scope, long start, long end, boolean splittable) {
        long from = scope.from().toEpochMilli();
        long to = scope.to().toEpochMilli();
        int[] budget = {splittable ? settings.scanLimit() : Integer.MAX_VALUE};
        Map<String, LogEvent> byId = new LinkedHashMap<>();
        for (String group : new LinkedHashSet<>(scope.groups())) {
            for (LogEvent e : readGroup(group, start, end, scope.query(), scope.levels(), budget)) {
                long t = e.timestamp().toEpochMilli();
                if (t >= Math.max(from, start) && t < Math.min(to, end) && scope.levelAllowed(e.level())
                        && matcher.matches(scope.query(), e)) {
                    byId.putIfAbsent(e.id(), e);
                }
            }
            if (outbox != null) {
                for (CloudWatchOutbox.Row r : outbox.inRange(group, Math.max(from, start), Math.min(to, end))) {
                    EventMessages.read(r.message()).filter(e -> scope.levelAllowed(e.level())
                            && matcher.matches(scope.query(), e)).ifPresent(e -> byId.putIfAbsent(e.id(), e));
                }
            }
        }
        List<LogEvent> out = new ArrayList<>(byId.values());
        out.sort(NEWEST_FIRST);
        return out;
    }

    static boolean isJinju(String group) {
        return group.startsWith(LogGroups.JINJU_PREFIX);
    }

    /** Reads a group's events in [start, end), parsed, before the evaluator (pattern-narrowed on Jinju groups). */
    List<LogEvent> readGroup(String group, long start, long end, Query query, Set<Level> levels, int[] budget) {
        FilterLogEventsRequest.Builder req = FilterLogEventsRequest.builder().logGroupName(group)
                .startTime(start).endTime(end - 1);
        if (isJinju(group)) {
            FilterPatternCompiler.compile(query, levels).ifPresent(req::filterPattern);
            List<String> streams = hourlyStreams(start, end);
            if (streams.size() <= MAX_STREAM_NAMES) {
                req.logStreamNames(streams);
            } else {
                req.logStreamNamePrefix(commonPrefix(streams.get(0), streams.get(streams.size() - 1)));
            }
        }
        List<FilteredLogEvent> raw = filterAll(req.build(), budget);
        if (isJinju(group)) {
            List<LogEvent> out = new ArrayList<>(raw.size());
            for (FilteredLogEvent f : raw) {
                EventMessages.read(f.message()).ifPresent(out::add);
            }
            return out;
        }
        return parseLambda(group, raw, start);
    }

    /** Lambda lines grouped per stream in time order, each invocation's request id carried to its lines. */
    List<LogEvent> parseLambda(String group, List<FilteredLogEvent> raw, long windowStart) {
        Optional<LambdaMapping.Target> target = group.startsWith(LogGroups.LAMBDA_PREFIX)
                ? lambdaMapping.lookup(group.substring(LogGroups.LAMBDA_PREFIX.length())) : Optional.empty();
        String project = target.map(LambdaMapping.Target::project).orElse(null);
        String env = target.map(LambdaMapping.Target::environment).orElse(null);
        Map<String, List<LambdaLogParser.RawLine>> byStream = new LinkedHashMap<>();
        for (FilteredLogEvent f : raw) {
            byStream.computeIfAbsent(f.logStreamName(), k -> new ArrayList<>()).add(new LambdaLogParser.RawLine(
                    group, f.logStreamName(), f.eventId(), f.timestamp(), f.ingestionTime(), f.message()));
        }
        List<LogEvent> out = new ArrayList<>();
        byStream.forEach((stream, lines) -> {
            lines.sort(Comparator.comparingLong(LambdaLogParser.RawLine::timestamp));
            String initial = null;
            for (LambdaLogParser.RawLine l : lines) {
                if (LambdaLogParser.isStart(l.message()) || LambdaLogParser.isEnd(l.message())) {
                    break;
                }
                if (LambdaLogParser.ownRequestId(l.message()).isEmpty()) {
                    initial = invocationBefore(group, stream, windowStart);
                    break;
                }
            }
            out.addAll(LambdaLogParser.parseStream(lines, project, env, initial));
        });
        return out;
    }

    /** The request id of the invocation in progress in a Lambda stream at {@code time}, if any. */
    String invocationBefore(String group, String stream, long time) {
        List<OutputLogEvent> before = new ArrayList<>();
        try {
            await(client.getLogEvents(b -> b.logGroupName(group).logStreamName(stream)
                    .startTime(time - LAMBDA_LOOKBACK_MILLIS).endTime(time).startFromHead(false).limit(200))
                    .thenAccept(r -> before.addAll(r.events())));
        } catch (StoreException e) {
            LOG.debugf("lookback in %s %s failed: %s", group, stream, e.getMessage());
            return null;
        }
        for (int i = before.size() - 1; i >= 0; i--) {
            String msg = before.get(i).message();
            if (before.get(i).timestamp() >= time) {
                continue;
            }
            if (LambdaLogParser.isEnd(msg)) {
                return null;
            }
            if (LambdaLogParser.isStart(msg)) {
                return LambdaLogParser.ownRequestId(msg).orElse(null);
            }
        }
        return null;
    }

    private List<FilteredLogEvent> filterAll(FilterLogEventsRequest request, int[] budget) {
        List<FilteredLogEvent> out = new ArrayList<>();
        String token = null;
        do {
            FilterLogEventsRequest r = token == null ? request : request.toBuilder().nextToken(token).build();
            FilterLogEventsResponse resp;
            try {
                resp = await(client.filterLogEvents(r));
            } catch (StoreException e) {
                if (e.getCause() instanceof ResourceNotFoundException) {
                    return out; // group or streams not created yet: nothing there
                }
                throw e;
            }
            out.addAll(resp.events());
            budget[0] -= resp.events().size();
            if (budget[0] < 0) {
                throw new WindowTooLarge();
            }
            token = resp.nextToken();
        } while (token != null);
        return out;
    }

    static List<String> hourlyStreams(long start, long end) {
        List<String> names = new ArrayList<>();
        long hour = 60L * 60 * 1000;
        for (long t = Math.floorDiv(start, hour) * hour; t < end; t += hour) {
            names.add(LogGroups.streamName(Instant.ofEpochMilli(t)));
            if (names.size() > MAX_STREAM_NAMES) {
                names.add(LogGroups.streamName(Instant.ofEpochMilli(Math.floorDiv(end - 1, hour) * hour)));
                break;
            }
        }
        return names;
    }

    static String commonPrefix(String a, String b) {
        int i = 0;
        while (i < a.length() && i < b.length() && a.charAt(i) == b.charAt(i)) {
            i++;
        }
        return a.substring(0, i);
    }

    // ---------------------------------------------------------------- one event

    @Override
    public Optional<LogEvent> event(String id) {
        Optional<String[]> lambda = LambdaLogParser.decodeId(id);
        if (lambda.isPresent()) {
            String[] p = lambda.get();
            long ts = Long.parseLong(p[2]);
            FilterLogEventsRequest req = FilterLogEventsRequest.builder().logGroupName(p[0])
                    .logStreamNames(p[1]).startTime(ts).endTime(ts).build();
            List<FilteredLogEvent> raw = filterAll(req, new int[]{Integer.MAX_VALUE});
            return parseLambda(p[0], raw, ts).stream().filter(e -> e.id().equals(id)).findFirst();
        }
        if (outbox != null) {
            Optional<LogEvent> waiting = outbox.byId(id).flatMap(r -> EventMessages.read(r.message()));
            if (waiting.isPresent()) {
                return waiting;
            }
        }
        String pattern = id.matches("[A-Za-z0-9_.:-]+") ? "{ $.id = \"" + id + "\" }" : null;
        for (LogGroupInfo g : logGroups()) {
            if (!isJinju(g.name())) {
                continue;
            }
            FilterLogEventsRequest.Builder req = FilterLogEventsRequest.builder().logGroupName(g.name());
            if (pattern != null) {
                req.filterPattern(pattern);
            }
            for (FilteredLogEvent f : filterAll(req.build(), new int[]{Integer.MAX_VALUE})) {
                Optional<LogEvent> e = EventMessages.read(f.message()).filter(x -> x.id().equals(id));
                if (e.isPresent()) {
                    return e;
                }
            }
        }
        return Optional.empty();
    }

    // ---------------------------------------------------------------- histogram

    @Override
    public List<HistogramBucket> histogram(SearchScope scope, int buckets) {
        if (buckets <= 0) {
            throw new IllegalArgumentException("buckets must be positive");
        }
        long from = scope.from().toEpochMilli();
        long to = scope.to().toEpochMilli();
        List<Map<Level, Long>> counts = new ArrayList<>();
        for (int i = 0; i < buckets; i++) {
            counts.add(new EnumMap<>(Level.class));
        }
        if (!scope.groups().isEmpty() && from < to) {
            boolean insights = settings.histogramMode() == CloudWatchSettings.HistogramMode.insights
                    && scope.groups().stream().allMatch(CloudWatchLogStore::isJinju);
            if (!insights || !insightsHistogram(scope, buckets, counts)) {
                scanHistogram(scope, buckets, counts);
            }
        }
        List<HistogramBucket> out = new ArrayList<>(buckets);
        for (int i = 0; i < buckets; i++) {
            out.add(new HistogramBucket(Instant.ofEpochMilli(bucketStart(from, to, buckets, i)),
                    Instant.ofEpochMilli(bucketStart(from, to, buckets, i + 1)), counts.get(i)));
        }
        return out;
    }

    static long bucketStart(long from, long to, int buckets, int i) {
        return from + Math.floorDiv((to - from) * i, buckets);
    }

    static int bucketOf(long from, long to, int buckets, long t) {
        return (int) Math.min(buckets - 1, Math.floorDiv((t - from) * buckets, Math.max(1, to - from)));
    }

    /** Raw lines one histogram scan reads at most, as a multiple of {@code scanLimit}. */
    static final int HISTOGRAM_SCAN_FACTOR = 10;

    /**
     * Counts by scanning: FilterLogEvents (pattern-narrowed) and the evaluator. Bounded: after
     * {@code scanLimit * HISTOGRAM_SCAN_FACTOR} raw lines the counts so far are returned (and a warning logged).
     */
    void scanHistogram(SearchScope scope, int buckets, List<Map<Level, Long>> counts) {
        long from = scope.from().toEpochMilli();
        long to = scope.to().toEpochMilli();
        int[] budget = {(int) Math.min(Integer.MAX_VALUE, (long) settings.scanLimit() * HISTOGRAM_SCAN_FACTOR)};
        Set<String> seen = new java.util.HashSet<>();
        for (String group : new LinkedHashSet<>(scope.groups())) {
            List<LogEvent> events;
            try {
                events = readGroup(group, from, to, scope.query(), scope.levels(), budget);
            } catch (WindowTooLarge e) {
                LOG.warnf("histogram scan of %s stopped after %d lines: counts are partial", scope.groups(),
                        (long) settings.scanLimit() * HISTOGRAM_SCAN_FACTOR);
                return;
            }
            for (LogEvent e : events) {
                long t = e.timestamp().toEpochMilli();
                if (t >= from && t < to && scope.levelAllowed(e.level()) && matcher.matches(scope.query(), e)
                        && seen.add(e.id())) {
                    counts.get(bucketOf(from, to, buckets, t)).merge(e.level(), 1L, Long::sum);
                }
            }
        }
    }

    private static final DateTimeFormatter INSIGHTS_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS");

    /** Counts with Logs Insights; false when the query failed or timed out (the caller scans instead). */
    boolean insightsHistogram(SearchScope scope, int buckets, List<Map<Level, Long>> counts) {
        long from = scope.from().toEpochMilli();
        long to = scope.to().toEpochMilli();
        String query = InsightsQueryCompiler.histogram(scope.query(), scope.levels(), scope.from(), scope.to(),
                buckets);
        boolean bin = InsightsQueryCompiler.usesBin(scope.from(), scope.to(), buckets);
        try {
            String queryId = await(client.startQuery(b -> b.logGroupNames(new TreeSet<>(scope.groups()))
                    .startTime(Math.floorDiv(from, 1000)).endTime(Math.floorDiv(to - 1, 1000) + 1)
                    .queryString(query).limit(10_000))).queryId();
            long deadline = System.nanoTime() + settings.insightsTimeout().toNanos();
            GetQueryResultsResponse r;
            long delay = 200;
            while (true) {
                r = await(client.getQueryResults(b -> b.queryId(queryId)));
                if (r.status() == QueryStatus.COMPLETE) {
                    break;
                }
                if (r.status() != QueryStatus.RUNNING && r.status() != QueryStatus.SCHEDULED) {
                    LOG.warnf("Insights query %s ended %s; scanning instead", queryId, r.status());
                    return false;
                }
                if (System.nanoTime() > deadline) {
                    client.stopQuery(b -> b.queryId(queryId));
                    LOG.warnf("Insights query %s timed out; scanning instead", queryId);
                    return false;
                }
                Thread.sleep(delay);
                delay = Math.min(delay * 2, 2000);
            }
            boolean understood = r.results().isEmpty();
            for (List<ResultField> row : r.results()) {
                Map<String, String> f = new HashMap<>();
                row.forEach(x -> f.put(x.field(), x.value()));
                Optional<Level> level = Level.parse(f.get("level"));
                String bucket = f.get(bin ? "bin(" + (to - from) / buckets / 1000 + "s)" : "bucket");
                if (level.isEmpty() || bucket == null || f.get("n") == null) {
                    continue;
                }
                understood = true;
                int index;
                if (bin) {
                    long t = LocalDateTime.parse(bucket, INSIGHTS_TIME).toInstant(ZoneOffset.UTC).toEpochMilli();
                    index = bucketOf(from, to, buckets, t);
                } else {
                    index = (int) Double.parseDouble(bucket);
                }
                if (index >= 0 && index < buckets) {
                    counts.get(index).merge(level.get(), (long) Double.parseDouble(f.get("n")), Long::sum);
                }
            }
            if (!understood) {
                LOG.warnf("Insights query %s answered rows without bucket/level/n; scanning instead", queryId);
                counts.forEach(Map::clear);
            }
            return understood;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (RuntimeException e) {
            LOG.warnf("Insights histogram failed (%s); scanning instead", e.toString());
            counts.forEach(Map::clear);
            return false;
        }
    }

    // ---------------------------------------------------------------- helpers

    static <T> T await(CompletableFuture<T> f) {
        try {
            return f.join();
        } catch (CompletionException | java.util.concurrent.CancellationException e) {
            Throwable cause = CloudWatchWriter.unwrap(e);
            if (cause instanceof StoreException se) {
                throw se;
            }
            throw new StoreException("CloudWatch Logs: " + cause.getMessage(), cause);
        }
    }
}
