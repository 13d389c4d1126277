package dev.jinju.store.sqlite;

import dev.jinju.event.LogEvent;
import dev.jinju.query.QueryParser;
import dev.jinju.store.ExpectedResults;
import dev.jinju.store.SearchPage;
import dev.jinju.store.SearchScope;
import dev.jinju.store.index.IndexStatus;
import dev.jinju.store.index.TextIndex;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A child JVM appends to an indexed store (refreshing and committing every few milliseconds) and is killed
 * with SIGKILL mid-indexing. Reopened, the store finds every acknowledged event, answers text queries as the
 * evaluator does both before and after the index caught up, and holds each row once in the index.
 */
class IndexKillTest {
    @TempDir
    Path dir;

    private static List<String> searchAll(SqliteLogStore store, SearchScope scope) {
        List<String> found = new ArrayList<>();
        String cursor = null;
        do {
            SearchPage page = store.search(scope, 100, cursor);
            page.events().forEach(e -> found.add(e.id()));
            cursor = page.nextCursor();
        } while (cursor != null);
        return found;
    }

    private static SearchScope scope(String q) {
        return new SearchScope(List.of("/jinju/shop/prod", "/jinju/shop/dev"), IndexCrashChild.T0,
                IndexCrashChild.T0.plusSeconds(30 * 24 * 3600L), Set.of(), QueryParser.parse(q));
    }

    private static boolean committedOnce(Path index) throws IOException {
        if (!Files.isDirectory(index)) {
            return false;
        }
        try (Stream<Path> files = Files.list(index)) {
            return files.anyMatch(f -> f.getFileName().toString().startsWith("segments_"));
        }
    }

    @Test
    void killedWhileIndexingReopensWithTheSameAnswers() throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process child = new ProcessBuilder(java, "-Xmx256m", "-cp", System.getProperty("java.class.path"),
                IndexCrashChild.class.getName(), dir.toString()).redirectErrorStream(true).start();
        int acked = 0;
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            // Killed only once the index committed: on a busy machine 3 000 events can be acknowledged before the
            // first commit, and then there is no commit to reopen at.
            while ((acked < 3_000 || !committedOnce(dir.resolve("index"))) && (line = out.readLine()) != null) {
                if (line.startsWith("acked ")) {
                    acked = Integer.parseInt(line.substring(6));
                }
            }
            child.destroyForcibly();
            assertTrue(child.waitFor(30, TimeUnit.SECONDS));
        }
        assertTrue(acked >= 3_000, "the child acknowledged only " + acked + " events");
        long committed = TextIndex.committedWatermark(dir.resolve("index"));
        assertTrue(committed > 0, "the child committed the index at least once");

        SqliteLogStore store = IndexedStores.manual(dir);
        try {
            // What survived in SQLite: at least everything acknowledged (maybe a batch more).
            List<String> present = searchAll(store, scope(""));
            Set<String> presentIds = new HashSet<>(present);
            for (int i = 0; i < acked; i++) {
                assertTrue(presentIds.contains("c" + i), "acknowledged event c" + i + " is missing");
            }
            List<LogEvent> stored = new ArrayList<>();
            for (int i = 0; presentIds.contains("c" + i); i++) {
                stored.add(IndexCrashChild.event(i));
            }
            assertEquals(present.size(), stored.size());
            IndexStatus status = store.indexStatus();
            assertEquals(committed, status.searchableSeq(), "reopened at the last commit: " + status);
            assertEquals(stored.size(), status.storedSeq());

            List<String> queries = List.of("payment", "결제", "실패", "PaymentService", "id=4242", "pay*", "*Error",
                    "\"payment failed\"", "결제 level:>=error", "timeout OR http.status:502", "!결제 user");
            for (String q : queries) {
                assertEquals(ExpectedResults.ids(stored, scope(q)), searchAll(store, scope(q)), "before catching up: " + q);
            }
            store.awaitIndexed();
            var s = store.textIndex().acquire();
            try {
                assertEquals(stored.size(), s.searcher().getIndexReader().numDocs(), "each row indexed exactly once");
            } finally {
                store.textIndex().release(s);
            }
            for (String q : queries) {
                assertEquals(ExpectedResults.ids(stored, scope(q)), searchAll(store, scope(q)), "after catching up: " + q);
            }
        } finally {
            store.close();
        }
    }
}
