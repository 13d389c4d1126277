package dev.jinju.query.text;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.cjk.CJKBigramFilter;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;

/** The one text analyzer of SPEC §5, shared by the evaluator, the Lucene index and the CloudWatch post-filter. */
public final class TextAnalysis {

    /** The Lucene field that holds {@link #text(String, String)} of an event. */
    public static final String TEXT_FIELD = "text";

    /** Characters the char filter turns into spaces, so {@code PaymentService} is a word of {@code a.PaymentService.b}. */
    public static final String SEPARATORS = ".:/=_$";

    private static final Analyzer ANALYZER = new Analyzer() {
        @Override
        protected Reader initReader(String fieldName, Reader reader) {
            return new SeparatorCharFilter(reader);
        }

        @Override
        protected Reader initReaderForNormalization(String fieldName, Reader reader) {
            return new SeparatorCharFilter(reader);
        }

        @Override
        protected TokenStreamComponents createComponents(String fieldName) {
            // StandardTokenizer and lower-casing, faster on ASCII. Bigrams need StandardTokenizer's script types,
            // so CJKBigramFilter comes right after it (CJK characters have no case: lower-casing first is the same).
            Tokenizer tokenizer = new StandardWordTokenizer();
            return new TokenStreamComponents(tokenizer, new CJKBigramFilter(tokenizer));
        }

        @Override
        protected TokenStream normalize(String fieldName, TokenStream in) {
            return new LowerCaseFilter(in);
        }
    };

    private TextAnalysis() {
    }

    /** The shared analyzer; thread-safe, and must not be closed. */
    public static Analyzer analyzer() {
        return ANALYZER;
    }

    /** The searchable text of an event: {@code message + "\n" + stackTrace}, leaving out what is null. */
    public static String text(String message, String stackTrace) {
        if (message == null) {
            return stackTrace == null ? "" : stackTrace;
        }
        return stackTrace == null ? message : message + "\n" + stackTrace;
    }

    /** One analysed token and its position (positions matter for phrases of CJK bigrams). */
    public record AnalyzedToken(String term, int position) {
    }

    /** The tokens the analyzer makes of {@code text}, in order. */
    public static List<AnalyzedToken> tokens(String text) {
        List<AnalyzedToken> tokens = new ArrayList<>();
        try (TokenStream stream = ANALYZER.tokenStream(TEXT_FIELD, text)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            PositionIncrementAttribute increment = stream.addAttribute(PositionIncrementAttribute.class);
            stream.reset();
            int position = -1;
            while (stream.incrementToken()) {
                position += increment.getPositionIncrement();
                tokens.add(new AnalyzedToken(term.toString(), position));
            }
            stream.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e); // cannot happen: the reader is a String
        }
        return tokens;
    }

    /** Lower-cases as {@link LowerCaseFilter} does (per code point), for terms that bypass the analyzer. */
    public static String lowerCase(String s) {
        StringBuilder out = new StringBuilder(s.length());
        s.codePoints().forEach(cp -> out.appendCodePoint(Character.toLowerCase(cp)));
        return out.toString();
    }
}
