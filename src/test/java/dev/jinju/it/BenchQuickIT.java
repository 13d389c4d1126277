package dev.jinju.it;

import dev.jinju.bench.Bench;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** The benchmark tool still works end to end ({@code --quick}); its numbers are not judged here. */
class BenchQuickIT {
    @Test
    void quickRunWritesEveryTable() throws Exception {
        String report = Files.readString(Bench.run(new String[]{"--quick", "--out", "target/bench-quick.md"}));
        for (String section : new String[]{"## Ingest", "## The limits", "## Queries at 50,000", "## Footprint",
                "## Micro-benchmarks", "## Goals"}) {
            assertTrue(report.contains(section), section + " missing from:\n" + report);
        }
        assertTrue(report.contains("| `POST /api/ingest` | 4 |"), report);
        assertTrue(report.contains("| rare term |"), report);
        assertTrue(report.contains("| startup to first answered request, median of 2 starts, each on a fresh data dir"), report);
        // the server's histogram of write-to-searchable delays was read for the ingest runs
        assertTrue(java.util.regex.Pattern.compile("\\| [0-9.]+ % of [0-9]+ \\(").matcher(report).find(), report);
        assertTrue(report.contains("parseAndCompileQuery"), report);
    }
}
