package dev.jinju.alert;

import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Sends a notification to a rule's channels, trying a failing channel again with doubling back-off; each
 * delivery and each final failure is recorded in the alert history and counted in metrics
 * ({@code jinju.alert.notifications}, {@code jinju.alert.channel.failures}, {@code jinju.alert.channel.retries}).
 */
@ApplicationScoped
public class ChannelDispatcher {
    private static final Logger LOG = Logger.getLogger(ChannelDispatcher.class);

    private final AlertsConfig config;
    private final AlertStore store;
    private final MeterRegistry metrics;
    private final Map<String, ChannelSender> senders;

    public ChannelDispatcher(AlertsConfig config, AlertStore store, MeterRegistry metrics, HttpChannels http,
                             EmailChannel email) {
        this.config = config;
        this.store = store;
        this.metrics = metrics;
        this.senders = Map.of("slack", http::sendSlack, "webhook", http::sendWebhook, "email", email);
    }

    /** The configured channels' names and types (never their URLs or recipients). */
    public Map<String, String> channelTypes() {
        Map<String, String> out = new TreeMap<>();
        config.channels().forEach((name, ch) -> out.put(name, ch.type()));
        return out;
    }

    /** Delivers {@code n} to each channel; answers how many channels failed after every retry. */
    public int dispatch(List<String> channels, AlertNotification n, Instant at) {
        int failed = 0;
        for (String name : channels) {
            if (!deliver(name, n, at)) {
                failed++;
            }
        }
        return failed;
    }

    private boolean deliver(String name, AlertNotification n, Instant at) {
        AlertsConfig.ChannelConfig ch = config.channels().get(name);
        String type = ch == null ? "unknown" : ch.type();
        ChannelSender sender = ch == null ? null : senders.get(type);
        String error;
        if (sender == null) {
            error = ch == null ? "no channel named '" + name + "' is configured"
                    : "channel type '" + type + "' is not one of slack, email, webhook";
        } else {
            error = null;
            int attempts = Math.max(1, config.retryAttempts());
            Duration backoff = config.retryBackoff();
            for (int attempt = 1; attempt <= attempts; attempt++) {
                try {
                    sender.send(name, ch, n);
                    error = null;
                    break;
                } catch (Exception e) {
                    error = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
                    if (attempt < attempts) {
                        metrics.counter("jinju.alert.channel.retries", "channel", name, "type", type).increment();
                        if (!sleep(backoff.multipliedBy(1L << (attempt - 1)))) {
                            break;
                        }
                    }
                }
            }
        }
        String kind = n.kind() == AlertNotification.Kind.FIRED ? "firing" : "resolved";
        if (error == null) {
            metrics.counter("jinju.alert.notifications", "channel", name, "type", type, "outcome", "sent").increment();
            store.record(n.rule(), at, AlertHistoryEntry.Kind.NOTIFIED, n.count(), n.title(), n.fingerprint(), name,
                    type + ": " + kind + " sent");
            return true;
        }
        metrics.counter("jinju.alert.notifications", "channel", name, "type", type, "outcome", "failed").increment();
        metrics.counter("jinju.alert.channel.failures", "channel", name, "type", type).increment();
        store.record(n.rule(), at, AlertHistoryEntry.Kind.NOTIFY_FAILED, n.count(), n.title(), n.fingerprint(), name,
                type + ": " + error);
        LOG.warnf("Alert %s: channel %s (%s) failed: %s", n.rule(), name, type, error);
        return false;
    }

    private static boolean sleep(Duration d) {
        try {
            Thread.sleep(d.toMillis());
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
