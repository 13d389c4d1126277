package dev.jinju.bench;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;

/** Sizes the web budgets are judged by: the dashboard's initial JavaScript and the browser SDK's bundles, gzipped. */
final class WebBudgets {
    private WebBudgets() {
    }

    /** Markdown lines for the report. */
    static String markdown() {
        StringBuilder md = new StringBuilder("\n## Web budgets\n\n");
        Path assets = Path.of("target/quinoa/build/assets");
        if (Files.isDirectory(assets)) {
            try (Stream<Path> files = Files.list(assets)) {
                List<Path> js = files.filter(p -> p.toString().endsWith(".js")).sorted().toList();
                md.append("| dashboard file (built by Quinoa) | bytes | gzip bytes | initial route |\n|---|---|---|---|\n");
                long initial = 0;
                for (Path p : js) {
                    byte[] bytes = Files.readAllBytes(p);
                    long gz = gzip(bytes);
                    boolean first = p.getFileName().toString().startsWith("index-");
                    initial += first ? gz : 0;
                    md.append(String.format("| %s | %d | %d | %s |%n", p.getFileName(), bytes.length, gz, first ? "yes" : "lazy"));
                }
                md.append(String.format("%nInitial route: **%.1f KB gzip** (budget ≤ 150 KB: %s).%n", initial / 1024.0,
                        initial <= 150 * 1024 ? "met" : "**not met**"));
            } catch (IOException e) {
                md.append("dashboard assets unreadable: ").append(e.getMessage()).append('\n');
            }
        } else {
            md.append("Dashboard assets not built (run the package phase first).\n");
        }
        md.append("\nBrowser SDK (`cd sdk/browser && npm run size`, esbuild, minified):\n\n```\n").append(sdkSizes()).append("```\n");
        return md.toString();
    }

    private static String sdkSizes() {
        try {
            Path log = Files.createTempFile("sdk-size", ".txt");
            Process p = new ProcessBuilder("node", "scripts/size.mjs").directory(Path.of("sdk/browser").toFile())
                    .redirectErrorStream(true).redirectOutput(log.toFile()).start();
            if (!p.waitFor(2, TimeUnit.MINUTES) || p.exitValue() != 0) {
                return "size script failed (npm ci in sdk/browser first):\n" + Files.readString(log);
            }
            return Files.readString(log);
        } catch (IOException | InterruptedException e) {
            return "size script could not run: " + e.getMessage() + "\n";
        }
    }

    static long gzip(byte[] bytes) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(bytes);
        }
        return out.size();
    }
}
