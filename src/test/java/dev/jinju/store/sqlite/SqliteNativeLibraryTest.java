package dev.jinju.store.sqlite;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sqlite.SQLiteJDBCLoader;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * SQLite's native library leaves no copy in the temp dir, even in a SIGKILLed JVM; org.sqlite.tmpdir is respected.
 * On Linux, as Jinju runs and is tested (the kill checks read {@code /proc/<pid>/maps}).
 */
class SqliteNativeLibraryTest {
    @TempDir
    Path dir;

    @Test
    void loadsTheLibraryAndRestoresTmpdir() throws Exception {
        // Surefire runs every test in one JVM: an earlier test may have loaded the library already.
        String before = System.getProperty(SqliteNativeLibrary.TMPDIR);
        SqliteNativeLibrary.load();
        SqliteNativeLibrary.load();
        assertEquals(before, System.getProperty(SqliteNativeLibrary.TMPDIR));
        assertTrue(SQLiteJDBCLoader.isNativeMode());
        try (Connection c = DriverManager.getConnection("jdbc:sqlite::memory:"); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT sqlite_version()")) {
            assertTrue(rs.next());
        }
    }

    @Test
    void aKilledJvmLeavesNoLibraryInTheTempDir() throws Exception {
        assertNothingLeftBehind((child, tmp) -> {
            // The library is mapped from the private dir's file, which is gone.
            List<String> mapped = Files.readAllLines(Path.of("/proc", String.valueOf(child.pid()), "maps")).stream()
                    .filter(l -> l.contains("libsqlitejdbc")).toList();
            assertTrue(mapped.stream().anyMatch(l -> l.contains(tmp.toString()) && l.endsWith("(deleted)")),
                    String.join("\n", mapped));
        });
    }

    @Test
    void aConnectionOpenedDuringTheBackgroundLoadLeavesNoLibraryEither() throws Exception {
        // As at the server's start: the load runs on its own thread while another thread opens a connection.
        assertNothingLeftBehind((child, tmp) -> { }, "background");
    }

    /** What to check of a running child besides its temp dir. */
    private interface WhileRunning {
        void check(Process child, Path tmp) throws IOException;
    }

    /** A child with a temp dir of its own leaves no library there, while it runs and after a SIGKILL. */
    private void assertNothingLeftBehind(WhileRunning whileRunning, String... args) throws Exception {
        Path tmp = Files.createDirectories(dir.resolve("tmp"));
        Process child = child(List.of("-Djava.io.tmpdir=" + tmp), args);
        try {
            whileRunning.check(child, tmp);
            assertEquals(List.of(), sqliteFiles(tmp), "while running");
        } finally {
            child.destroyForcibly();
            child.waitFor(30, TimeUnit.SECONDS);
        }
        assertEquals(List.of(), sqliteFiles(tmp), "after SIGKILL");
    }

    @Test
    void aUsersTmpdirIsRespected() throws Exception {
        Path tmp = Files.createDirectories(dir.resolve("tmp"));
        Path users = Files.createDirectories(dir.resolve("users"));
        Process child = child(List.of("-Djava.io.tmpdir=" + tmp, "-Dorg.sqlite.tmpdir=" + users));
        try {
            assertFalse(sqliteFiles(users).isEmpty(), "sqlite-jdbc extracted into org.sqlite.tmpdir");
            assertEquals(List.of(), sqliteFiles(tmp));
        } finally {
            child.destroyForcibly();
            child.waitFor(30, TimeUnit.SECONDS);
        }
    }

    /** Starts {@link Child} with these JVM options and waits until it has opened a connection. */
    private static Process child(List<String> jvmOptions, String... args) throws IOException {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx64m", "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path")));
        cmd.addAll(jvmOptions);
        cmd.add(Child.class.getName());
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        StringBuilder seen = new StringBuilder();
        for (String line = out.readLine(); line != null; line = out.readLine()) {
            if (line.equals("ready")) {
                return p;
            }
            seen.append(line).append('\n');
        }
        p.destroyForcibly();
        throw new IllegalStateException("the child JVM exited before it was ready:\n" + seen);
    }

    /** What sqlite-jdbc or {@link SqliteNativeLibrary} extracted into {@code dir} (the JVM's own files aside). */
    static List<String> sqliteFiles(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(f -> f.getFileName().toString())
                    .filter(n -> n.startsWith("sqlite-") || n.startsWith("jinju-sqlite-")).sorted().toList();
        }
    }

    /**
     * The child JVM: loads the library (argument {@code background}: starts loading it on a thread and opens the
     * connection at once), opens a connection, says {@code ready} and waits to be killed.
     */
    public static final class Child {
        public static void main(String[] args) throws Exception {
            if (args.length > 0 && args[0].equals("background")) {
                SqliteNativeLibrary.loadInBackground();
            } else {
                SqliteNativeLibrary.load();
            }
            try (Connection c = DriverManager.getConnection("jdbc:sqlite::memory:")) {
                SqliteNativeLibrary.load(); // waits for a background load to finish (and delete its directory)
                System.out.println("ready");
                System.out.flush();
                Thread.sleep(60_000);
            }
        }
    }
}
