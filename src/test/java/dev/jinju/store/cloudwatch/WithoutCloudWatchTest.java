package dev.jinju.store.cloudwatch;

import dev.jinju.store.BackgroundOpenedStore;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * Without {@code jinju.store=cloudwatch} (the SQLite default) the application starts with no AWS configuration
 * and no credentials, and the store in use is the embedded one.
 */
@QuarkusTest
class WithoutCloudWatchTest {
    @Inject
    dev.jinju.store.LogStore store;

    @Inject
    CloudWatchConfig config;

    @Test
    void appStartsAndTheStoreIsNotSelected() {
        assertNull(System.getenv("AWS_ACCESS_KEY_ID"));
        Object bean = store instanceof io.quarkus.arc.ClientProxy p ? p.arc_contextualInstance() : store;
        // the embedded store opens on its own thread while the server starts
        BackgroundOpenedStore opening = assertInstanceOf(BackgroundOpenedStore.class, bean);
        assertInstanceOf(dev.jinju.store.sqlite.SqliteLogStore.class, opening.opened());
        assertFalse(config.endpointOverride().isPresent());
    }
}
