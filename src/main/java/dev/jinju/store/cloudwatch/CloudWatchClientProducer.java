package dev.jinju.store.cloudwatch;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.enterprise.inject.Typed;
import dev.jinju.project.ProjectDef;
import dev.jinju.project.ProjectRegistry;
import jakarta.inject.Singleton;
import dev.jinju.project.CoreConfig;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.inject.Instance;
import java.nio.file.Path;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.core.retry.RetryMode;
import software.amazon.awssdk.http.nio.netty.NettyNioAsyncHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsAsyncClient;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsAsyncClientBuilder;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * CDI producers of the CloudWatch store. The client and the store are {@code @ApplicationScoped}, hence created on
 * first use through their client proxy (the mapping, a record, is a lazily created {@code @Singleton}): with
 * {@code jinju.store=sqlite} nothing here runs and no AWS credentials are needed.
 */
@ApplicationScoped
public class CloudWatchClientProducer {

    /** The async client on the Netty HTTP client; credentials from the default provider chain. */
    public static CloudWatchLogsAsyncClient buildClient(CloudWatchConfig config) {
        CloudWatchLogsAsyncClientBuilder builder = CloudWatchLogsAsyncClient.builder()
                .httpClientBuilder(NettyNioAsyncHttpClient.builder()
                        .maxConcurrency(64)
                        .connectionTimeout(Duration.ofSeconds(5))
                        .readTimeout(Duration.ofSeconds(30)))
                .credentialsProvider(DefaultCredentialsProvider.builder().build())
                .overrideConfiguration(ClientOverrideConfiguration.builder()
                        .retryStrategy(RetryMode.STANDARD)
                        .apiCallTimeout(Duration.ofSeconds(60))
                        .build());
        config.region().map(Region::of).ifPresent(builder::region);
        config.endpointOverride().ifPresent(builder::endpointOverride);
        return builder.build();
    }

    @Produces
    @ApplicationScoped
    CloudWatchLogsAsyncClient client(CloudWatchConfig config) {
        return buildClient(config);
    }

    void close(@Disposes CloudWatchLogsAsyncClient client) {
        client.close();
    }

    /** The store; {@code StoreProducer} offers it as the {@code LogStore} when {@code jinju.store=cloudwatch}. */
    @Produces
    @ApplicationScoped
    @Typed(CloudWatchLogStore.class)
    CloudWatchLogStore store(CloudWatchLogsAsyncClient client, CloudWatchConfig config, LambdaMapping mapping,
                             CoreConfig core, Instance<MeterRegistry> registry) {
        CloudWatchOutbox outbox = config.outbox().enabled()
                ? new CloudWatchOutbox(Path.of(core.dataDir()).resolve("cloudwatch-outbox.db"),
                config.outbox().maxEvents(), config.outbox().drainInterval())
                : null;
        CloudWatchLogStore store = new CloudWatchLogStore(client, config.toSettings(), mapping,
                DefaultMatcher.INSTANCE, outbox);
        if (registry.isResolvable()) {
            MeterRegistry r = registry.get();
            Gauge.builder("jinju.cloudwatch.outbox.depth", store, CloudWatchLogStore::outboxDepth)
                    .description("events acknowledged but not yet delivered to CloudWatch Logs").register(r);
            FunctionCounter.builder("jinju.cloudwatch.throttles", store, CloudWatchLogStore::throttles)
                    .description("throttling answers CloudWatch Logs gave the writer").register(r);
        }
        return store;
    }

    void close(@Disposes CloudWatchLogStore store) {
        store.close();
    }

    /** Lambda function-name prefixes of each project and environment ({@code jinju.projects.<p>.lambda.<env>}). */
    @Produces
    @Singleton
    LambdaMapping lambdaMapping(ProjectRegistry projects) {
        Map<String, Map<String, List<String>>> map = new LinkedHashMap<>();
        for (ProjectDef p : projects.all()) {
            if (!p.lambdaPrefixes().isEmpty()) {
                map.put(p.name(), new LinkedHashMap<>(p.lambdaPrefixes()));
            }
        }
        return new LambdaMapping(map);
    }
}
