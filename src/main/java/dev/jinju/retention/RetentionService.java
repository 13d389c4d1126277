package dev.jinju.retention;

import dev.jinju.event.LogGroups;
import dev.jinju.project.ProjectDef;
import dev.jinju.project.ProjectRegistry;
import dev.jinju.store.LogStore;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

/**
 * Applies {@code jinju.projects.<p>.retention-days} to every environment's log group, a minute after start and
 * then hourly ({@code jinju.retention.delay}, {@code jinju.retention.every}): the embedded store deletes older
 * events (SQLite, rollup and index together), CloudWatch gets the group's retention policy.
 */
@ApplicationScoped
public class RetentionService {
    private static final Logger LOG = Logger.getLogger(RetentionService.class);

    private final ProjectRegistry projects;
    private final LogStore store;

    public RetentionService(ProjectRegistry projects, LogStore store) {
        this.projects = projects;
        this.store = store;
    }

    @Scheduled(every = "${jinju.retention.every:1h}", delayed = "${jinju.retention.delay:1m}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        applyAll();
    }

    /** Applies every project's retention now; returns how many groups it applied to. */
    public int applyAll() {
        int applied = 0;
        for (ProjectDef p : projects.all()) {
            if (p.retentionDays().isEmpty()) {
                continue;
            }
            for (String env : p.environments()) {
                String group = LogGroups.groupName(p.name(), env);
                try {
                    store.retain(group, p.retentionDays().get());
                    applied++;
                } catch (RuntimeException e) {
                    LOG.warnf("retention of %s could not be applied: %s", group, e.getMessage());
                }
            }
        }
        return applied;
    }
}
