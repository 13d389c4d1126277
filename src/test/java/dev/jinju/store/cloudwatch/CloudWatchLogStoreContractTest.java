package dev.jinju.store.cloudwatch;

import dev.jinju.store.LogStore;
import dev.jinju.store.LogStoreContract;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsAsyncClient;

import java.util.Map;

/** The store contract against CloudWatch Logs, spoken to moto: the same events and queries as SQLite. */
@ExtendWith(MotoServer.class)
class CloudWatchLogStoreContractTest extends LogStoreContract {
    private CloudWatchLogsAsyncClient client;

    @Override
    protected LogStore openStore() {
        client = MotoServer.client();
        return new CloudWatchLogStore(client, CloudWatchSettings.defaults()
                .withHistogramMode(CloudWatchSettings.HistogramMode.scan), new LambdaMapping(Map.of()));
    }

    @AfterEach
    void closeClient() {
        client.close();
    }
}
