package dev.jinju.query.text;

import java.io.IOException;
import java.io.Reader;
import org.apache.lucene.analysis.CharFilter;

/**
 * Turns each of {@link TextAnalysis#SEPARATORS} into a space, in place. Lucene's {@code MappingCharFilter} does
 * the same through an FST and an offset map, at about twice the cost of the whole rest of the analysis; a
 * one-char-for-one-char mapping needs neither, and offsets stay unchanged.
 */
final class SeparatorCharFilter extends CharFilter {
    /** Which ASCII characters are separators: a table, since this runs on every character of every event. */
    private static final boolean[] SEPARATOR = new boolean[128];

    static {
        for (char c : TextAnalysis.SEPARATORS.toCharArray()) {
            SEPARATOR[c] = true;
        }
    }

    SeparatorCharFilter(Reader in) {
        super(in);
    }

    @Override
    protected int correct(int currentOff) {
        return currentOff; // every char maps to exactly one char
    }

    @Override
    public int read(char[] buffer, int offset, int length) throws IOException {
        int n = input.read(buffer, offset, length);
        for (int i = offset; i < offset + n; i++) {
            if (isSeparator(buffer[i])) {
                buffer[i] = ' ';
            }
        }
        return n;
    }

    static boolean isSeparator(char c) {
        return c < 128 && SEPARATOR[c];
    }
}
