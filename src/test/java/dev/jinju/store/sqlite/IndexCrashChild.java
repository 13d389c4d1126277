package dev.jinju.store.sqlite;

import dev.jinju.event.Http;
import dev.jinju.event.Level;
import dev.jinju.event.LogEvent;
import dev.jinju.event.LogGroups;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Run in a child JVM by {@link IndexKillTest}: appends numbered events forever to an indexed store that
 * refreshes and commits often, printing {@code acked N} after each append returns, until it is killed.
 */
public final class IndexCrashChild {
    static final Instant T0 = Instant.parse("2026-11-26T00:00:00Z");
    private static final String[] MESSAGES = {"payment failed for order", "결제가 실패했습니다", "user signed in",
            "TypeError: Cannot read properties of undefined", "결제실패 id=4242", "timeout after 3s"};

    private IndexCrashChild() {
    }

    /** Event number {@code i}: the same in the child and in the test that checks what survived. */
    static LogEvent event(int i) {
        String group = LogGroups.groupName("shop", i % 2 == 0 ? "prod" : "dev");
        Instant ts = T0.plusMillis(i * 997L);
        LogEvent.Builder b = LogEvent.builder().id("c" + i).group(group).project("shop")
                .environment(i % 2 == 0 ? "prod" : "dev").stream(LogGroups.streamName(ts)).timestamp(ts)
                .receivedAt(ts).level(Level.values()[i % 6]).message(MESSAGES[i % MESSAGES.length] + " " + i)
                .source("server");
        if (i % 3 == 0) {
            b.stackTrace("at com.example.PaymentService.charge(PaymentService.java:" + i + ")");
        }
        if (i % 4 == 0) {
            b.http(new Http("POST", 500 + i % 5));
        }
        return b.build();
    }

    public static void main(String[] args) {
        Path dir = Path.of(args[0]);
        SqliteLogStore store = IndexedStores.open(dir, Duration.ofMillis(5), Duration.ofMillis(30), false);
        int next = 0;
        while (true) {
            List<LogEvent> batch = new ArrayList<>();
            for (int k = 0; k < 25; k++) {
                batch.add(event(next++));
            }
            store.append(batch);
            System.out.println("acked " + next);
            System.out.flush();
        }
    }
}
