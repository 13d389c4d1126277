package dev.jinju.store.cloudwatch;

import dev.jinju.event.Level;
import dev.jinju.store.AppendResult;
import dev.jinju.store.LogStore;
import dev.jinju.store.SearchScope;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

/** With {@code jinju.store=cloudwatch} the CDI wiring gives a working store on the configured endpoint. */
@QuarkusTest
@TestProfile(CloudWatchCdiTest.Cloudwatch.class)
@QuarkusTestResource(value = MotoTestResource.class, restrictToAnnotatedClass = true)
class CloudWatchCdiTest {
    public static class Cloudwatch implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("jinju.store", "cloudwatch");
        }
    }

    @Inject
    LogStore injected;

    @Inject
    LambdaMapping mapping;

    @Inject
    io.micrometer.core.instrument.MeterRegistry registry;

    @Test
    void theCloudWatchStoreIsSelectedAndWorks() {
        LogStore store = injected;
        assertInstanceOf(CloudWatchLogStore.class, store instanceof io.quarkus.arc.ClientProxy p
                ? p.arc_contextualInstance() : store);
        assertEquals(Map.of("shop", Map.of("prod", List.of("shop-api-prod-", "shop-worker-prod-"))), mapping.prefixes());
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        assertEquals(AppendResult.ALL_STORED, store.append(List.of(
                TestEvents.event("cdi-1", now.minusSeconds(5), Level.ERROR, "from CDI"))));
        var page = store.search(new SearchScope(List.of("/jinju/shop/prod"), now.minusSeconds(60), now, Set.of(),
                null), 10, null);
        assertEquals(List.of("cdi-1"), page.events().stream().map(e -> e.id()).toList());
        var depth = registry.find("jinju.cloudwatch.outbox.depth").gauge();
        org.junit.jupiter.api.Assertions.assertNotNull(depth, "the outbox depth gauge is registered");
        assertEquals(0.0, depth.value());
        org.junit.jupiter.api.Assertions.assertNotNull(registry.find("jinju.cloudwatch.throttles").functionCounter());
    }
}
