package dev.jinju.store.sqlite;

import dev.jinju.store.Events;

import dev.jinju.event.EventJson;
import dev.jinju.event.Level;
import dev.jinju.event.LogEvent;
import dev.jinju.event.LogGroups;
import dev.jinju.query.EventArbitraries;
import dev.jinju.query.Query;
import dev.jinju.query.QueryArbitraries;
import dev.jinju.query.QueryParser;
import dev.jinju.query.text.TextQueries;
import dev.jinju.store.ExpectedResults;
import dev.jinju.store.HistogramBucket;
import dev.jinju.store.SearchPage;
import dev.jinju.store.SearchScope;
import dev.jinju.store.index.Searcher;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Rows as schema version 2 wrote them (the whole event as JSON in {@code body}, no {@code text_z}) still read,
 * search and index as before once the store migrated the file, side by side with rows in the new form.
 */
class OldFormatRowsTest {
    private static final String PROD = LogGroups.groupName("shop", "prod");
    private static final String DEV = LogGroups.groupName("shop", "dev");
    private static final Instant T0 = Instant.parse("2026-11-26T00:00:00Z");

    /** The schema as migrations 1 and 2 left it, before text_z. */
    private static final String VERSION_2 = """
            CREATE TABLE log_groups (id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE, project TEXT NOT NULL,
              environment TEXT NOT NULL);
            CREATE TABLE events (seq INTEGER PRIMARY KEY AUTOINCREMENT, id TEXT NOT NULL, grp INTEGER NOT NULL,
              ts INTEGER NOT NULL, level INTEGER NOT NULL, type TEXT, http_status INTEGER, body TEXT NOT NULL);
            CREATE UNIQUE INDEX events_id ON events(id);
            CREATE INDEX events_grp_ts ON events(grp, ts);
            CREATE INDEX events_grp_level_ts ON events(grp, level, ts);
            CREATE TABLE rollup (grp INTEGER NOT NULL, minute INTEGER NOT NULL, level INTEGER NOT NULL,
              count INTEGER NOT NULL, PRIMARY KEY (grp, minute, level)) WITHOUT ROWID;
            PRAGMA user_version = 2
            """;

    @TempDir
    Path dir;
    private SqliteLogStore store;

    @AfterEach
    void close() {
        if (store != null) {
            store.close();
        }
    }

    private static LogEvent event(String id, String group, int second, Level level, String message, String stack) {
        return Events.event(id, group, T0.plusSeconds(second), level, message, stack).toBuilder().type("error").build();
    }

    /** Messages and stack traces of every kind: Korean, long, null, empty, stack only. */
    private static List<LogEvent> kinds(String prefix, int offset) {
        String npe = "java.lang.NullPointerException\n\tat com.example.PaymentService.charge(PaymentService.java:42)";
        return List.of(
                event(prefix + 1, PROD, offset + 1, Level.ERROR, "결제가 실패했습니다", null),
                event(prefix + 2, PROD, offset + 2, Level.ERROR, "결제실패 id=4242 " + "주문 처리 중 오류 ".repeat(40), npe),
                event(prefix + 3, DEV, offset + 3, Level.WARN, "payment failed", npe),
                event(prefix + 4, PROD, offset + 4, Level.INFO, "payment failed for order 9 💳", null),
                event(prefix + 5, DEV, offset + 5, Level.ERROR, null, "TypeError: x is undefined\n    at Cart.vue:3:1"),
                event(prefix + 6, PROD, offset + 6, Level.DEBUG, "", ""),
                event(prefix + 7, DEV, offset + 7, Level.INFO, null, null),
                event(prefix + 8, PROD, offset + 8, Level.FATAL, "Order 9 checkout ok", ""));
    }

    /** Writes {@code events} into a new version-2 database file with raw SQL, as that version's store did. */
    private static void createVersion2(Path db, List<LogEvent> events) throws SQLException {
        try (Connection c = SqliteTestFiles.dataSource(db).getConnection()) {
            try (Statement s = c.createStatement()) {
                for (String sql : VERSION_2.split(";\\s*\n")) {
                    s.execute(sql);
                }
            }
            Map<String, Integer> groups = new HashMap<>();
            for (LogEvent e : events) {
                if (!groups.containsKey(e.group())) {
                    try (PreparedStatement ps = c.prepareStatement(
                            "INSERT INTO log_groups(name, project, environment) VALUES (?,?,?) RETURNING id")) {
                        ps.setString(1, e.group());
                        ps.setString(2, e.project());
                        ps.setString(3, e.environment());
                        try (ResultSet rs = ps.executeQuery()) {
                            rs.next();
                            groups.put(e.group(), rs.getInt(1));
                        }
                    }
                }
                try (PreparedStatement ps = c.prepareStatement("INSERT INTO events(id, grp, ts, level, type, "
                        + "http_status, body) VALUES (?,?,?,?,?,?,?)")) {
                    ps.setString(1, e.id());
                    ps.setInt(2, groups.get(e.group()));
                    ps.setLong(3, e.timestamp().toEpochMilli());
                    ps.setInt(4, e.level().ordinal());
                    ps.setString(5, e.type());
                    ps.setObject(6, e.http() == null ? null : e.http().status());
                    ps.setString(7, EventJson.write(e));
                    ps.executeUpdate();
                }
                try (PreparedStatement ps = c.prepareStatement("INSERT INTO rollup(grp, minute, level, count) "
                        + "VALUES (?,?,?,1) ON CONFLICT(grp, minute, level) DO UPDATE SET count = count + 1")) {
                    ps.setInt(1, groups.get(e.group()));
                    ps.setLong(2, Math.floorDiv(e.timestamp().toEpochMilli(), 60_000L));
                    ps.setInt(3, e.level().ordinal());
                    ps.executeUpdate();
                }
            }
        }
    }

    private static SearchScope scope(String query) {
        return scope(QueryParser.parse(query));
    }

    private static SearchScope scope(Query query) {
        return new SearchScope(List.of(PROD, DEV), T0.minusSeconds(86_400), T0.plusSeconds(86_400), Set.of(), query);
    }

    private List<LogEvent> searchAll(SearchScope scope) {
        return searchAll(scope, 3);
    }

    private List<LogEvent> searchAll(SearchScope scope, int pageSize) {
        List<LogEvent> found = new ArrayList<>();
        String cursor = null;
        do {
            SearchPage page = store.search(scope, pageSize, cursor);
            found.addAll(page.events());
            cursor = page.nextCursor();
        } while (cursor != null);
        return found;
    }

    private static List<String> ids(List<LogEvent> events) {
        return events.stream().map(LogEvent::id).toList();
    }

    private int indexHits(String query) throws IOException {
        Searcher s = store.textIndex().acquire();
        try {
            return s.searcher().count(TextQueries.toLucene(QueryParser.parse(query)));
        } finally {
            store.textIndex().release(s);
        }
    }

    private List<Object[]> rows(String sql) throws SQLException {
        List<Object[]> rows = new ArrayList<>();
        try (Connection c = SqliteTestFiles.dataSource(dir.resolve("jinju.db")).getConnection();
             Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                Object[] row = new Object[rs.getMetaData().getColumnCount()];
                for (int i = 0; i < row.length; i++) {
                    row[i] = rs.getObject(i + 1);
                }
                rows.add(row);
            }
        }
        return rows;
    }

    @Test
    void oldRowsReadSearchAndIndexBesideNewOnes() throws Exception {
        List<LogEvent> old = kinds("old", 0);
        createVersion2(dir.resolve("jinju.db"), old);
        store = IndexedStores.manual(dir); // never refreshes on its own: searches scan rows until awaitIndexed()
        List<LogEvent> fresh = kinds("new", 100);
        store.append(fresh);
        List<LogEvent> all = new ArrayList<>(old);
        all.addAll(fresh);

        assertEquals(3, ((Number) rows("PRAGMA user_version").get(0)[0]).intValue());
        for (Object[] r : rows("SELECT id, text_z IS NULL, json_extract(body, '$.message') IS NULL, "
                + "json_extract(body, '$.stackTrace') IS NULL FROM events")) {
            boolean isOld = r[0].toString().startsWith("old");
            assertEquals(isOld ? 1 : 0, ((Number) r[1]).intValue(), "text_z of " + r[0]);
            if (!isOld) {
                assertEquals(1, ((Number) r[2]).intValue(), "a new body has no message: " + r[0]);
                assertEquals(1, ((Number) r[3]).intValue(), "a new body has no stack trace: " + r[0]);
            }
        }

        for (LogEvent e : all) {
            assertEquals(e, store.event(e.id()).orElseThrow(), e.id());
        }
        List<String> queries = List.of("", "결제", "실패", "PaymentService", "NullPointerException",
                "\"payment failed\"", "message:\"payment failed\"", "message:*실패*", "message:Order*", "has:message",
                "!has:message", "has:stackTrace", "-has:stackTrace", "stackTrace:*PaymentService*", "level:error 결제",
                "message:\"payment failed\" OR stackTrace:*Cart.vue*", "💳", "주문");
        for (String q : queries) {
            List<String> expected = ExpectedResults.ids(all, scope(q));
            assertEquals(expected, ids(searchAll(scope(q))), "scanning rows: " + q);
            assertEquals(expected.size(), store.histogram(scope(q), 5).stream().mapToLong(HistogramBucket::total).sum(),
                    "histogram: " + q);
        }
        assertFalse(ExpectedResults.ids(all, scope("message:*실패*")).isEmpty(), "the queries do select something");
        assertEquals(all.stream().sorted((a, b) -> b.timestamp().compareTo(a.timestamp())).toList(),
                searchAll(scope("")), "events found by search are the events written");

        store.awaitIndexed();
        assertEquals(0, store.indexStatus().lagEvents());
        for (String q : queries) {
            List<String> expected = ExpectedResults.ids(all, scope(q));
            assertEquals(expected, ids(searchAll(scope(q))), "through the index: " + q);
        }
        for (String q : List.of("결제", "실패", "PaymentService", "NullPointerException", "\"payment failed\"",
                "undefined", "checkout")) {
            assertEquals(ExpectedResults.ids(all, scope(q)).size(), indexHits(q), "index documents: " + q);
        }
        assertTrue(indexHits("결제") >= 4, "old and new rows are both in the index");

        // A rebuilt index reads the old rows' text from their bodies again.
        store.close();
        store = IndexedStores.open(dir, IndexedStores.NEVER, IndexedStores.NEVER, true);
        store.awaitIndexed();
        for (String q : List.of("결제", "PaymentService", "\"payment failed\"")) {
            assertEquals(ExpectedResults.ids(all, scope(q)).size(), indexHits(q), "rebuilt index: " + q);
        }
    }

    @Test
    void randomQueriesSelectTheSameOverOldAndNewRows() throws Exception {
        List<LogEvent> sample = EventArbitraries.events().sampleStream().filter(e -> e.level() != null)
                .limit(300).toList();
        List<LogEvent> all = new ArrayList<>();
        for (int i = 0; i < sample.size(); i++) {
            all.add(sample.get(i).toBuilder().id((i % 2 == 0 ? "old" : "new") + i).build());
        }
        createVersion2(dir.resolve("jinju.db"), all.stream().filter(e -> e.id().startsWith("old")).toList());
        store = new SqliteLogStore(SqliteTestFiles.dataSource(dir.resolve("jinju.db")));
        store.append(all.stream().filter(e -> e.id().startsWith("new")).toList());
        // The order among equal timestamps is the order of writing: old rows first, then new ones.
        List<LogEvent> written = new ArrayList<>(all.stream().filter(e -> e.id().startsWith("old")).toList());
        written.addAll(all.stream().filter(e -> e.id().startsWith("new")).toList());
        QueryArbitraries.queries().sampleStream().limit(200).forEach(q -> assertEquals(
                ExpectedResults.ids(written, scope(q)), ids(searchAll(scope(q), 100)), () -> "query: " + q));
        for (LogEvent e : written) {
            // Random extra values may change Java type through JSON (as they always did): compare to that.
            assertEquals(EventJson.read(EventJson.write(e)), store.event(e.id()).orElseThrow(), e.id());
        }
    }
}
