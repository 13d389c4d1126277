package dev.jinju.bench;

/**
 * When the events of a batch happened, as clients send them. Live (the default): a batch holds the last
 * {@link #SPREAD_MILLIS} of a client's events, oldest first, sent at once; one batch in {@link #LATE_EVERY} is
 * late by up to an hour (a browser back online, a Lambda's retried flush). {@code --random-hour-timestamps}: every
 * event anywhere in the last hour, the worst case for every index on time (rounds 1–5 measured this way).
 */
record BatchTimes(boolean randomHour) {
    static final long SPREAD_MILLIS = 5_000;
    static final int LATE_EVERY = 50;
    static final long HOUR_MILLIS = 3_600_000;

    static BatchTimes fromArgs(java.util.List<String> args) {
        return new BatchTimes(args.contains("--random-hour-timestamps"));
    }

    /** The timestamp (epoch ms) of event {@code i} of {@code n} in the batch numbered {@code batch}, sent at {@code now}. */
    long of(long batch, int i, int n, long now) {
        if (randomHour) {
            return now - Math.floorMod(mix(batch * 64 + i), HOUR_MILLIS);
        }
        long late = batch % LATE_EVERY == 0 ? Math.floorMod(mix(batch), HOUR_MILLIS) : 0;
        return now - late - (n - 1 - i) * SPREAD_MILLIS / n;
    }

    /** A fixed scramble of a number (Stafford's mix 13): the same run gives the same times. */
    private static long mix(long x) {
        x = (x ^ (x >>> 30)) * 0xbf58476d1ce4e5b9L;
        x = (x ^ (x >>> 27)) * 0x94d049bb133111ebL;
        return x ^ (x >>> 31);
    }

    String describe() {
        return randomHour ? "every event's timestamp anywhere in the last hour (`--random-hour-timestamps`)"
                : "each batch holds the 5 s of a client's events before it is sent, oldest first; one batch in "
                        + LATE_EVERY + " is up to an hour late";
    }
}
