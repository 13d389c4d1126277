package dev.jinju.store.sqlite;

import org.sqlite.SQLiteDataSource;

import java.nio.file.Path;

/** Data sources over real SQLite files, with the pragmas the application uses. */
public final class SqliteTestFiles {
    private SqliteTestFiles() {
    }

    public static SQLiteDataSource dataSource(Path file) {
        SQLiteDataSource ds = new SQLiteDataSource();
        ds.setUrl("jdbc:sqlite:" + file + "?journal_mode=WAL&synchronous=FULL&busy_timeout=10000");
        return ds;
    }
}
