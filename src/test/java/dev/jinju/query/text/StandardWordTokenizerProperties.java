package dev.jinju.query.text;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.apache.lucene.analysis.tokenattributes.TypeAttribute;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** StandardWordTokenizer gives exactly StandardTokenizer's tokens, lower-cased: terms, types, offsets, positions. */
class StandardWordTokenizerProperties {
    /** ASCII with every character class UAX#29 treats differently: letters, digits, the joiners, the rest. */
    private static final String ASCII = "aBzZ09' ,;\"!?-()@#%&*+<>|~`^\\\n\t\r\u0000\u007f";

    @Property(tries = 3000)
    void asciiTextTokenizesAsStandardTokenizer(@ForAll("asciiText") String text) throws IOException {
        // every such text takes the ASCII scanner, so this property tests it and not StandardTokenizer against itself
        assertTrue(StandardWordTokenizer.scannable(text.toCharArray(), text.length()), text);
        assertEquals(standard(text), fast(text));
    }

    @Property(tries = 1000)
    void anyTextTokenizesAsStandardTokenizer(@ForAll("mixedText") String text) throws IOException {
        assertEquals(standard(text), fast(text));
    }

    @Property(tries = 200)
    void wordsAroundTheMaximumLength(@ForAll("longWords") String text) throws IOException {
        assertEquals(standard(text), fast(text));
    }

    @Example
    void theJoiningRules() throws IOException {
        assertEquals(List.of("can't<ALPHANUM>", "1,000;5<NUM>", "a1'2<ALPHANUM>", "x<ALPHANUM>", "1<NUM>", "a<ALPHANUM>",
                "b<ALPHANUM>"), terms("Can't 1,000;5 A1'2 x'1 a,,b"));
    }

    /** One tokenizer, reused as the analyzer reuses it, alternating between its two paths. */
    @Property(tries = 1000)
    void aReusedTokenizerForgetsTheLastText(@ForAll("mixedText") String a, @ForAll("asciiText") String b) throws IOException {
        assertEquals(standard(a), tokens(reused, a));
        assertEquals(standard(b), tokens(reused, b));
    }

    private final Tokenizer reused = new StandardWordTokenizer();

    @Example
    void nonAsciiOrVeryLongWordsTakeStandardTokenizer() {
        assertFalse(StandardWordTokenizer.scannable("결제 failed".toCharArray(), 9));
        String word = "a".repeat(StandardWordTokenizer.MAX_WORD);
        assertFalse(StandardWordTokenizer.scannable(word.toCharArray(), word.length()));
        assertTrue(StandardWordTokenizer.scannable(word.substring(1).toCharArray(), word.length() - 1));
    }

    @Provide
    Arbitrary<String> asciiText() {
        Arbitrary<String> words = Arbitraries.of("PaymentService", "order", "123456", "1,000", "can't", "O'Brien", "a1b2",
                "3;4", "x'", "'y", "HTTP", "500", "e5", "5e");
        Arbitrary<String> chars = Arbitraries.strings().withChars(ASCII.toCharArray()).ofMaxLength(30);
        // without . : _, which the char filter turns into spaces before the tokenizer sees the text
        Arbitrary<String> anyAscii = Arbitraries.strings().ascii().excludeChars('.', ':', '_').ofMaxLength(20);
        return Arbitraries.oneOf(words, chars, anyAscii)
                .list().ofMaxSize(40).map(l -> String.join(" ", l));
    }

    @Provide
    Arbitrary<String> mixedText() {
        Arbitrary<String> words = Arbitraries.of("결제실패", "주문번호", "中文", "日本語", "カタカナ", "ひらがな", "Ärger", "İstanbul",
                "ß", "🙂", "e\u0301", "a\u200db", "Ａｂｃ", "١٢٣", "x'y", "1,2");
        Arbitrary<String> chars = Arbitraries.strings().withChars((ASCII + "결제가中カひÄé🙂\u0301").toCharArray()).ofMaxLength(30);
        return Arbitraries.oneOf(words, chars).list().ofMaxSize(30).map(l -> String.join("", l));
    }

    @Provide
    Arbitrary<String> longWords() {
        Arbitrary<String> word = Arbitraries.integers().between(StandardWordTokenizer.MAX_WORD - 3, StandardWordTokenizer.MAX_WORD * 2 + 3)
                .flatMap(n -> Arbitraries.strings().withChars("aZ9',".toCharArray()).ofLength(n));
        return word.list().ofMinSize(1).ofMaxSize(3).map(l -> String.join(" ", l));
    }

    private static List<String> terms(String text) throws IOException {
        List<String> out = new ArrayList<>();
        for (String t : fast(text)) {
            out.add(t.substring(0, t.indexOf('@')));
        }
        out.removeIf(t -> t.startsWith("end"));
        return out;
    }

    private static List<String> standard(String text) throws IOException {
        Tokenizer t = new StandardTokenizer();
        t.setReader(new StringReader(text));
        return tokens(new LowerCaseFilter(t));
    }

    private static List<String> fast(String text) throws IOException {
        return tokens(new StandardWordTokenizer(), text);
    }

    private static List<String> tokens(Tokenizer t, String text) throws IOException {
        t.setReader(new StringReader(text));
        return tokens(t);
    }

    private static List<String> tokens(TokenStream s) throws IOException {
        List<String> out = new ArrayList<>();
        CharTermAttribute term = s.addAttribute(CharTermAttribute.class);
        TypeAttribute type = s.addAttribute(TypeAttribute.class);
        PositionIncrementAttribute inc = s.addAttribute(PositionIncrementAttribute.class);
        OffsetAttribute offset = s.addAttribute(OffsetAttribute.class);
        try (s) {
            s.reset();
            while (s.incrementToken()) {
                out.add(term + type.type() + "@" + inc.getPositionIncrement() + "[" + offset.startOffset() + "," + offset.endOffset() + "]");
            }
            s.end();
            out.add("end@" + inc.getPositionIncrement() + "[" + offset.startOffset() + "," + offset.endOffset() + "]");
        }
        return out;
    }
}
