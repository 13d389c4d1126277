package dev.jinju.store.sqlite;

import org.jboss.logging.Logger;
import org.sqlite.SQLiteJDBCLoader;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;

/** Loads sqlite-jdbc's native library from a private temp directory that is deleted as soon as it is loaded. */
public final class SqliteNativeLibrary {
    private static final Logger LOG = Logger.getLogger(SqliteNativeLibrary.class);
    static final String TMPDIR = "org.sqlite.tmpdir";
    static final String LIB_PATH = "org.sqlite.lib.path";

    /** The load started by {@link #loadInBackground} or {@link #load}; null before either. */
    private static CompletableFuture<Void> loading;

    private SqliteNativeLibrary() {
    }

    /**
     * Loads the library before the first connection does (later calls do nothing, or wait for a load under way).
     * sqlite-jdbc extracts it into {@code java.io.tmpdir} and deletes it only at a normal exit, so every SIGKILLed
     * JVM (OOM killer, crash loop) used to leave a 1 MB copy there forever. A loaded library stays mapped after
     * its file is unlinked (Linux, macOS), so here it is extracted into a fresh directory that is removed right
     * after the load. {@code org.sqlite.lib.path} or {@code org.sqlite.tmpdir} set by the user (a {@code noexec}
     * /tmp) are respected: then the library is loaded as sqlite-jdbc would, and so on Windows, which keeps a
     * loaded DLL locked (sqlite-jdbc's own clean-up of its temp dir at the next start then still finds it). A
     * failed load is left for the driver to report when the first connection opens.
     */
    public static void load() {
        start(false).join();
    }

    /**
     * As {@link #load}, on a thread of its own: unpacking takes ~50 ms the server's start need not wait for. The
     * private directory is named before this returns, so a connection that opens meanwhile unpacks into it too
     * (sqlite-jdbc loads once per class loader, under its own lock) and nothing lands in the shared temp dir.
     */
    public static void loadInBackground() {
        start(true);
    }

    /** Starts the one load, here or on a thread of its own, unless it was started already; returns it. */
    private static synchronized CompletableFuture<Void> start(boolean background) {
        if (loading == null) {
            Path dir = prepare();
            CompletableFuture<Void> load = new CompletableFuture<>();
            loading = load;
            Runnable run = () -> {
                finish(dir);
                load.complete(null);
            };
            if (background) {
                Thread t = new Thread(run, "jinju-sqlite-load");
                t.setDaemon(true);
                t.start();
            } else {
                run.run();
            }
        }
        return loading;
    }

    /** Points {@code org.sqlite.tmpdir} at a fresh private directory and returns it; null where we must not. */
    private static Path prepare() {
        if (System.getProperty(LIB_PATH) != null || System.getProperty(TMPDIR) != null
                || System.getProperty("os.name", "").startsWith("Windows")) {
            return null;
        }
        try {
            Path dir = Files.createTempDirectory("jinju-sqlite-");
            System.setProperty(TMPDIR, dir.toString());
            return dir;
        } catch (IOException | RuntimeException e) {
            LOG.debugf("no private directory for SQLite's native library (%s); sqlite-jdbc extracts it itself", e);
            return null;
        }
    }

    /** Loads the library, then forgets and deletes the private directory (if {@link #prepare} made one). */
    private static void finish(Path dir) {
        long start = System.nanoTime();
        try {
            initialize();
        } finally {
            if (dir != null) {
                System.clearProperty(TMPDIR); // it was unset (prepare checked)
                delete(dir);
            }
        }
        LOG.debugf("SQLite's native library loaded (from %s, now deleted) in %d ms", dir,
                (System.nanoTime() - start) / 1_000_000);
    }

    private static void initialize() {
        try {
            SQLiteJDBCLoader.initialize();
        } catch (Exception | LinkageError e) {
            // The first connection loads it again and fails with the driver's own message.
            LOG.debugf(e, "SQLite's native library did not load early");
        }
    }

    /** Removes the directory; if the OS refuses, the library's own deleteOnExit remains. */
    private static void delete(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            List<Path> deepestFirst = files.sorted(Comparator.reverseOrder()).toList();
            for (Path p : deepestFirst) {
                Files.deleteIfExists(p);
            }
        } catch (IOException | RuntimeException e) {
            LOG.debugf("SQLite's native library stays in %s until the JVM exits: %s", dir, e);
        }
    }
}
