package dev.jinju.store.cloudwatch;

import io.quarkus.arc.DefaultBean;
import io.quarkus.arc.Unremovable;
import io.quarkus.arc.lookup.LookupIfProperty;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.config.Config;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.core.retry.RetryMode;
import software.amazon.awssdk.http.nio.netty.NettyNioAsyncHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsAsyncClient;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsAsyncClientBuilder;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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

    /** The store, selected by {@code jinju.store=cloudwatch}. */
    @Produces
    @ApplicationScoped
    @Unremovable
    @LookupIfProperty(name = "jinju.store", stringValue = "cloudwatch")
    CloudWatchLogStore store(CloudWatchLogsAsyncClient client, CloudWatchConfig config, LambdaMapping mapping) {
        return new CloudWatchLogStore(client, config.toSettings(), mapping);
    }

    void close(@Disposes CloudWatchLogStore store) {
        store.close();
    }

    private static final Pattern LAMBDA_KEY = Pattern.compile("jinju\\.projects\\.([^.]+)\\.lambda\\.([^.]+)");

    /**
     * The Lambda mapping read from {@code jinju.projects.<project>.lambda.<environment>} (comma-separated
     * prefixes); a {@link DefaultBean}, so the project configuration may provide its own.
     */
    @Produces
    @Singleton
    @DefaultBean
    LambdaMapping lambdaMapping(Config config) {
        Map<String, Map<String, List<String>>> map = new LinkedHashMap<>();
        for (String name : config.getPropertyNames()) {
            Matcher m = LAMBDA_KEY.matcher(name);
            if (m.matches()) {
                List<String> prefixes = new ArrayList<>();
                config.getOptionalValues(name, String.class).ifPresent(prefixes::addAll);
                map.computeIfAbsent(m.group(1), k -> new LinkedHashMap<>()).put(m.group(2), prefixes);
            }
        }
        return new LambdaMapping(map);
    }
}
