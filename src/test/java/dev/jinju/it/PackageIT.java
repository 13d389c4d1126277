package dev.jinju.it;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What {@code package} writes (README, "Performance"): {@code jinju-run.jar} holds application.properties and starts
 * the uber-jar {@code jinju-app.jar}, which leaves that file out; a server started with the AppCDS archive takes its
 * classes, Quarkus' and Jinju's alike, from the archive, and answers as configured.
 */
class PackageIT {
    private static final Path APP_JAR = JinjuProcess.JAR.resolveSibling("jinju-app.jar");

    @Test
    void theRunJarHoldsTheConfigurationAndStartsTheUberJar() throws Exception {
        try (JarFile run = new JarFile(JinjuProcess.JAR.toFile())) {
            Attributes manifest = run.getManifest().getMainAttributes();
            assertEquals("io.quarkus.runner.GeneratedMain", manifest.getValue(Attributes.Name.MAIN_CLASS));
            assertEquals("jinju-app.jar", manifest.getValue(Attributes.Name.CLASS_PATH));
            assertNotNull(run.getEntry("application.properties"));
        }
        try (JarFile app = new JarFile(APP_JAR.toFile())) {
            // in here, SmallRye Config would index every entry of this jar twice at each start to read it
            assertNull(app.getEntry("application.properties"));
            assertNotNull(app.getEntry("dev/jinju/store/LogStore.class"));
            assertNotNull(app.getEntry("io/quarkus/runner/GeneratedMain.class"));
            // Hibernate ORM's SQLite dialect is excluded: Jinju uses plain JDBC
            assertTrue(app.stream().noneMatch(e -> e.getName().startsWith("org/hibernate/orm/")
                    || e.getName().startsWith("org/hibernate/dialect/")), "no Hibernate ORM in the uber-jar");
        }
    }

    @Test
    void aServerStartedWithTheArchiveTakesItsClassesFromIt() throws Exception {
        assertTrue(Files.exists(AppCdsArchive.ARCHIVE), "package writes " + AppCdsArchive.ARCHIVE);
        Path dir = Path.of("target/it/package-" + System.nanoTime());
        Path log = dir.resolve("server.log");
        // -Xshare:on: a start whose class path does not match the archive fails instead of running without it
        try (JinjuProcess jinju = JinjuProcess.startWith(List.of("-Xmx256m", "-Xshare:on",
                "-XX:SharedArchiveFile=" + AppCdsArchive.ARCHIVE.toAbsolutePath(), "-Xlog:class+load=info"),
                dir.resolve("data"), log)) {
            // the configuration applies: a header application.properties sets is on every answer
            var answer = jinju.graphql("{ projects { name } }");
            assertEquals("noindex, nofollow", answer.headers().firstValue("X-Robots-Tag").orElse(null));
        }
        String output = Files.readString(log);
        for (String cls : List.of("io.quarkus.runner.GeneratedMain", "io.quarkus.runtime.generated.Config",
                "dev.jinju.store.LogStore", "io.smallrye.graphql.execution.ExecutionService")) {
            Matcher line = Pattern.compile("\\] " + Pattern.quote(cls) + " source: (.*)").matcher(output);
            assertTrue(line.find(), cls + " was loaded");
            assertTrue(line.group(1).startsWith("shared objects file"), cls + " came from " + line.group(1));
        }
    }
}
