package dev.jinju.query.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import dev.jinju.query.Query;
import java.util.List;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.PrefixQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.WildcardQuery;
import org.junit.jupiter.api.Test;

/** Text analysis and the Lucene queries built from free terms, phrases and wildcards. */
class TextQueriesTest {

    private static List<String> terms(String text) {
        return TextAnalysis.tokens(text).stream().map(TextAnalysis.AnalyzedToken::term).toList();
    }

    @Test
    void analyzerSplitsSeparatorsBigramsCjkAndLowerCases() {
        assertEquals(List.of("at", "com", "example", "paymentservice", "charge", "paymentservice", "java", "42"),
                terms("at com.example.PaymentService.charge(PaymentService.java:42)"));
        assertEquals(List.of("결제", "제실", "실패"), terms("결제실패"));
        assertEquals(List.of("id", "4242", "a", "b", "c", "d", "e"), terms("id=4242 a_b$c/d:e"));
        assertEquals(List.of(), terms("... --- !!"));
    }

    @Test
    void termsAndPhrases() {
        assertInstanceOf(TermQuery.class, TextQueries.toLucene(new Query.Text("PaymentService")));
        assertEquals("text:paymentservice", TextQueries.toLucene(new Query.Text("PaymentService")).toString());
        assertInstanceOf(PhraseQuery.class, TextQueries.toLucene(new Query.Text("id=4242")));
        assertEquals("text:\"결제 제실 실패\"", TextQueries.toLucene(new Query.Text("결제실패")).toString());
        assertEquals("text:\"failed to connect\"", TextQueries.toLucene(new Query.Phrase("Failed to CONNECT")).toString());
        assertInstanceOf(MatchNoDocsQuery.class, TextQueries.toLucene(new Query.Text("...")));
        assertInstanceOf(MatchNoDocsQuery.class, TextQueries.toLucene(new Query.Phrase("")));
    }

    @Test
    void wildcards() {
        assertEquals(new PrefixQuery(new org.apache.lucene.index.Term("text", "pay")),
                TextQueries.toLucene(new Query.Text("Pay*")));
        assertInstanceOf(WildcardQuery.class, TextQueries.toLucene(new Query.Text("*Error")));
        assertEquals("text:*error", TextQueries.toLucene(new Query.Text("*Error")).toString());
        assertEquals("text:*", TextQueries.toLucene(new Query.Text("**")).toString());
        assertInstanceOf(BooleanQuery.class, TextQueries.toLucene(new Query.Text("com.exam*")));
        assertInstanceOf(MatchNoDocsQuery.class, TextQueries.toLucene(new Query.Text("?!")));
    }
}
