package dev.jinju.store.cloudwatch;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Golden files under src/test/resources/cloudwatch/golden; {@code -Djinju.golden.update=true} rewrites them. */
final class GoldenFiles {
    static final Path DIR = Path.of("src/test/resources/cloudwatch/golden");

    private GoldenFiles() {
    }

    static List<String> queries() throws IOException {
        return Files.readAllLines(DIR.resolve("queries.txt"), StandardCharsets.UTF_8).stream()
                .filter(l -> !l.startsWith("#") && !l.isBlank()).toList();
    }

    static void check(String name, String actual) throws IOException {
        Path file = DIR.resolve(name);
        if (Boolean.getBoolean("jinju.golden.update") || !Files.exists(file)) {
            Files.writeString(file, actual, StandardCharsets.UTF_8);
        }
        assertEquals(Files.readString(file, StandardCharsets.UTF_8), actual, "golden file " + file
                + " differs (run with -Djinju.golden.update=true to accept)");
    }
}
