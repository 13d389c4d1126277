package dev.jinju.store.sqlite;

import dev.jinju.store.StoreException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import javax.sql.DataSource;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A database a newer Jinju migrated is refused, with a message that says so, rather than misread. */
class SqliteSchemaTest {
    @TempDir
    Path dir;

    @Test
    void aDatabaseFromANewerJinjuIsRefused() throws Exception {
        DataSource ds = SqliteTestFiles.dataSource(dir.resolve("jinju.db"));
        new SqliteLogStore(ds).close();
        try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
            s.execute("PRAGMA user_version = 99");
        }
        StoreException e = assertThrows(StoreException.class, () -> new SqliteLogStore(ds));
        assertTrue(e.getMessage().contains("schema version 99") && e.getMessage().contains("newer Jinju"), e.getMessage());
    }
}
