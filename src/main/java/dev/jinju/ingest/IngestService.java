package dev.jinju.ingest;

import dev.jinju.event.LogEvent;
import dev.jinju.event.Source;
import dev.jinju.ingest.IngestException.Code;
import dev.jinju.ingest.limit.RateLimiter;
import dev.jinju.ingest.scrub.Scrubber;
import dev.jinju.project.ProjectDef;
import dev.jinju.project.ProjectRegistry;
import dev.jinju.store.AppendResult;
import dev.jinju.store.LogStore;
import dev.jinju.store.StoreException;
import dev.jinju.live.LiveEvents;
import dev.jinju.selfmonitor.JinjuMetrics;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The one ingest path behind both doors (GraphQL {@code ingest} and {@code POST /api/ingest}): checks the
 * project, environment and key, validates each event on its own, stores the good ones durably, and only then
 * answers with what was accepted and what was rejected and why.
 */
@ApplicationScoped
public class IngestService {
    private final ProjectRegistry projects;
    private final LogStore store;
    private final RateLimiter rateLimiter;
    private final Scrubber scrubber;
    private final JinjuMetrics metrics;
    private final LiveEvents live;

    public IngestService(ProjectRegistry projects, LogStore store, RateLimiter rateLimiter, Scrubber scrubber,
                         JinjuMetrics metrics, LiveEvents live) {
        this.projects = projects;
        this.store = store;
        this.rateLimiter = rateLimiter;
        this.scrubber = scrubber;
        this.metrics = metrics;
        this.live = live;
    }

    /** Ingests a batch; {@code origin} is the browser's Origin header, or null when not sent by a browser. */
    public IngestResult ingest(IngestBatch batch, String origin) {
        return ingest(batch, origin, java.util.Map.of());
    }

    /** As {@link #ingest(IngestBatch, String)}; {@code unreadable}: events (by index) the door could not read, and why. */
    public IngestResult ingest(IngestBatch batch, String origin, java.util.Map<Integer, String> unreadable) {
        try {
            IngestResult result = ingestCounted(batch, origin, unreadable);
            metrics.ingested(result.accepted());
            metrics.rejected("invalid_event", result.rejected().size());
            return result;
        } catch (IngestException e) {
            metrics.rejected(e.code().name(), batch == null || batch.events() == null ? 1 : batch.events().size());
            throw e;
        }
    }

    private IngestResult ingestCounted(IngestBatch batch, String origin, java.util.Map<Integer, String> unreadable) {
        authorize(batch, origin);
        List<IngestBatch.Event> in = batch.events() == null ? List.of() : batch.events();
        if (in.size() > IngestLimits.MAX_EVENTS_PER_BATCH) {
            throw new IngestException(Code.TOO_LARGE, "a batch holds at most " + IngestLimits.MAX_EVENTS_PER_BATCH
                    + " events; this one has " + in.size() + " (split it into several batches)");
        }
        long wait = rateLimiter.acquire(batch.project(), batch.key(), in.size());
        if (wait > 0) {
            throw new RateLimitedException("the ingest key of project '" + batch.project() + "' is over its rate limit"
                    + " (jinju.ingest.rate-limit): nothing of this batch was stored; retry in " + wait + " s", wait);
        }
        batch = scrubber.scrub(batch);
        in = batch.events() == null ? List.of() : batch.events();
        Instant now = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
        String source = batch.context() != null && batch.context().userAgent() != null
                ? Source.BROWSER.id() : Source.SERVER.id();
        String idPrefix = EventIds.batchPrefix(batch.project(), batch.environment(), batch.batchId());
        List<LogEvent> valid = new ArrayList<>(in.size());
        List<Integer> validIndex = new ArrayList<>(in.size());
        List<IngestResult.Rejection> rejected = new ArrayList<>();
        for (int i = 0; i < in.size(); i++) {
            if (unreadable.containsKey(i)) {
                rejected.add(new IngestResult.Rejection(i, unreadable.get(i)));
                continue;
            }
            try {
                valid.add(EventValidator.toEvent(batch, in.get(i), EventIds.id(idPrefix, i), source, now));
                validIndex.add(i);
            } catch (EventValidator.Invalid e) {
                rejected.add(new IngestResult.Rejection(i, e.getMessage()));
            }
        }
        AppendResult stored;
        try {
            stored = metrics.timeWrite(() -> store.append(valid));
        } catch (StoreException e) {
            throw new IngestException(Code.STORE_UNAVAILABLE, "events could not be stored, nothing was accepted: "
                    + e.getMessage());
        }
        for (AppendResult.Refused r : stored.refused()) {
            rejected.add(new IngestResult.Rejection(validIndex.get(r.index()), r.reason()));
        }
        live.publish(stored.refused().isEmpty() ? valid : storedOnly(valid, stored));
        rejected.sort((a, b) -> Integer.compare(a.index(), b.index()));
        return new IngestResult(valid.size() - stored.refused().size(), rejected);
    }

    private static List<LogEvent> storedOnly(List<LogEvent> valid, AppendResult stored) {
        java.util.Set<Integer> refused = new java.util.HashSet<>();
        stored.refused().forEach(r -> refused.add(r.index()));
        List<LogEvent> kept = new ArrayList<>(valid.size());
        for (int i = 0; i < valid.size(); i++) {
            if (!refused.contains(i)) {
                kept.add(valid.get(i));
            }
        }
        return kept;
    }

    private ProjectDef authorize(IngestBatch batch, String origin) {
        if (batch == null) {
            throw new IngestException(Code.BAD_REQUEST, "the request carries no batch");
        }
        require(batch.project(), "project");
        require(batch.environment(), "environment");
        require(batch.key(), "key");
        require(batch.batchId(), "batchId");
        if (batch.batchId().length() > 128) {
            throw new IngestException(Code.BAD_REQUEST, "batchId is longer than 128 characters");
        }
        ProjectDef project = projects.find(batch.project()).orElseThrow(() -> new IngestException(
                Code.UNKNOWN_PROJECT, "unknown project '" + EventValidator.clip(batch.project()) + "'"));
        if (!project.hasEnvironment(batch.environment())) {
            throw new IngestException(Code.UNKNOWN_ENVIRONMENT, "project '" + project.name()
                    + "' has no environment '" + EventValidator.clip(batch.environment()) + "' (it has "
                    + String.join(", ", project.environments()) + ")");
        }
        if (!project.acceptsKey(batch.key())) {
            throw new IngestException(Code.INVALID_KEY, "the ingest key is not valid for project '"
                    + project.name() + "'");
        }
        if (origin != null && !project.allowsOrigin(origin)) {
            throw new IngestException(Code.FORBIDDEN_ORIGIN, "origin " + EventValidator.clip(origin)
                    + " may not send events to project '" + project.name() + "'");
        }
        return project;
    }

    private static void require(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IngestException(Code.BAD_REQUEST, name + " is required");
        }
    }
}
