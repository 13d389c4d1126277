package dev.jinju.store.sqlite;

import net.jpountz.lz4.LZ4Compressor;
import net.jpountz.lz4.LZ4Exception;
import net.jpountz.lz4.LZ4Factory;
import net.jpountz.lz4.LZ4SafeDecompressor;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/** The compact stored form of an event's message and stack trace: the {@code events.text_z} column. */
public final class EventText {
    /**
     * Layout: a flag byte, then (compressed only) the plain length as a varint, then the payload. The plain form
     * is, for message then stack trace, a varint (0 for null, else the UTF-8 length + 1) and the UTF-8 bytes.
     */
    static final byte RAW = 0;
    /** Raw deflate (level 1): what rows written before LZ4 hold; read, no longer written. */
    static final byte DEFLATED = 1;
    /**
     * An LZ4 block. On the benchmark's log text it is 34 % larger than deflate level 1 (443 against 329 bytes
     * per event) but compresses in 3–4 µs instead of 15 and decompresses in 1–2 µs instead of 5: deflate was a
     * third of the request threads' time under ingest.
     */
    static final byte LZ4_BLOCK = 2;
    /** Below this many plain bytes the header and the lack of history do not pay for themselves. */
    static final int MIN_COMPRESS = 96;
    /** A decoded form larger than this is corrupt, not text (the ingest limits are far below). */
    private static final int MAX_PLAIN = 256 << 20;

    /**
     * lz4-java's native LZ4 where its JNI library loads (it ships one for Linux, macOS and Windows), else its Java
     * one: the input is Jinju's own text, and the Java compressor took a quarter of the request threads' time
     * under ingest (round 10: 4.3 against 1.8 µs per event).
     */
    private static final LZ4Compressor COMPRESSOR = Lz4NativeLibrary.fastCompressor();
    /** lz4-java's pure-Java implementation, bounds-checked: stored bytes are not trusted to be well formed. */
    private static final LZ4SafeDecompressor DECOMPRESSOR = LZ4Factory.safeInstance().safeDecompressor();
    private static final ThreadLocal<Inflater> INFLATER = ThreadLocal.withInitial(() -> new Inflater(true));

    /** The LZ4 compressor in use, by class name: the native one where lz4-java's library loads. */
    static String compressor() {
        return COMPRESSOR.getClass().getSimpleName();
    }

    /** The two fields as decoded; either may be null, and null stays distinct from empty. */
    public record Text(String message, String stackTrace) {
    }

    private EventText() {
    }

    /** The stored form: raw when short or when LZ4 does not make it smaller, else LZ4. */
    public static byte[] encode(String message, String stackTrace) {
        byte[] m = message == null ? null : message.getBytes(StandardCharsets.UTF_8);
        byte[] s = stackTrace == null ? null : stackTrace.getBytes(StandardCharsets.UTF_8);
        int plainLength = fieldLength(m) + fieldLength(s);
        byte[] plain = new byte[1 + plainLength];
        plain[0] = RAW;
        int at = putField(plain, 1, m);
        putField(plain, at, s);
        if (plainLength < MIN_COMPRESS) {
            return plain;
        }
        byte[] compressed = compress(plain, 1, plainLength);
        return compressed != null ? compressed : plain;
    }

    /** The LZ4 form with its header, or null when it would not be smaller than the plain form. */
    private static byte[] compress(byte[] plain, int from, int length) {
        int header = 1 + varintLength(length);
        byte[] out = new byte[header + COMPRESSOR.maxCompressedLength(length)];
        int end = header + COMPRESSOR.compress(plain, from, length, out, header, out.length - header);
        if (end >= 1 + length) {
            return null;
        }
        out[0] = LZ4_BLOCK;
        putVarint(out, 1, length);
        return Arrays.copyOf(out, end);
    }

    /** The fields of a stored form; a corrupt one fails with an IllegalArgumentException that says how. */
    public static Text decode(byte[] stored) {
        if (stored == null || stored.length == 0) {
            throw new IllegalArgumentException("stored event text is empty (text_z must hold at least a flag byte)");
        }
        Reader r;
        if (stored[0] == RAW) {
            r = new Reader(stored, 1, stored.length);
        } else if (stored[0] == LZ4_BLOCK || stored[0] == DEFLATED) {
            Reader header = new Reader(stored, 1, stored.length);
            long length = header.varint();
            if (length > MAX_PLAIN) {
                throw new IllegalArgumentException("stored event text claims " + length + " plain bytes: corrupt");
            }
            byte[] plain = stored[0] == LZ4_BLOCK ? decompress(stored, header.at, (int) length)
                    : inflate(stored, header.at, (int) length);
            r = new Reader(plain, 0, (int) length);
        } else {
            throw new IllegalArgumentException("stored event text has an unknown format flag " + stored[0]
                    + " (written by a newer version?)");
        }
        String message = r.field();
        String stackTrace = r.field();
        if (r.at != r.end) {
            throw new IllegalArgumentException("stored event text has " + (r.end - r.at) + " trailing bytes: corrupt");
        }
        return new Text(message, stackTrace);
    }

    /**
     * The decoded {@code text_z} of a row or, for a row written before that column existed ({@code stored} is
     * null), the message and stack trace its JSON body held.
     */
    public static Text orFromBody(byte[] stored, String bodyMessage, String bodyStackTrace) {
        return stored == null ? new Text(bodyMessage, bodyStackTrace) : decode(stored);
    }

    /** Decompresses an LZ4 block that must be the rest of the stored form and hold exactly {@code plainLength} bytes. */
    private static byte[] decompress(byte[] stored, int from, int plainLength) {
        byte[] plain = new byte[plainLength];
        int n;
        try {
            n = DECOMPRESSOR.decompress(stored, from, stored.length - from, plain, 0, plainLength);
        } catch (LZ4Exception e) {
            throw new IllegalArgumentException("stored event text is not a valid LZ4 block of " + plainLength
                    + " bytes: corrupt", e);
        }
        if (n != plainLength) {
            throw new IllegalArgumentException("stored event text decompresses to " + n + " bytes, not the "
                    + plainLength + " its header says: corrupt");
        }
        return plain;
    }

    /** Inflates into a buffer one byte larger than announced, so that a longer stream shows as corrupt. */
    private static byte[] inflate(byte[] stored, int from, int plainLength) {
        Inflater inflater = INFLATER.get();
        try {
            inflater.setInput(stored, from, stored.length - from);
            byte[] plain = new byte[plainLength + 1];
            int at = 0;
            while (!inflater.finished() && at < plain.length) {
                int n = inflater.inflate(plain, at, plain.length - at);
                if (n == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
                    break;
                }
                at += n;
            }
            if (at != plainLength || !inflater.finished()) {
                String got = at > plainLength ? "more than " + plainLength : Integer.toString(at);
                throw new IllegalArgumentException("stored event text inflates to " + got + " bytes, not the "
                        + plainLength + " its header says: corrupt");
            }
            return plain;
        } catch (DataFormatException e) {
            throw new IllegalArgumentException("stored event text is not valid deflate data: " + e.getMessage(), e);
        } finally {
            inflater.reset();
        }
    }

    /** Reads varints and fields from {@code b[at, end)}. */
    private static final class Reader {
        final byte[] b;
        final int end;
        int at;

        Reader(byte[] b, int at, int end) {
            this.b = b;
            this.at = at;
            this.end = end;
        }

        long varint() {
            long v = 0;
            for (int shift = 0; shift < 35; shift += 7) {
                if (at >= end) {
                    throw new IllegalArgumentException("stored event text ends inside a length: corrupt");
                }
                byte x = b[at++];
                v |= (long) (x & 0x7F) << shift;
                if (x >= 0) {
                    return v;
                }
            }
            throw new IllegalArgumentException("stored event text has a length longer than 5 bytes: corrupt");
        }

        String field() {
            long header = varint();
            if (header == 0) {
                return null;
            }
            long length = header - 1;
            if (length > end - at) {
                throw new IllegalArgumentException("stored event text has a field of " + length
                        + " bytes, past its end: corrupt");
            }
            String s = new String(b, at, (int) length, StandardCharsets.UTF_8);
            at += (int) length;
            return s;
        }
    }

    private static int fieldLength(byte[] field) {
        return field == null ? 1 : varintLength(field.length + 1L) + field.length;
    }

    private static int putField(byte[] out, int at, byte[] field) {
        if (field == null) {
            out[at] = 0;
            return at + 1;
        }
        at = putVarint(out, at, field.length + 1L);
        System.arraycopy(field, 0, out, at, field.length);
        return at + field.length;
    }

    private static int varintLength(long v) {
        int n = 1;
        while (v >= 0x80) {
            v >>>= 7;
            n++;
        }
        return n;
    }

    private static int putVarint(byte[] out, int at, long v) {
        while (v >= 0x80) {
            out[at++] = (byte) (v | 0x80);
            v >>>= 7;
        }
        out[at++] = (byte) v;
        return at;
    }
}
