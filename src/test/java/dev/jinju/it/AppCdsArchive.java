package dev.jinju.it;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

/**
 * Writes the AppCDS archive {@code target/jinju.jsa} ({@code package} runs this after the jar is
 * built): starts the packaged server once with {@code -XX:ArchiveClassesAtExit}, sends it what a first visit sends
 * (the readiness query, a login, a search, an ingest), and stops it; the JVM archives every class it loaded as it
 * exits. Started with {@code -XX:SharedArchiveFile=target/jinju.jsa}, a server maps those classes
 * instead of loading, parsing and verifying them again: start-up and first requests are faster (BENCHMARKS.md).
 * <p>
 * Every class is in one uber-jar on the JVM's class path ({@code jinju-run.jar} names {@code jinju-app.jar}), so the
 * JVM's own class loader loads them all and the archive maps them, verified and linked (with Quarkus' fast-jar
 * loader, the JVM read each class from its jar again to check it against the archive, and did not archive the
 * classes it had loaded but not linked).
 * Quarkus' own {@code quarkus.package.jar.appcds.enabled} archives only the classes of its static-init phase; this
 * archive also holds the runtime start and the first requests, and its jar path is absolute, so the server may be
 * started from any directory.
 */
public final class AppCdsArchive {
    /** Where {@code package} writes the archive; it matches only the jars of the same build and the same JDK. */
    public static final Path ARCHIVE = Path.of("target/jinju.jsa");

    private AppCdsArchive() {
    }

    public static void main(String[] args) throws Exception {
        Path archive = ARCHIVE.toAbsolutePath();
        Path work = Path.of("target/app-cds-training");
        JinjuProcess.deleteTree(work);
        // an archive of the previous jars would not load with the new ones; the JVM writes it read-only
        archive.toFile().setWritable(true);
        Files.deleteIfExists(archive);
        long t0 = System.nanoTime();
        try (JinjuProcess jinju = JinjuProcess.startWith(List.of("-Xmx256m", "-XX:ArchiveClassesAtExit=" + archive),
                work.resolve("data"), work.resolve("server.log"),
                "jinju.projects.cds.environments=prod", "jinju.projects.cds.ingest-keys=cds-key")) {
            train(jinju);
        } // close() sends SIGTERM and waits: the archive is written as the JVM exits
        if (!Files.exists(archive)) {
            // Not fatal: Jinju runs without the archive, only starts slower (e.g. a JDK without a base CDS archive).
            System.out.println("[WARNING] no AppCDS archive was written; see " + work.resolve("server.log"));
            return;
        }
        JinjuProcess.deleteTree(work.resolve("data"));
        System.out.printf("[INFO] AppCDS archive %s (%d MB) written in %.1f s; start Jinju with -XX:SharedArchiveFile=%s%n",
                ARCHIVE, Files.size(archive) >> 20, (System.nanoTime() - t0) / 1e9, ARCHIVE);
    }

    /** The requests of a first visit, so that their classes are archived too; each must succeed. */
    private static void train(JinjuProcess jinju) throws Exception {
        String now = Instant.now().toString();
        check(jinju.post("/api/ingest", "application/json", "{\"key\":\"cds-key\",\"project\":\"cds\","
                + "\"environment\":\"prod\",\"batchId\":\"cds-1\",\"events\":[{\"timestamp\":\"" + now + "\","
                + "\"level\":\"error\",\"message\":\"AppCDS training event\"}]}"), "\"accepted\":1");
        jinju.login();
        check(jinju.graphql("{ events(filter: {groups: [\"/jinju/cds/prod\"], from: \""
                + Instant.now().minusSeconds(3600) + "\", to: \"" + Instant.now().plusSeconds(60)
                + "\", query: \"training\"}, first: 20) { edges { node { id message } } } }"), "\"edges\"");
    }

    private static void check(HttpResponse<String> response, String expected) {
        if (response.statusCode() != 200 || !response.body().contains(expected)) {
            throw new IllegalStateException("AppCDS training request failed: " + response.statusCode() + " " + response.body());
        }
    }
}
