package dev.jinju.ingest.scrub;

import dev.jinju.ingest.IngestBatch;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Applies each project's {@link ScrubRules} to a batch in {@code IngestService}, before validation and storage. */
@ApplicationScoped
public class Scrubber {
    private final ScrubConfig config;
    private final Map<String, java.util.Optional<ScrubRules>> byProject = new ConcurrentHashMap<>();

    public Scrubber(ScrubConfig config) {
        this.config = config;
    }

    java.util.Optional<ScrubRules> rules(String project) {
        return byProject.computeIfAbsent(project == null ? "" : project, p -> {
            ScrubConfig.Project o = config.projects().get(p);
            boolean enabled = o != null && o.enabled().isPresent() ? o.enabled().get() : config.enabled();
            if (!enabled) {
                return java.util.Optional.empty();
            }
            List<String> extra = new ArrayList<>(config.extraKeys().orElse(List.of()));
            List<String> safe = new ArrayList<>(config.safeKeys().orElse(List.of()));
            if (o != null) {
                extra.addAll(o.extraKeys().orElse(List.of()));
                safe.addAll(o.safeKeys().orElse(List.of()));
            }
            return java.util.Optional.of(new ScrubRules(extra, safe,
                    o != null && o.emails().isPresent() ? o.emails().get() : config.emails(),
                    o != null && o.ips().isPresent() ? o.ips().get() : config.ips()));
        });
    }

    public IngestBatch scrub(IngestBatch batch) {
        java.util.Optional<ScrubRules> r = rules(batch.project());
        return r.isEmpty() ? batch : scrub(r.get(), batch);
    }

    /** A copy of the batch with every text field and the {@code extra} of every event scrubbed. */
    public static IngestBatch scrub(ScrubRules r, IngestBatch b) {
        IngestBatch.Context c = b.context();
        IngestBatch.Context ctx = c == null ? null : new IngestBatch.Context(r.text(c.url()), r.text(c.userAgent()),
                user(r, c.user()), r.text(c.release()), r.text(c.pageViewId()));
        List<IngestBatch.Event> events = null;
        if (b.events() != null) {
            events = new ArrayList<>(b.events().size());
            for (IngestBatch.Event e : b.events()) {
                events.add(e == null ? null : new IngestBatch.Event(e.timestamp(), e.level(), r.text(e.type()),
                        r.text(e.code()), r.text(e.message()), r.text(e.stackTrace()), r.text(e.url()),
                        r.text(e.location()), e.componentTrace() == null ? null
                        : e.componentTrace().stream().map(r::text).toList(), e.http(), user(r, e.user()),
                        r.text(e.requestId()), r.map(e.extra())));
            }
        }
        return new IngestBatch(b.key(), b.project(), b.environment(), b.batchId(), ctx, events);
    }

    private static IngestBatch.UserData user(ScrubRules r, IngestBatch.UserData u) {
        return u == null ? null : new IngestBatch.UserData(r.text(u.id()), r.text(u.email()), r.text(u.name()));
    }
}
