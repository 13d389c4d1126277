package dev.jinju.query.text;

import dev.jinju.query.Query;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.PrefixQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.WildcardQuery;

/**
 * Turns free terms and phrases into Lucene queries on {@link TextAnalysis#TEXT_FIELD}: the one translation the
 * evaluator (over a MemoryIndex) and the Lucene index share.
 */
public final class TextQueries {

    private TextQueries() {
    }

    /** The Lucene query for a {@link Query.Text} or {@link Query.Phrase}. */
    public static org.apache.lucene.search.Query toLucene(Query q) {
        if (q instanceof Query.Text text) {
            return term(text.term());
        }
        if (q instanceof Query.Phrase phrase) {
            return analysed(phrase.text());
        }
        throw new IllegalArgumentException("not a free term or phrase: " + q);
    }

    /**
     * A free term. Without {@code *} it is analysed like the text: one token is a TermQuery, several
     * ({@code id=4242}, {@code PaymentService.charge}, {@code 결제실패}) a PhraseQuery of them.
     * With {@code *} it is split into words at the analyzer's separators and punctuation; each word with a
     * {@code *} becomes a lower-cased PrefixQuery ({@code pay*}) or WildcardQuery ({@code *error}) over single
     * tokens, other words are analysed as above, and all words must match (not necessarily adjacent).
     */
    public static org.apache.lucene.search.Query term(String term) {
        if (term.indexOf('*') < 0) {
            return analysed(term);
        }
        List<org.apache.lucene.search.Query> parts = new ArrayList<>();
        for (String word : words(term)) {
            if (word.indexOf('*') < 0) {
                org.apache.lucene.search.Query q = analysed(word);
                if (!(q instanceof MatchNoDocsQuery)) {
                    parts.add(q);
                }
                continue;
            }
            String lower = TextAnalysis.lowerCase(word).replaceAll("\\*+", "*");
            String stem = lower.substring(0, lower.length() - 1);
            if (lower.endsWith("*") && !stem.isEmpty() && stem.indexOf('*') < 0) {
                parts.add(new PrefixQuery(new Term(TextAnalysis.TEXT_FIELD, stem)));
            } else {
                parts.add(new WildcardQuery(new Term(TextAnalysis.TEXT_FIELD, lower)));
            }
        }
        if (parts.isEmpty()) {
            return nothing(term);
        }
        if (parts.size() == 1) {
            return parts.get(0);
        }
        BooleanQuery.Builder all = new BooleanQuery.Builder();
        parts.forEach(p -> all.add(p, BooleanClause.Occur.MUST));
        return all.build();
    }

    /** Analyses {@code text}: no token matches nothing, one token is a TermQuery, more a PhraseQuery. */
    private static org.apache.lucene.search.Query analysed(String text) {
        List<TextAnalysis.AnalyzedToken> tokens = TextAnalysis.tokens(text);
        if (tokens.isEmpty()) {
            return nothing(text);
        }
        if (tokens.size() == 1) {
            return new TermQuery(new Term(TextAnalysis.TEXT_FIELD, tokens.get(0).term()));
        }
        PhraseQuery.Builder phrase = new PhraseQuery.Builder();
        for (TextAnalysis.AnalyzedToken t : tokens) {
            phrase.add(new Term(TextAnalysis.TEXT_FIELD, t.term()), t.position());
        }
        return phrase.build();
    }

    /**
     * A term with no words (only punctuation, like {@code ---} or {@code "..."}) matches nothing: treating it as
     * "no condition" would make {@code !...} match nothing and a typo match everything.
     */
    private static org.apache.lucene.search.Query nothing(String text) {
        return new MatchNoDocsQuery("no words in '" + text + "'");
    }

    /** Splits a wildcard term into words: separators and anything but letters, digits, marks and {@code *}. */
    private static List<String> words(String term) {
        List<String> words = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        term.codePoints().forEach(cp -> {
            boolean wordChar = cp == '*' || Character.isLetterOrDigit(cp)
                    || Character.getType(cp) == Character.NON_SPACING_MARK
                    || Character.getType(cp) == Character.COMBINING_SPACING_MARK;
            if (wordChar && TextAnalysis.SEPARATORS.indexOf(cp) < 0) {
                word.appendCodePoint(cp);
            } else if (word.length() > 0) {
                words.add(word.toString());
                word.setLength(0);
            }
        });
        if (word.length() > 0) {
            words.add(word.toString());
        }
        return words;
    }
}
