package dev.jinju.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * An acknowledged event survives SIGKILL: clients ingest concurrently, the server is killed mid-load, and after
 * a restart every event whose batch was acknowledged is found. The killed servers leave no copy of SQLite's
 * native library in their temp dir.
 */
class CrashRecoveryIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String[] PROJECT = {"jinju.projects.crash.environments=prod",
            "jinju.projects.crash.ingest-keys=crash-key", "jinju.ingest.rate-limit.enabled=false"};
    /** 20 kills at ~1-1.5 s of load each plus a ~2 s restart each: about a minute and a half on 2 cores. */
    static final int KILLS = Integer.getInteger("jinju.crash.kills", 20);

    @Test
    void acknowledgedEventsSurviveKillUnderLoad() throws Exception {
        Path dir = Path.of("target/it/crash-" + System.nanoTime());
        Files.createDirectories(dir);
        // A temp dir of its own: SIGKILLed servers must not leave SQLite's native library there.
        Path tmp = Files.createDirectories(dir.resolve("tmp"));
        String[] properties = Arrays.copyOf(PROJECT, PROJECT.length + 1);
        properties[PROJECT.length] = "java.io.tmpdir=" + tmp.toAbsolutePath();
        Set<String> acknowledged = ConcurrentHashMap.newKeySet();
        AtomicInteger batches = new AtomicInteger();
        for (int round = 0; round < KILLS; round++) {
            try (JinjuProcess jinju = JinjuProcess.start(dir.resolve("data"), dir.resolve("server.log"), properties)) {
                AtomicBoolean stop = new AtomicBoolean();
                ExecutorService clients = Executors.newFixedThreadPool(4);
                for (int c = 0; c < 4; c++) {
                    clients.submit(() -> {
                        while (!stop.get()) {
                            String batchId = "b" + batches.incrementAndGet();
                            try {
                                HttpResponse<String> r = jinju.post("/api/ingest", "text/plain", batch(batchId, 50));
                                if (r.statusCode() == 200 && JSON.readTree(r.body()).path("accepted").asInt() == 50) {
                                    for (int i = 0; i < 50; i++) {
                                        acknowledged.add(batchId + "/" + i);
                                    }
                                }
                            } catch (Exception killed) {
                                return null; // the server died mid-request: that batch was never acknowledged
                            }
                        }
                        return null;
                    });
                }
                Thread.sleep(500 + (round % 5) * 150L); // kill at varying points of the load
                jinju.kill();
                stop.set(true);
                clients.shutdown();
                assertTrue(clients.awaitTermination(60, TimeUnit.SECONDS));
            }
        }
        assertEquals(List.of(), extractedLibraries(tmp), "SQLite's native library left behind by killed servers");
        assertTrue(acknowledged.size() > 500, "the load actually ran: " + acknowledged.size());
        try (JinjuProcess jinju = JinjuProcess.start(dir.resolve("data"), dir.resolve("server.log"), properties)) {
            jinju.login();
            Set<String> stored = storedMessages(jinju);
            Set<String> lost = new HashSet<>(acknowledged);
            lost.removeAll(stored);
            assertEquals(Set.of(), lost, "acknowledged but lost after SIGKILL");
        }
    }

    /** sqlite-jdbc's extracted library and lock files, and Jinju's private directories for them, in {@code tmp}. */
    private static List<String> extractedLibraries(Path tmp) throws Exception {
        try (Stream<Path> files = Files.list(tmp)) {
            return files.map(f -> f.getFileName().toString())
                    .filter(n -> n.startsWith("sqlite-") || n.startsWith("jinju-sqlite-")).sorted().toList();
        }
    }

    private static String batch(String batchId, int n) throws Exception {
        List<Object> events = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            events.add(java.util.Map.of("timestamp", Instant.now().toString(), "level", "INFO",
                    "message", batchId + "/" + i));
        }
        return JSON.writeValueAsString(java.util.Map.of("key", "crash-key", "project", "crash", "environment", "prod",
                "batchId", batchId, "events", events));
    }

    private static Set<String> storedMessages(JinjuProcess jinju) throws Exception {
        Set<String> messages = new HashSet<>();
        String after = null;
        Instant now = Instant.now();
        do {
            String query = "{ events(filter: {groups: [\"/jinju/crash/prod\"], from: \"" + now.minusSeconds(3600)
                    + "\", to: \"" + now.plusSeconds(3600) + "\"}, first: 1000" + (after == null ? "" : ", after: \"" + after + "\"")
                    + ") { edges { node { message } } pageInfo { hasNextPage endCursor } } }";
            JsonNode r = JSON.readTree(jinju.graphql(query).body());
            JsonNode events = r.path("data").path("events");
            assertTrue(events.isObject(), r.toString());
            events.path("edges").forEach(e -> messages.add(e.path("node").path("message").asText()));
            after = events.path("pageInfo").path("hasNextPage").asBoolean() ? events.path("pageInfo").path("endCursor").asText() : null;
        } while (after != null);
        return messages;
    }
}
