package dev.jinju.it;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** The packaged server ({@link #JAR}) as a child process, for tests that kill it. */
public final class JinjuProcess implements AutoCloseable {
    /** The jar to run; it starts {@code target/jinju-app.jar}, the uber-jar beside it (README, "Performance"). */
    public static final Path JAR = Path.of("target/jinju-run.jar");
    private final Process process;
    public final int port;
    /** HTTP/1.1, as browsers speak to an http:// server (they never upgrade to h2c). */
    public final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2)).build();

    private JinjuProcess(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    /** The server's operating-system process id, for CPU and memory readings. */
    public long pid() {
        return process.pid();
    }

    /**
     * Starts the jar as tests want it: a small heap, quick JIT warm-up (C1 only) and the AppCDS archive when
     * {@code package} wrote one, since tests restart it often.
     */
    public static JinjuProcess start(Path dataDir, Path log, String... properties) throws Exception {
        List<String> jvm = new ArrayList<>(List.of("-Xmx256m", "-XX:TieredStopAtLevel=1"));
        jvm.addAll(appCdsOptions());
        return startWith(jvm, dataDir, log, properties);
    }

    /**
     * {@code -XX:SharedArchiveFile=} of the AppCDS archive ({@link AppCdsArchive}) if there is one, else nothing:
     * naming a missing archive would also turn off the JDK's default class sharing.
     */
    public static List<String> appCdsOptions() {
        return Files.exists(AppCdsArchive.ARCHIVE)
                ? List.of("-XX:SharedArchiveFile=" + AppCdsArchive.ARCHIVE.toAbsolutePath()) : List.of();
    }

    /** Starts the jar with these JVM options (benchmarks use the JVM's defaults but for the heap). */
    public static JinjuProcess startWith(List<String> jvmOptions, Path dataDir, Path log, String... properties) throws Exception {
        int port = freePort();
        JinjuProcess jinju = new JinjuProcess(launch(jvmOptions, port, dataDir, log, properties), port);
        try {
            jinju.awaitReady();
        } catch (Exception | Error e) {
            jinju.process.destroyForcibly(); // a start that never answered must not outlive the caller
            throw e;
        }
        return jinju;
    }

    /** Starts the jar and returns at once, for tests that watch a start fail. */
    public static Process launch(List<String> jvmOptions, int port, Path dataDir, Path log, String... properties)
            throws IOException {
        // absolute: AppCdsArchive starts the jar through here, and the archive records its jar paths as given (a
        // relative path would tie it to this working directory)
        Path jar = JAR.toAbsolutePath();
        if (!Files.exists(jar)) {
            throw new IllegalStateException(jar + " is missing: run the package phase first (./mvnw verify)");
        }
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        cmd.addAll(jvmOptions);
        cmd.addAll(List.of("-Djinju.data-dir=" + dataDir, "-Dquarkus.http.port=" + port, "-D" + USER_PROPERTY));
        for (String p : properties) {
            cmd.add("-D" + p);
        }
        cmd.add("-jar");
        cmd.add(jar.toString());
        Files.createDirectories(log.getParent());
        return new ProcessBuilder(cmd).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
    }

    private void awaitReady() throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Jinju exited with " + process.exitValue() + " while starting");
            }
            try {
                if (graphql("{ projects { name } }").statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(10); // the benchmark's start-up is the time to this answer: coarser polling would add to it
        }
        throw new IllegalStateException("Jinju did not answer within 60 s");
    }

    /** The dashboard user the ITs start the server with (-Djinju.auth.users.it=...) and log in as. */
    public static final String USER = "it";
    public static final String PASSWORD = "e2e-password";
    /** bcrypt (cost 4) of {@link #PASSWORD}. */
    public static final String USER_PROPERTY = "jinju.auth.users.it=$2a$04$b2SpFnYxVYgToQJVsu.VxepyVRrpv8.shQvRjTedOaATC0et/5/TC";

    private volatile String session;

    /** Logs in through the form ({@code POST /j_security_check}); later GraphQL calls carry the session cookie. */
    public void login() throws IOException, InterruptedException {
        String form = "j_username=" + USER + "&j_password=" + PASSWORD;
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/j_security_check"))
                .timeout(Duration.ofSeconds(30)).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        session = r.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("quarkus-credential="))
                .map(c -> c.split(";", 2)[0]).findFirst()
                .orElseThrow(() -> new IllegalStateException("login failed: " + r.statusCode() + " " + r.headers()));
    }

    /** The {@code Cookie} header value of the logged-in session, or null before {@link #login()}. */
    public String sessionCookie() {
        return session;
    }

    public HttpResponse<String> graphql(String query) throws IOException, InterruptedException {
        String body = "{\"query\":" + com.fasterxml.jackson.databind.node.TextNode.valueOf(query) + "}";
        return post("/graphql", "application/json", body);
    }

    public HttpResponse<String> post(String path, String contentType, String body) throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(30)).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (session != null && !path.equals("/api/ingest")) {
            b.header("Cookie", session);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** SIGKILL: no shutdown hook runs, nothing is flushed. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            process.destroy();
            process.waitFor();
        }
    }

    public static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    /** Deletes a directory (a data dir, a benchmark's work dir) and everything in it, if it exists. */
    public static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (java.util.stream.Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
