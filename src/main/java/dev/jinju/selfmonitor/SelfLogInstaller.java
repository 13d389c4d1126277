package dev.jinju.selfmonitor;

import dev.jinju.store.LogStore;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logmanager.LogContext;
import org.jboss.logmanager.Logger;

/**
 * Adds the {@link SelfLog} handler to the root logger at start-up (with {@code jinju.self-log.enabled}) and
 * removes it at shutdown; exposes {@code jinju.selflog.*} gauges.
 */
@ApplicationScoped
public class SelfLogInstaller {
    private SelfLog selfLog;

    void onStart(@Observes StartupEvent start, SelfMonitorConfig config, LogStore store, MeterRegistry metrics) {
        if (!config.selfLog().enabled()) {
            return;
        }
        selfLog = new SelfLog(store, config.selfLog().queueSize());
        selfLog.start();
        Logger root = LogContext.getLogContext().getLogger("");
        root.addHandler(selfLog.handler());
        SelfLog s = selfLog;
        Gauge.builder("jinju.selflog.dropped", s, SelfLog::dropped).description("Own log records dropped")
                .register(metrics);
        Gauge.builder("jinju.selflog.stored", s, SelfLog::stored).description("Own log records stored")
                .register(metrics);
        Gauge.builder("jinju.selflog.queued", s, SelfLog::queued).description("Own log records waiting")
                .register(metrics);
    }

    void onStop(@Observes ShutdownEvent stop) {
        if (selfLog != null) {
            LogContext.getLogContext().getLogger("").removeHandler(selfLog.handler());
            selfLog.stop();
        }
    }

    /** The running self log, or null when disabled. */
    public SelfLog selfLog() {
        return selfLog;
    }
}
