package dev.jinju.store.cloudwatch;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.util.Map;

/** {@link MotoServer} as a Quarkus test resource: selects the CloudWatch store and points the client at moto. */
public class MotoTestResource implements QuarkusTestResourceLifecycleManager {
    @Override
    public Map<String, String> start() {
        try {
            MotoServer.start();
            MotoServer.reset();
        } catch (Exception e) {
            throw new IllegalStateException("moto did not start", e);
        }
        System.setProperty("aws.accessKeyId", "test");
        System.setProperty("aws.secretAccessKey", "test");
        return Map.of("jinju.store", "cloudwatch",
                "jinju.cloudwatch.region", "us-east-1",
                "jinju.cloudwatch.endpoint-override", MotoServer.endpoint().toString(),
                "jinju.cloudwatch.histogram-mode", "scan",
                "jinju.projects.shop.lambda.prod", "shop-api-prod-,shop-worker-prod-");
    }

    @Override
    public void stop() {
        // the moto process ends with the JVM
    }
}
