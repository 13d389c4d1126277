package dev.jinju.store;

import dev.jinju.project.CoreConfig;
import dev.jinju.store.cloudwatch.CloudWatchLogStore;
import dev.jinju.store.index.IndexConfig;
import dev.jinju.store.index.IndexOptions;
import dev.jinju.store.sqlite.SqliteLogStore;
import dev.jinju.store.sqlite.SqliteNativeLibrary;
import jakarta.enterprise.inject.Instance;
import io.agroal.api.AgroalDataSource;
import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.Startup;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.event.Observes;
import jakarta.interceptor.Interceptor;
import org.jboss.logging.Logger;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Chooses the store named by {@code jinju.store} at start-up; everything else injects {@link LogStore}. */
public class StoreProducer {
    private static final Logger LOG = Logger.getLogger(StoreProducer.class);

    /**
     * Before every other start-up observer (the store's own {@code @Startup}, alert rules, self-log, demo data):
     * whichever of them opens the first SQLite connection, the native library is unpacked into a private
     * directory that is deleted once it is loaded. On a thread of its own, so the start does not wait for it.
     */
    void loadSqliteLibrary(@Observes @Priority(Interceptor.Priority.PLATFORM_BEFORE) StartupEvent start) {
        SqliteNativeLibrary.loadInBackground();
    }

    @Produces
    @Singleton
    @Startup
    LogStore logStore(CoreConfig config, IndexConfig indexConfig, AgroalDataSource dataSource,
                      Instance<CloudWatchLogStore> cloudWatch) {
        return switch (config.store()) {
            case "sqlite" -> {
                createDataDir(config.dataDir());
                // The text index lives beside the SQLite file and is derived from it (SPEC §1).
                IndexOptions index = indexConfig.enabled()
                        ? IndexOptions.of(Path.of(config.dataDir()).resolve("index"), indexConfig) : null;
                // Opened on its own thread: the server starts listening meanwhile, calls wait for the store.
                yield new BackgroundOpenedStore("the embedded store", () -> new SqliteLogStore(dataSource, index),
                        StoreProducer::stopServer);
            }
            case "cloudwatch" -> cloudWatch.get();
            default -> throw new IllegalStateException(
                    "jinju.store is '" + config.store() + "'; it must be 'sqlite' or 'cloudwatch'");
        };
    }

    void close(@Disposes LogStore store) throws Exception {
        // The CloudWatch store is closed by its own producer's disposer.
        if (store instanceof BackgroundOpenedStore closeable) {
            closeable.close();
        }
    }

    /** A store that cannot open stops the server, with the reason, as a failed start does. */
    private static void stopServer(RuntimeException e) {
        LOG.errorf(e, "%s; Jinju stops", e.getMessage());
        Quarkus.asyncExit(1);
    }

    static void createDataDir(String dataDir) {
        try {
            Files.createDirectories(Path.of(dataDir));
        } catch (IOException e) {
            throw new IllegalStateException("cannot create jinju.data-dir " + dataDir + ": " + e.getMessage(), e);
        }
    }
}
