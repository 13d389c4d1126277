package dev.jinju.ingest;

import dev.jinju.event.LogEvent;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * Groups identical errors: the same type plus the same top stack frames (line numbers dropped, since they
 * move with every release), or, without a stack, the message with numbers, ids and hex masked.
 */
public final class Fingerprints {
    private static final Pattern NUMBERS = Pattern.compile("\\b(0x)?[0-9a-fA-F]*[0-9][0-9a-fA-F-]*\\b");
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
            key.append(NUMBERS.matcher(e.message()).replaceAll("<n>"));
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
        return colon > 0 ? first.substring(0, colon) : NUMBERS.matcher(first).replaceAll("<n>");
    }
}
