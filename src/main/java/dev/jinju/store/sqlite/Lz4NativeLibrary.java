package dev.jinju.store.sqlite;

import net.jpountz.lz4.LZ4Compressor;
import net.jpountz.lz4.LZ4Factory;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** lz4-java's native LZ4 compressor where its library loads, with no copy of the library left in the temp dir. */
final class Lz4NativeLibrary {
    private static final Logger LOG = Logger.getLogger(Lz4NativeLibrary.class);

    private Lz4NativeLibrary() {
    }

    /**
     * The native compressor, or lz4-java's Java one where the library does not load (no library for this platform,
     * an unusable temp dir, or loaded by another class loader, as in dev mode). Not {@code fastestInstance()}: it
     * tries the library only from the JVM's own class loader, and so never in a benchmark run by Maven or in dev
     * mode. lz4-java unpacks the library into {@code java.io.tmpdir} and deletes the copy only at a normal exit,
     * so a SIGKILLed JVM would leave one behind (for an hour, until a later start cleans it). On Linux the library
     * stays mapped once loaded, so its file is unlinked right away, as {@link SqliteNativeLibrary} does for
     * SQLite's.
     */
    static LZ4Compressor fastCompressor() {
        LZ4Compressor compressor;
        try {
            compressor = LZ4Factory.nativeInstance().fastCompressor();
        } catch (LinkageError | RuntimeException e) {
            LOG.debugf(e, "lz4-java's native library did not load; compressing with its Java implementation");
            return LZ4Factory.safeInstance().fastCompressor();
        }
        unlinkUnpackedCopy();
        return compressor;
    }

    private static void unlinkUnpackedCopy() {
        Path maps = Path.of("/proc/self/maps");
        if (!Files.isReadable(maps)) {
            return;
        }
        try (Stream<String> lines = Files.lines(maps)) {
            for (String file : lines.filter(l -> l.indexOf('/') > 0).map(l -> l.substring(l.indexOf('/')))
                    .filter(f -> f.contains("/liblz4-java-")).distinct().toList()) {
                Files.deleteIfExists(Path.of(file));
            }
        } catch (IOException | RuntimeException e) {
            LOG.debugf(e, "could not remove the unpacked copy of lz4-java's library");
        }
    }
}
