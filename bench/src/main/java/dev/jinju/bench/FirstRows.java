package dev.jinju.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The dashboard budget "explore URL to first rows shown": runs {@code src/test/e2e/bench/first-rows.mjs} in
 * Chromium against the server and returns its last line (a JSON summary), or why it could not run.
 */
final class FirstRows {
    private FirstRows() {
    }

    static String measure(int port, Map<String, String> env, int runs) {
        Path dir = Path.of("src/test/e2e");
        try {
            if (!Files.isDirectory(dir.resolve("node_modules"))) {
                run(dir, Map.of(), List.of("npm", "ci", "--no-audit", "--no-fund"));
            }
            java.util.Map<String, String> all = new java.util.HashMap<>(env);
            all.put("JINJU_URL", "http://127.0.0.1:" + port);
            all.put("JINJU_GROUP", QueryBench.GROUPS[0]);
            all.put("JINJU_PROJECT", "bench");
            all.put("JINJU_ENV", "prod");
            all.put("JINJU_RUNS", String.valueOf(runs));
            String out = run(dir, all, List.of("node", "bench/first-rows.mjs"));
            String[] lines = out.strip().split("\n");
            return lines[lines.length - 1];
        } catch (Exception e) {
            return "not measured: " + e.getMessage();
        }
    }

    private static String run(Path dir, Map<String, String> env, List<String> cmd) throws Exception {
        Path log = Files.createTempFile("first-rows", ".log");
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile());
        pb.environment().putAll(env);
        Process p = pb.start();
        if (!p.waitFor(10, TimeUnit.MINUTES) || p.exitValue() != 0) {
            String out = Files.readString(log);
            throw new IllegalStateException(String.join(" ", cmd) + " failed: " + out.substring(Math.max(0, out.length() - 500)));
        }
        return Files.readString(log);
    }
}
