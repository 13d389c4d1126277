package dev.jinju.query.text;

import java.io.CharArrayReader;
import java.io.IOException;
import java.util.Arrays;
import org.apache.lucene.analysis.CharacterUtils;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.apache.lucene.analysis.tokenattributes.TypeAttribute;

/**
 * Lucene's {@link StandardTokenizer} followed by lower-casing, token for token, with a scanner of its own for
 * text that is all ASCII (most log text). On ASCII, UAX#29's word rules come down to: a word is a run of letters
 * and digits, joined across one {@code '} between two letters, or one {@code '}, {@code ,} or {@code ;} between
 * two digits, once the char filter has turned {@code . : _} into spaces. StandardTokenizer's generated scanner
 * spent a fifth of the text index's time on these messages; anything else (Korean, other scripts, those three
 * characters, a word of {@value #MAX_WORD} characters or more, which StandardTokenizer splits) goes through
 * StandardTokenizer.
 * {@code StandardWordTokenizerProperties} checks that both give the same tokens, types, offsets and positions.
 */
final class StandardWordTokenizer extends Tokenizer {
    static final int MAX_WORD = StandardAnalyzer.DEFAULT_MAX_TOKEN_LENGTH;
    private static final String ALPHANUM = StandardTokenizer.TOKEN_TYPES[StandardTokenizer.ALPHANUM];
    private static final String NUM = StandardTokenizer.TOKEN_TYPES[StandardTokenizer.NUM];
    private static final byte OTHER = 0;
    private static final byte LETTER = 1;
    private static final byte DIGIT = 2;
    /** The word-break class of each ASCII character. */
    private static final byte[] CLASSES = classes();

    private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
    private final OffsetAttribute offset = addAttribute(OffsetAttribute.class);
    private final PositionIncrementAttribute increment = addAttribute(PositionIncrementAttribute.class);
    private final TypeAttribute type = addAttribute(TypeAttribute.class);

    private final StandardTokenizer standard = new StandardTokenizer();
    private final CharTermAttribute standardTerm = standard.addAttribute(CharTermAttribute.class);
    private final OffsetAttribute standardOffset = standard.addAttribute(OffsetAttribute.class);
    private final PositionIncrementAttribute standardIncrement = standard.addAttribute(PositionIncrementAttribute.class);
    private final TypeAttribute standardType = standard.addAttribute(TypeAttribute.class);

    private char[] text = new char[1024];
    private int length;
    private int next;
    /** Whether this text goes through {@link #standard} (then open until {@link #close()}). */
    private boolean useStandard;

    @Override
    public void reset() throws IOException {
        super.reset();
        readAll();
        next = 0;
        useStandard = !scannable(text, length);
        if (useStandard) {
            standard.setReader(new CharArrayReader(text, 0, length));
            standard.reset();
        }
    }

    @Override
    public boolean incrementToken() throws IOException {
        clearAttributes();
        return useStandard ? nextStandardToken() : nextAsciiToken();
    }

    private boolean nextAsciiToken() {
        int i = next;
        while (i < length && !isLetterOrDigit(text[i])) {
            i++;
        }
        if (i == length) {
            next = length;
            return false;
        }
        int start = i;
        boolean digitsOnly = true;
        while (i < length) {
            char c = text[i];
            if (isLetterOrDigit(c)) {
                digitsOnly &= isDigit(c);
                i++;
            } else if (i + 1 < length && joins(text[i - 1], c, text[i + 1])) {
                i += 2;
                digitsOnly &= isDigit(text[i - 1]);
            } else {
                break;
            }
        }
        next = i;
        char[] out = term.resizeBuffer(i - start);
        for (int j = start; j < i; j++) {
            char c = text[j];
            out[j - start] = c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c;
        }
        term.setLength(i - start);
        offset.setOffset(correctOffset(start), correctOffset(i));
        type.setType(digitsOnly ? NUM : ALPHANUM);
        return true;
    }

    private boolean nextStandardToken() throws IOException {
        if (!standard.incrementToken()) {
            return false;
        }
        term.copyBuffer(standardTerm.buffer(), 0, standardTerm.length());
        CharacterUtils.toLowerCase(term.buffer(), 0, term.length());
        offset.setOffset(correctOffset(standardOffset.startOffset()), correctOffset(standardOffset.endOffset()));
        increment.setPositionIncrement(standardIncrement.getPositionIncrement());
        type.setType(standardType.type());
        return true;
    }

    @Override
    public void end() throws IOException {
        super.end();
        if (useStandard) {
            standard.end();
            increment.setPositionIncrement(standardIncrement.getPositionIncrement()); // words too long to keep
            offset.setOffset(correctOffset(standardOffset.startOffset()), correctOffset(standardOffset.endOffset()));
        } else {
            offset.setOffset(correctOffset(length), correctOffset(length));
        }
    }

    @Override
    public void close() throws IOException {
        super.close();
        if (useStandard) {
            standard.close();
            useStandard = false;
        }
        if (text.length > 64 * 1024) { // one huge event must not keep its buffer for the thread's life
            text = new char[1024];
        }
    }

    private void readAll() throws IOException {
        length = 0;
        int n;
        while ((n = input.read(text, length, text.length - length)) > 0) {
            length += n;
            if (length == text.length) {
                text = Arrays.copyOf(text, text.length * 2);
            }
        }
    }

    /** True if the text is all ASCII and has no word of {@link #MAX_WORD} characters or more. */
    static boolean scannable(char[] text, int length) {
        int run = 0;
        for (int i = 0; i < length; i++) {
            char c = text[i];
            if (c >= 0x80 || c == '.' || c == ':' || c == '_') {
                return false; // (the char filter turns these three into spaces: they never come here in Jinju)
            }
            // counts the joining characters too: an over-estimate of a word's length is only a slower path
            run = isLetterOrDigit(c) || c == '\'' || c == ',' || c == ';' ? run + 1 : 0;
            if (run >= MAX_WORD) {
                return false;
            }
        }
        return true;
    }

    /** UAX#29 WB6/7 and WB11/12 on ASCII: one {@code '} between letters, one {@code ' , ;} between digits. */
    private static boolean joins(char before, char c, char after) {
        if (c == '\'') {
            return isLetter(before) ? isLetter(after) : isDigit(before) && isDigit(after);
        }
        return (c == ',' || c == ';') && isDigit(before) && isDigit(after); // most often a space: false at once
    }

    private static boolean isLetterOrDigit(char c) {
        return CLASSES[c] != OTHER; // only called on ASCII
    }

    private static boolean isLetter(char c) {
        return CLASSES[c] == LETTER;
    }

    private static boolean isDigit(char c) {
        return CLASSES[c] == DIGIT;
    }

    private static byte[] classes() {
        byte[] classes = new byte[128];
        for (char c = 'a'; c <= 'z'; c++) {
            classes[c] = LETTER;
            classes[Character.toUpperCase(c)] = LETTER;
        }
        for (char c = '0'; c <= '9'; c++) {
            classes[c] = DIGIT;
        }
        return classes;
    }
}
