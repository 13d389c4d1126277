package dev.jinju.ingest;

import dev.jinju.event.LogEvent;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Groups identical errors: the same type plus the same top stack frames (line numbers dropped, since they
 * move with every release), or, without a stack, the message with numbers, ids and hex masked.
 */
public final class Fingerprints {
    static final Pattern NUMBERS = Pattern.compile("\\b(0x)?[0-9a-fA-F]*[0-9][0-9a-fA-F-]*\\b");
    private static final Pattern LINE_COL = Pattern.compile(":\\d+(:\\d+)?");
    private static final int TOP_FRAMES = 3;

    private Fingerprints() {
    }

    public static String of(LogEvent e) {
        StringBuilder key = new StringBuilder();
        key.append(e.type() == null ? "" : e.type()).append('\n');
        if (e.stackTrace() != null && !e.stackTrace().isBlank()) {
            String[] lines = e.stackTrace().split("\n");
            key.append(firstLine(lines)).append('\n');
            int frames = 0;
            for (int i = 1; i < lines.length && frames < TOP_FRAMES; i++) {
                String line = lines[i].trim();
                if (!line.isEmpty()) {
                    key.append(LINE_COL.matcher(line).replaceAll("")).append('\n');
                    frames++;
                }
            }
        } else {
            key.append(maskNumbers(e.message()));
        }
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(key.toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash, 0, 8);
        } catch (NoSuchAlgorithmException ex) {
            throw new IllegalStateException(ex);
        }
    }

    private static String firstLine(String[] lines) {
        // "TypeError: x is undefined" -> "TypeError": the message part often carries ids.
        String first = lines[0].trim();
        int colon = first.indexOf(':');
        return colon > 0 ? first.substring(0, colon) : maskNumbers(first);
    }

    /**
     * {@code NUMBERS.matcher(text).replaceAll("<n>")}, with the regex run only on the runs of characters a
     * match can consist of that hold a digit: the same result, without the regex engine stepping through
     * every character of a long message (it was a tenth of the request threads' time).
     */
    static String maskNumbers(String text) {
        StringBuilder out = null;
        int copied = 0;
        // Transparent bounds: \b at a run's ends still sees the characters around it.
        Matcher m = NUMBERS.matcher(text).useTransparentBounds(true).useAnchoringBounds(false);
        int n = text.length();
        int i = 0;
        while (i < n) {
            if (!inNumber(text.charAt(i))) {
                i++;
                continue;
            }
            int start = i;
            int digits = 0;
            while (i < n && inNumber(text.charAt(i))) {
                digits += text.charAt(i) >= '0' && text.charAt(i) <= '9' ? 1 : 0;
                i++;
            }
            if (digits == 0) {
                continue;
            }
            if (out == null) {
                out = new StringBuilder(n + 16);
            }
            if (digits == i - start && plainEdge(text, start - 1) && plainEdge(text, i)) {
                // Only digits, between spaces or punctuation: the regex would match the whole run.
                out.append(text, copied, start).append("<n>");
                copied = i;
                continue;
            }
            m.region(start, i);
            while (m.find()) {
                out.append(text, copied, m.start()).append("<n>");
                copied = m.end();
            }
        }
        return out == null ? text : out.append(text, copied, n).toString();
    }

    /** True past either end, or at an ASCII character that is not a word character: a word boundary for sure. */
    private static boolean plainEdge(String text, int at) {
        if (at < 0 || at >= text.length()) {
            return true;
        }
        char c = text.charAt(at);
        return c < 128 && !Character.isLetterOrDigit(c) && c != '_';
    }

    /** The characters NUMBERS can match: hex digits, '-' and the x of 0x. */
    private static boolean inNumber(char c) {
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F') || c == '-' || c == 'x';
    }
}
