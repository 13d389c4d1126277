package dev.jinju.store.sqlite;

import dev.jinju.store.LogStore;
import dev.jinju.store.LogStoreContract;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

/** The store contract with the text index in place: once through the index, once through the unindexed tail. */
class IndexedSqliteLogStoreTest {

    /** Every appended event is searchable through the index before the test searches. */
    @Nested
    class ThroughTheIndex extends LogStoreContract {
        @TempDir
        Path dir;

        @Override
        protected LogStore openStore() {
            return new IndexedStores.AwaitingIndex(IndexedStores.manual(dir));
        }
    }

    /** The index never refreshes: every text search must find everything in the unindexed tail. */
    @Nested
    class ThroughTheTail extends LogStoreContract {
        @TempDir
        Path dir;

        @Override
        protected LogStore openStore() {
            return IndexedStores.manual(dir);
        }
    }

    /** The index never refreshes and the tail counts as long: it is walked through the time index, not the rowid. */
    @Nested
    class ThroughALongTail extends LogStoreContract {
        @TempDir
        Path dir;
        long saved;

        @org.junit.jupiter.api.BeforeEach
        void longTail() {
            saved = SqliteLogStore.shortTailRows;
            SqliteLogStore.shortTailRows = -1;
        }

        @org.junit.jupiter.api.AfterEach
        void restore() {
            SqliteLogStore.shortTailRows = saved;
        }

        @Override
        protected LogStore openStore() {
            return IndexedStores.manual(dir);
        }
    }

    /** The index refreshes as fast as it can while tests search: any mix of index and tail. */
    @Nested
    class WhileIndexing extends LogStoreContract {
        @TempDir
        Path dir;

        @Override
        protected LogStore openStore() {
            return IndexedStores.open(dir, java.time.Duration.ofMillis(1), java.time.Duration.ofMillis(50), false);
        }
    }
}
