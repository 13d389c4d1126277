package dev.jinju.it;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The JavaScript suites, run by the one test command: the browser SDK's unit tests, and the end-to-end tests
 * of the dashboard and of the SDK in a real Chromium against the packaged server.
 */
class NodeSuitesIT {
    static final Path SDK = Path.of("sdk/browser");
    static final Path DASHBOARD_E2E = Path.of("src/test/e2e");

    @BeforeAll
    static void chromiumIsInstalled() {
        assertTrue(Files.isExecutable(Path.of("/usr/bin/chromium")),
                "/usr/bin/chromium is missing: install Debian's chromium package (.ci/run does)");
    }

    @Test
    void browserSdkUnitTests() throws Exception {
        npm(SDK, Map.of(), "ci", "--no-audit", "--no-fund");
        npm(SDK, Map.of(), "test");
        npm(SDK, Map.of(), "run", "size");
    }

    @Test
    void browserSdkEndToEndInChromium() throws Exception {
        Path dir = Path.of("target/it/sdk-e2e-" + System.nanoTime());
        try (JinjuProcess jinju = JinjuProcess.start(dir.resolve("data"), dir.resolve("server.log"),
                "jinju.projects.e2e.environments=test", "jinju.projects.e2e.ingest-keys=e2e-key",
                "jinju.projects.e2e.allowed-origins=*")) {
            npm(SDK, Map.of(), "ci", "--no-audit", "--no-fund");
            npm(SDK, Map.of("JINJU_URL", "http://127.0.0.1:" + jinju.port, "JINJU_USER", JinjuProcess.USER,
                    "JINJU_PASSWORD", JinjuProcess.PASSWORD), "run", "e2e");
        }
    }

    @Test
    void dashboardEndToEndInChromium() throws Exception {
        Path dir = Path.of("target/it/dashboard-e2e-" + System.nanoTime());
        try (JinjuProcess jinju = JinjuProcess.start(dir.resolve("data"), dir.resolve("server.log"), "jinju.demo=true")) {
            npm(DASHBOARD_E2E, Map.of(), "ci", "--no-audit", "--no-fund");
            npm(DASHBOARD_E2E, Map.of("JINJU_URL", "http://127.0.0.1:" + jinju.port,
                    "JINJU_USER", JinjuProcess.USER, "JINJU_PASSWORD", JinjuProcess.PASSWORD,
                    "SCREENSHOT_DIR", Path.of("target/screenshots").toAbsolutePath().toString()), "test");
        }
    }

    /** Runs npm; its output goes to a log under target/it and, through System.out, into the test report. */
    static void npm(Path dir, Map<String, String> env, String... args) throws Exception {
        List<String> cmd = new java.util.ArrayList<>(List.of("npm"));
        cmd.addAll(List.of(args));
        Path log = Path.of("target/it/npm-" + dir.getFileName() + "-" + String.join("-", args).replaceAll("[^a-z-]", "")
                + "-" + System.nanoTime() + ".log");
        Files.createDirectories(log.getParent());
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile());
        pb.environment().putAll(env);
        Process p = pb.start();
        boolean done = p.waitFor(15, TimeUnit.MINUTES);
        String output = Files.readString(log);
        System.out.println("---- npm " + String.join(" ", args) + " in " + dir + "\n" + output);
        assertTrue(done, "npm " + String.join(" ", args) + " timed out in " + dir);
        assertEquals(0, p.exitValue(), "npm " + String.join(" ", args) + " failed in " + dir + File.separator
                + "; the last lines:\n" + output.substring(Math.max(0, output.length() - 3000)));
    }
}
