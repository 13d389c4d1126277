package dev.jinju.store.sqlite;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.HexFormat;
import java.util.SplittableRandom;
import java.util.zip.Deflater;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The stored form of message and stack trace: round trips, raw versus LZ4, deflated rows of earlier versions, corrupt input. */
class EventTextTest {

    private static EventText.Text roundTrip(String message, String stackTrace) {
        return EventText.decode(EventText.encode(message, stackTrace));
    }

    @Test
    void nullAndEmptyStayDistinctInBothFields() {
        List<String> values = Arrays.asList(null, "", "x");
        List<byte[]> encoded = new ArrayList<>();
        for (String m : values) {
            for (String s : values) {
                assertEquals(new EventText.Text(m, s), roundTrip(m, s), m + " / " + s);
                encoded.add(EventText.encode(m, s));
            }
        }
        for (int i = 0; i < encoded.size(); i++) {
            for (int j = i + 1; j < encoded.size(); j++) {
                assertNotEquals(Arrays.toString(encoded.get(i)), Arrays.toString(encoded.get(j)), i + " vs " + j);
            }
        }
        assertEquals(3, EventText.encode(null, null).length, "flag byte and two one-byte headers");
    }

    @Test
    void koreanEmojiAndControlCharactersRoundTrip() {
        String shortText = "결제가 실패했습니다 💳🔥 👩‍👩‍👧 \u0000\t\n\"\\ é";
        String stack = "TypeError: 정의되지 않음\n    at 결제.vue:12:3 🐛";
        assertEquals(new EventText.Text(shortText, stack), roundTrip(shortText, stack));
        String longText = shortText.repeat(200);
        String longStack = stack.repeat(300);
        assertEquals(new EventText.Text(longText, longStack), roundTrip(longText, longStack));
        assertEquals(new EventText.Text(longText, null), roundTrip(longText, null));
        assertEquals(new EventText.Text(null, longStack), roundTrip(null, longStack));
    }

    @Test
    void loneSurrogatesBecomeQuestionMarksAsInAnySqliteTextColumn() {
        // UTF-8 cannot hold them; the JSON body column (before text_z) turned them into '?' the same way.
        assertEquals(new EventText.Text("a?b?c😀", "?"), roundTrip("a\uD800b\uDC00c😀", "\uDFFF"));
    }

    @Test
    void shortTextIsStoredRawAndLongTextCompressed() {
        byte[] tiny = EventText.encode("payment failed", null);
        assertEquals(EventText.RAW, tiny[0]);
        assertEquals(1 + 1 + "payment failed".length() + 1, tiny.length);

        String message = "payment failed for order 9 while processing checkout step 3 ".repeat(20);
        byte[] compressed = EventText.encode(message, "at PaymentService.charge(PaymentService.java:42)");
        assertEquals(EventText.LZ4_BLOCK, compressed[0]);
        assertTrue(compressed.length < message.length() / 5, "compressed to " + compressed.length);
    }

    @Test
    void compressesWithLz4sNativeLibraryAndLeavesNoCopyOfIt() throws Exception {
        String message = "payment failed for order 9 while processing checkout step 3 ".repeat(20);
        assertEquals(new EventText.Text(message, null), EventText.decode(EventText.encode(message, null)));
        // lz4-java ships the library for Linux on x86-64 and ARM, as Jinju runs and is tested.
        assertEquals("LZ4JNICompressor", EventText.compressor());
        // lz4-java unpacks the library to the temp dir; Jinju deletes the copy once it is loaded (mapped).
        try (Stream<Path> files = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
            assertEquals(List.of(), files.map(p -> p.getFileName().toString())
                    .filter(n -> n.startsWith("liblz4-java-")).toList());
        }
    }

    @Test
    void textLz4CannotShrinkIsStoredRaw() {
        // Every printable ASCII character forward, then backward: no four bytes repeat, so LZ4 finds no match
        // and its tokens only add to the size.
        StringBuilder sb = new StringBuilder();
        for (char ch = '!'; ch <= '~'; ch++) {
            sb.append(ch);
        }
        String forward = sb.toString();
        String distinct = forward + new StringBuilder(forward).reverse();
        assertTrue(distinct.length() >= EventText.MIN_COMPRESS);
        byte[] stored = EventText.encode(distinct, "");
        assertEquals(EventText.RAW, stored[0]);
        assertEquals(new EventText.Text(distinct, ""), EventText.decode(stored));
    }

    /** The format is on disk: a library upgrade that changed what these bytes mean would lose stored events. */
    @Test
    void aStoredLz4FormDecodesToTheSameTextInEveryVersion() {
        byte[] stored = HexFormat.of().parseHex(GOLDEN_LZ4);
        assertEquals(EventText.LZ4_BLOCK, stored[0]);
        assertEquals(new EventText.Text(GOLDEN_MESSAGE, GOLDEN_STACK), EventText.decode(stored));
        assertArrayEquals(stored, EventText.encode(GOLDEN_MESSAGE, GOLDEN_STACK), "the same text compresses the same");
    }

    private static final String GOLDEN_MESSAGE = "결제 failed for order 12345; ".repeat(6);
    private static final String GOLDEN_STACK = "at PaymentService.charge (app.js:1:1803)\n".repeat(3);
    private static final String GOLDEN_LZ4 = "02b802ff12bb01eab2b0eca09c206661696c656420666f72206f726465722031323334353b201f0088ff1b7c6174205061796d656e745365727669"
            + "63652e63686172676520286170702e6a733a313a31383033290a29003a50383033290a";

    @Test
    void rowsDeflatedByEarlierVersionsStillDecode() {
        String message = "payment failed for order 9 while processing checkout step 3 ".repeat(20);
        byte[] old = deflatedAsEarlierVersionsStoredIt(message, "at PaymentService.charge(PaymentService.java:42)");
        assertEquals(EventText.DEFLATED, old[0]);
        assertEquals(new EventText.Text(message, "at PaymentService.charge(PaymentService.java:42)"), EventText.decode(old));
        assertEquals(new EventText.Text("결제 ".repeat(50), null), EventText.decode(deflatedAsEarlierVersionsStoredIt("결제 ".repeat(50), null)));
    }

    @Test
    void largeStringsRoundTrip() {
        SplittableRandom random = new SplittableRandom(7);
        StringBuilder varied = new StringBuilder();
        while (varied.length() < 3_000_000) {
            int cp = random.nextInt(4) == 0 ? 0xAC00 + random.nextInt(11_172) // Hangul syllables
                    : random.nextInt(10) == 0 ? 0x1F300 + random.nextInt(700) : 0x20 + random.nextInt(95);
            varied.appendCodePoint(cp);
        }
        String repetitive = "at com.example.PaymentService.charge(PaymentService.java:42)\n".repeat(100_000);
        assertEquals(new EventText.Text(varied.toString(), repetitive), roundTrip(varied.toString(), repetitive));
        byte[] stored = EventText.encode(varied.toString(), repetitive);
        int plain = varied.toString().getBytes(StandardCharsets.UTF_8).length + repetitive.length();
        assertTrue(stored.length < plain, stored.length + " < " + plain);
    }

    @Test
    void decodesOnManyThreadsAtOnce() {
        List<String> texts = IntStream.range(0, 2_000).mapToObj(i -> ("결제 " + i + " failed; ").repeat(i % 50))
                .toList();
        List<byte[]> stored = texts.parallelStream().map(t -> EventText.encode(t, "at " + t.length())).toList();
        IntStream.range(0, texts.size()).parallel().forEach(i -> assertEquals(
                new EventText.Text(texts.get(i), "at " + texts.get(i).length()), EventText.decode(stored.get(i))));
    }

    @Test
    void aRowWithoutTextZKeepsWhatItsBodyHeld() {
        assertEquals(new EventText.Text("from body", null), EventText.orFromBody(null, "from body", null));
        assertEquals(new EventText.Text("z", "s"), EventText.orFromBody(EventText.encode("z", "s"), "body", null));
    }

    @Test
    void corruptInputIsRefusedWithAClearMessage() {
        byte[] good = EventText.encode("payment failed for order 9 ".repeat(40), "stack");
        assertEquals(EventText.LZ4_BLOCK, good[0]);
        byte[] deflated = deflatedAsEarlierVersionsStoredIt("payment failed for order 9 ".repeat(40), "stack");
        List<byte[]> bad = List.of(
                new byte[0],
                new byte[]{7, 0, 0},
                new byte[]{EventText.RAW, 0},                       // the stack trace's header is missing
                new byte[]{EventText.RAW, 5, 'a', 'b'},             // a field longer than what is left
                new byte[]{EventText.RAW, 0, 0, 0},                 // a trailing byte
                new byte[]{EventText.RAW, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, 1},
                Arrays.copyOf(good, good.length - 3),               // truncated LZ4 block
                withLength(good, 5),                                // header says fewer bytes than it holds
                withLength(good, 100_000),                          // header says more
                new byte[]{EventText.LZ4_BLOCK, 10, 1, 2, 3, 4},    // a match before the start
                Arrays.copyOf(deflated, deflated.length - 3),       // truncated deflate stream
                withLength(deflated, 5),                            // header says fewer bytes than it inflates to
                withLength(deflated, 100_000),                      // header says more
                new byte[]{EventText.DEFLATED, 10, 1, 2, 3, 4});    // not deflate at all
        for (byte[] b : bad) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> EventText.decode(b),
                    Arrays.toString(b));
            assertTrue(e.getMessage().startsWith("stored event text"), e.getMessage());
        }
        assertThrows(IllegalArgumentException.class, () -> EventText.decode(null));
    }

    /** The stored form as versions before LZ4 wrote it: flag 1, the plain length, raw deflate level 1. */
    private static byte[] deflatedAsEarlierVersionsStoredIt(String message, String stackTrace) {
        byte[] m = message == null ? null : message.getBytes(StandardCharsets.UTF_8);
        byte[] st = stackTrace == null ? null : stackTrace.getBytes(StandardCharsets.UTF_8);
        java.io.ByteArrayOutputStream form = new java.io.ByteArrayOutputStream();
        field(form, m);
        field(form, st);
        byte[] body = form.toByteArray();
        Deflater deflater = new Deflater(1, true);
        deflater.setInput(body);
        deflater.finish();
        byte[] buf = new byte[body.length + 64];
        int n = deflater.deflate(buf);
        deflater.end();
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        out.write(EventText.DEFLATED);
        varint(out, body.length);
        out.write(buf, 0, n);
        return out.toByteArray();
    }

    private static void field(java.io.ByteArrayOutputStream out, byte[] field) {
        if (field == null) {
            out.write(0);
        } else {
            varint(out, field.length + 1);
            out.write(field, 0, field.length);
        }
    }

    private static void varint(java.io.ByteArrayOutputStream out, long v) {
        while (v >= 0x80) {
            out.write((int) (v & 0x7F) | 0x80);
            v >>>= 7;
        }
        out.write((int) v);
    }

    /** {@code stored} with its plain-length header replaced. */
    private static byte[] withLength(byte[] stored, int length) {
        int at = 1;
        while (stored[at] < 0) {
            at++;
        }
        byte[] header = length < 128 ? new byte[]{(byte) length}
                : new byte[]{(byte) (length | 0x80), (byte) ((length >>> 7) | 0x80), (byte) (length >>> 14)};
        byte[] out = new byte[1 + header.length + stored.length - at - 1];
        out[0] = stored[0];
        System.arraycopy(header, 0, out, 1, header.length);
        System.arraycopy(stored, at + 1, out, 1 + header.length, stored.length - at - 1);
        return out;
    }
}
