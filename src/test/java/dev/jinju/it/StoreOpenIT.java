package dev.jinju.it;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The embedded store opens on its own thread while the server starts; one that cannot open still stops the server
 * with exit code 1 and a log line that names the cause, as a failed start did when it opened on the main thread.
 */
class StoreOpenIT {

    @Test
    void aDatabaseFileThatIsNotSqliteStopsTheServerWithTheReason() throws Exception {
        Path dir = Path.of("target/it/store-open-" + System.nanoTime());
        Path data = Files.createDirectories(dir.resolve("data"));
        byte[] garbage = new byte[8192];
        new Random(7).nextBytes(garbage);
        Files.write(data.resolve("jinju.db"), garbage);
        Path log = dir.resolve("server.log");

        Process server = JinjuProcess.launch(List.of("-Xmx256m", "-XX:TieredStopAtLevel=1"), JinjuProcess.freePort(),
                data, log);
        try {
            assertTrue(server.waitFor(60, TimeUnit.SECONDS), "the server stops by itself");
            assertEquals(1, server.exitValue(), "exit code");
            String output = Files.readString(log);
            assertTrue(output.contains("cannot open the embedded store")
                    && output.contains("file is not a database") && output.contains("Jinju stops"), output);
        } finally {
            server.destroyForcibly();
        }
    }
}
