package dev.jinju.query.text;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.charfilter.MappingCharFilter;
import org.apache.lucene.analysis.charfilter.NormalizeCharMap;
import org.apache.lucene.analysis.cjk.CJKBigramFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The fast separator filter analyses exactly as Lucene's MappingCharFilter with the same mappings did. */
class SeparatorCharFilterProperties {

    /** The analyzer as it was before: MappingCharFilter mapping each separator to a space. */
    private static final Analyzer REFERENCE = new Analyzer() {
        private final NormalizeCharMap map = separators();

        @Override
        protected Reader initReader(String fieldName, Reader reader) {
            return new MappingCharFilter(map, reader);
        }

        @Override
        protected TokenStreamComponents createComponents(String fieldName) {
            Tokenizer tokenizer = new StandardTokenizer();
            return new TokenStreamComponents(tokenizer, new LowerCaseFilter(new CJKBigramFilter(tokenizer)));
        }
    };

    private static NormalizeCharMap separators() {
        NormalizeCharMap.Builder b = new NormalizeCharMap.Builder();
        for (char c : TextAnalysis.SEPARATORS.toCharArray()) {
            b.add(String.valueOf(c), " ");
        }
        return b.build();
    }

    @Property(tries = 2000)
    void sameTokensPositionsAndOffsets(@ForAll("logText") String text) throws IOException {
        assertEquals(analyse(REFERENCE, text), analyse(TextAnalysis.analyzer(), text));
    }

    @Property(tries = 200)
    void longTextsSpanningReadBuffers(@ForAll("logText") String piece) throws IOException {
        String text = piece.repeat(1 + 9000 / Math.max(1, piece.length()));
        assertEquals(analyse(REFERENCE, text), analyse(TextAnalysis.analyzer(), text));
    }

    @Provide
    Arbitrary<String> logText() {
        Arbitrary<String> words = Arbitraries.of("PaymentService", "charge", "app.js:1:1803", "https://shop.example.com/a_b",
                "key=value", "$var", "결제실패", "주문이", "🙂", "ERROR", "v1.2.3", "a.b.c", "user_id", "x/y", "42", "TypeError:");
        Arbitrary<String> chars = Arbitraries.strings().withChars(".:/=_$ \n\tabcXYZ09결제é🙂".toCharArray()).ofMaxLength(40);
        return Arbitraries.oneOf(words, chars).list().ofMaxSize(30).map(l -> String.join(" ", l));
    }

    private static List<String> analyse(Analyzer analyzer, String text) throws IOException {
        List<String> out = new ArrayList<>();
        try (TokenStream s = analyzer.tokenStream(TextAnalysis.TEXT_FIELD, text)) {
            CharTermAttribute term = s.addAttribute(CharTermAttribute.class);
            PositionIncrementAttribute inc = s.addAttribute(PositionIncrementAttribute.class);
            OffsetAttribute offset = s.addAttribute(OffsetAttribute.class);
            s.reset();
            while (s.incrementToken()) {
                out.add(term + "@" + inc.getPositionIncrement() + "[" + offset.startOffset() + "," + offset.endOffset() + "]");
            }
            s.end();
        }
        return out;
    }
}
