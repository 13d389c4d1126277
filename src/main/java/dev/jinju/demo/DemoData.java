package dev.jinju.demo;

import dev.jinju.event.LogGroups;
import dev.jinju.ingest.IngestBatch;
import dev.jinju.ingest.IngestService;
import dev.jinju.project.CoreConfig;
import dev.jinju.project.ProjectRegistry;
import dev.jinju.store.LogStore;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** With {@code jinju.demo=true}, fills the {@code demo} project with a day of realistic events, once per data dir. */
@ApplicationScoped
public class DemoData {
    private static final Logger LOG = Logger.getLogger(DemoData.class);
    static final int EVENTS_PER_ENVIRONMENT = 2_500;

    void onStart(@Observes StartupEvent start, CoreConfig config, LogStore store, IngestService ingest) {
        if (!config.demo()) {
            return;
        }
        String production = LogGroups.groupName(ProjectRegistry.DEMO, "production");
        if (store.logGroups().stream().anyMatch(g -> g.name().equals(production))) {
            return;
        }
        Instant now = Instant.now();
        int total = 0;
        for (String env : List.of("production", "staging")) {
            total += fill(ingest, env, now, new Random(env.hashCode()));
        }
        LOG.infof("Demo data: %d events in project 'demo' (production, staging), ingest key '%s'", total,
                ProjectRegistry.DEMO_KEY);
    }

    private static int fill(IngestService ingest, String env, Instant now, Random random) {
        DemoEvents generator = new DemoEvents(random, now);
        int accepted = 0;
        int count = env.equals("production") ? EVENTS_PER_ENVIRONMENT : EVENTS_PER_ENVIRONMENT / 2;
        for (int batch = 0; batch * 500 < count; batch++) {
            List<IngestBatch.Event> events = new ArrayList<>();
            for (int i = 0; i < 500 && batch * 500 + i < count; i++) {
                events.add(generator.next());
            }
            if (batch == 0 && env.equals("production")) {
                events.add(generator.xssProbe());
            }
            IngestBatch b = new IngestBatch(ProjectRegistry.DEMO_KEY, ProjectRegistry.DEMO, env,
                    "demo-" + now.toEpochMilli() + "-" + batch, new IngestBatch.Context(null,
                    "Mozilla/5.0 (X11; Linux x86_64) Chrome/130.0 Safari/537.36", null, "web@1.4.2", null), events);
            accepted += ingest.ingest(b, null).accepted();
        }
        return accepted;
    }
}
