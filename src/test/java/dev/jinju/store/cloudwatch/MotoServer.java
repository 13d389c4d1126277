package dev.jinju.store.cloudwatch;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.http.nio.netty.NettyNioAsyncHttpClient;
import software.amazon.awssdk.http.nio.netty.SdkEventLoopGroup;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsAsyncClient;

import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A real moto ({@code moto[server]==5.2.5}) CloudWatch Logs endpoint for tests, as a JUnit 5 extension: on first
 * use it creates a venv under {@code target/moto-venv} (python3 -m venv + pip install, skipped when present),
 * starts {@code moto_server -H 127.0.0.1 -p <free port>}, waits until it answers, and stops it when the JVM ends.
 * Before each test it resets moto's state ({@code POST /moto-api/reset}).
 */
public final class MotoServer implements BeforeAllCallback, BeforeEachCallback {
    public static final String MOTO = "moto[server]==5.2.5";
    public static final String POWERTOOLS = "aws-lambda-powertools==3.37.0";
    /** Shared by the tests' clients, so that closing a client does not wait for Netty's graceful shutdown. */
    private static final SdkEventLoopGroup EVENT_LOOPS = SdkEventLoopGroup.builder().numberOfThreads(4).build();
    private static Process process;
    private static int port;

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        start();
    }

    @Override
    public void beforeEach(ExtensionContext context) throws Exception {
        reset();
    }

    public static synchronized void start() throws Exception {
        if (process != null && process.isAlive()) {
            return;
        }
        Path venv = venv();
        port = freePort();
        Path log = Path.of("target", "moto-server.log");
        process = new ProcessBuilder(venv.resolve("bin/moto_server").toString(), "-H", "127.0.0.1",
                "-p", Integer.toString(port))
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        Process p = process;
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            p.destroy();
            try {
                if (!p.waitFor(5, TimeUnit.SECONDS)) {
                    p.destroyForcibly();
                }
            } catch (InterruptedException ignored) {
                p.destroyForcibly();
            }
        }));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (true) {
            try {
                HttpURLConnection c = (HttpURLConnection) new URL(endpoint() + "/moto-api/").openConnection();
                c.setConnectTimeout(500);
                if (c.getResponseCode() > 0) {
                    return;
                }
            } catch (IOException notYet) {
                if (!process.isAlive()) {
                    throw new IllegalStateException("moto_server exited: " + Files.readString(log));
                }
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("moto_server did not answer within 60 s");
                }
                Thread.sleep(100);
            }
        }
    }

    /** The venv with moto (and Lambda Powertools, for real Lambda output), created if missing. */
    public static synchronized Path venv() throws IOException, InterruptedException {
        Path venv = Path.of("target", "moto-venv").toAbsolutePath();
        if (!Files.exists(venv.resolve("bin/moto_server")) || !Files.exists(venv.resolve(".jinju-ready"))) {
            run(List.of("python3", "-m", "venv", venv.toString()));
            run(List.of(venv.resolve("bin/pip").toString(), "install", "-q", "--disable-pip-version-check",
                    MOTO, POWERTOOLS));
            Files.writeString(venv.resolve(".jinju-ready"), MOTO + "\n" + POWERTOOLS + "\n");
        }
        return venv;
    }

    private static void run(List<String> command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        if (p.waitFor() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed:\n" + out);
        }
    }

    public static URI endpoint() {
        return URI.create("http://127.0.0.1:" + port);
    }

    public static void reset() throws IOException {
        HttpURLConnection c = (HttpURLConnection) new URL(endpoint() + "/moto-api/reset").openConnection();
        c.setRequestMethod("POST");
        c.setDoOutput(true);
        c.getOutputStream().close();
        if (c.getResponseCode() != 200) {
            throw new IllegalStateException("moto reset answered " + c.getResponseCode());
        }
    }

    /** A client of moto (or of {@code endpoint}) with static test credentials. */
    public static CloudWatchLogsAsyncClient client(URI endpoint, ExecutionInterceptor... interceptors) {
        return CloudWatchLogsAsyncClient.builder()
                .endpointOverride(endpoint)
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
                .httpClientBuilder(NettyNioAsyncHttpClient.builder().connectionTimeout(Duration.ofSeconds(2))
                        .eventLoopGroup(EVENT_LOOPS))
                .overrideConfiguration(ClientOverrideConfiguration.builder()
                        .executionInterceptors(List.of(interceptors)).build())
                .build();
    }

    public static CloudWatchLogsAsyncClient client(ExecutionInterceptor... interceptors) {
        return client(endpoint(), interceptors);
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }
}
