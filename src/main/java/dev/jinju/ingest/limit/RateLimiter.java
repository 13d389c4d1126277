package dev.jinju.ingest.limit;

import jakarta.enterprise.context.ApplicationScoped;

import java.util.concurrent.ConcurrentHashMap;

/** A token bucket per (project, ingest key); one token is one event. */
@ApplicationScoped
public class RateLimiter {
    private final RateLimitConfig config;
    private final ConcurrentHashMap<String, Bucket> buckets = new ConcurrentHashMap<>();

    public RateLimiter(RateLimitConfig config) {
        this.config = config;
    }

    /**
     * Takes {@code events} tokens from the key's bucket, or none: returns 0 when granted, otherwise the whole
     * seconds to wait before the same request can pass.
     */
    public long acquire(String project, String key, int events) {
        if (!config.enabled() || events <= 0) {
            return 0;
        }
        RateLimitConfig.Project p = config.projects().get(project);
        double rate = p != null && p.eventsPerSecond().isPresent() ? p.eventsPerSecond().getAsDouble() : config.eventsPerSecond();
        long burst = p != null && p.burst().isPresent() ? p.burst().getAsLong() : config.burst();
        Bucket bucket = buckets.computeIfAbsent(project + '\u0000' + key, k -> new Bucket(burst));
        return bucket.take(events, rate, burst, System.nanoTime());
    }

    static final class Bucket {
        private double tokens;
        private long last;

        Bucket(long burst) {
            tokens = burst;
            last = System.nanoTime();
        }

        synchronized long take(int n, double rate, long burst, long now) {
            tokens = Math.min(burst, tokens + (now - last) / 1e9 * rate);
            last = now;
            if (tokens >= n) {
                tokens -= n;
                return 0;
            }
            double missing = Math.min(n, burst) - tokens;
            return Math.max(1, (long) Math.ceil(missing / Math.max(rate, 1e-9)));
        }
    }
}
