package dev.jinju.store.sqlite;

import dev.jinju.store.LogStore;
import dev.jinju.store.LogStoreContract;
import org.junit.jupiter.api.io.TempDir;
import org.sqlite.SQLiteDataSource;

import java.nio.file.Path;

/** The store contract against a real SQLite file. */
class SqliteLogStoreTest extends LogStoreContract {
    @TempDir
    Path dir;

    @Override
    protected LogStore openStore() {
        return new SqliteLogStore(SqliteTestFiles.dataSource(dir.resolve("jinju.db")));
    }
}
