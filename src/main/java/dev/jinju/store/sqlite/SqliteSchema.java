package dev.jinju.store.sqlite;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * Creates and migrates the embedded store's schema. Each migration runs once, in order, tracked by
 * SQLite's {@code user_version}; add new ones at the end, never edit an old one.
 */
final class SqliteSchema {

    private static final List<String> MIGRATIONS = List.of(
            """
            CREATE TABLE log_groups (
              id INTEGER PRIMARY KEY,
              name TEXT NOT NULL UNIQUE,
              project TEXT NOT NULL,
              environment TEXT NOT NULL
            );
            -- seq is the rowid: the text index tails it, and it breaks ties between equal timestamps.
            CREATE TABLE events (
              seq INTEGER PRIMARY KEY,
              id TEXT NOT NULL,
              grp INTEGER NOT NULL,
              ts INTEGER NOT NULL,
              level INTEGER NOT NULL,
              type TEXT,
              http_status INTEGER,
              body TEXT NOT NULL
            );
            CREATE UNIQUE INDEX events_id ON events(id);
            CREATE INDEX events_grp_ts ON events(grp, ts);
            CREATE INDEX events_grp_level_ts ON events(grp, level, ts);
            -- Counts per minute x group x level, kept in the write transaction: histograms and home cards.
            CREATE TABLE rollup (
              grp INTEGER NOT NULL,
              minute INTEGER NOT NULL,
              level INTEGER NOT NULL,
              count INTEGER NOT NULL,
              PRIMARY KEY (grp, minute, level)
            ) WITHOUT ROWID;
            """,
            // seq becomes AUTOINCREMENT: SQLite must never reuse a seq once retention deleted the newest rows,
            // or the text index (which tails seq > its watermark) would skip the reused ones.
            """
            CREATE TABLE events_v2 (
              seq INTEGER PRIMARY KEY AUTOINCREMENT,
              id TEXT NOT NULL,
              grp INTEGER NOT NULL,
              ts INTEGER NOT NULL,
              level INTEGER NOT NULL,
              type TEXT,
              http_status INTEGER,
              body TEXT NOT NULL
            );
            INSERT INTO events_v2(seq, id, grp, ts, level, type, http_status, body)
              SELECT seq, id, grp, ts, level, type, http_status, body FROM events;
            DROP TABLE events;
            ALTER TABLE events_v2 RENAME TO events;
            CREATE UNIQUE INDEX events_id ON events(id);
            CREATE INDEX events_grp_ts ON events(grp, ts);
            CREATE INDEX events_grp_level_ts ON events(grp, level, ts);
            """,
            // Message and stack trace, most of an event's bytes, move out of the JSON body into a compressed
            // column (EventText) for new rows. Old rows are not rewritten: their text_z is NULL and their body
            // still holds both fields (StoredEvent reads either form).
            """
            ALTER TABLE events ADD COLUMN text_z BLOB;
            """);

    private SqliteSchema() {
    }

    /** The highest seq SQLite ever assigned (deleted rows included): 0 for an empty database. */
    static long highWater(Connection c) throws SQLException {
        try (Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT max(s) FROM (SELECT seq AS s FROM sqlite_sequence WHERE name = 'events'"
                     + " UNION ALL SELECT max(seq) FROM events)")) {
            return rs.next() ? rs.getLong(1) : 0;
        }
    }

    static void migrate(Connection c) throws SQLException {
        int version;
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("PRAGMA user_version")) {
            version = rs.next() ? rs.getInt(1) : 0;
        }
        if (version > MIGRATIONS.size()) {
            // An older Jinju would misread rows a newer one wrote (e.g. text it does not know to look for).
            throw new SQLException("the database has schema version " + version + " but this Jinju knows only up to "
                    + MIGRATIONS.size() + ": it was written by a newer Jinju; run that version (or a newer one)");
        }
        for (int i = version; i < MIGRATIONS.size(); i++) {
            boolean auto = c.getAutoCommit();
            c.setAutoCommit(false);
            try (Statement s = c.createStatement()) {
                for (String sql : MIGRATIONS.get(i).split(";\\s*\n")) {
                    if (!sql.isBlank()) {
                        s.execute(sql);
                    }
                }
                s.execute("PRAGMA user_version = " + (i + 1));
                c.commit();
            } catch (SQLException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(auto);
            }
        }
    }
}
