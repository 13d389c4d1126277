package dev.jinju.store.cloudwatch;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * Without {@code jinju.store=cloudwatch} (the SQLite default) the application starts with no AWS configuration
 * and no credentials, and the CloudWatch store is not offered for lookup.
 */
@QuarkusTest
class WithoutCloudWatchTest {
    @Inject
    Instance<CloudWatchLogStore> cloudWatch;

    @Inject
    CloudWatchConfig config;

    @Test
    void appStartsAndTheStoreIsNotSelected() {
        assertNull(System.getenv("AWS_ACCESS_KEY_ID"));
        assertFalse(cloudWatch.isResolvable());
        assertFalse(config.endpointOverride().isPresent());
    }
}
