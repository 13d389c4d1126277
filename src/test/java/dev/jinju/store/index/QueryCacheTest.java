package dev.jinju.store.index;

import dev.jinju.query.QueryParser;
import dev.jinju.query.text.TextAnalysis;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.LRUQueryCache;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A repeated leading-wildcard search is answered from the index's query cache, with the same hits. */
class QueryCacheTest {
    @TempDir
    Path dir;

    @Test
    void aRepeatedWildcardIsServedFromTheCache() throws IOException {
        String[] messages = {"TypeError: x is undefined", "payment failed", "ReferenceError: y", "user signed in"};
        try (FSDirectory d = FSDirectory.open(dir); IndexWriter w = new IndexWriter(d, TextIndex.writerConfig())) {
            for (int seq = 1; seq <= 12_000; seq++) { // one segment over the cache's 10 000-document floor
                w.addDocument(TextIndex.document(seq, 1_000_000L + seq * 250L, 1, 2, null,
                        TextAnalysis.text(messages[seq % messages.length] + " #" + seq, null)));
            }
            w.forceMerge(1);
            w.commit();
        }
        LRUQueryCache cache = TextIndex.newQueryCache();
        try (DirectoryReader reader = DirectoryReader.open(FSDirectory.open(dir))) {
            IndexSearcher searcher = new IndexSearcher(reader);
            searcher.setQueryCache(cache);
            Searcher s = new Searcher(searcher, 12_000);
            Searcher.Bounds bounds = new Searcher.Bounds(List.of(1), 0, Long.MAX_VALUE, List.of());
            var wildcard = LuceneCompiler.compile(QueryParser.parse("*Error")).query();
            Searcher.Hits first = s.search(wildcard, bounds, false, 0, 0, 100);
            assertEquals(100, first.seq().length);
            assertEquals(12_000, first.seq()[0], "newest first: a TypeError");
            assertEquals(11_998, first.seq()[1], "then a ReferenceError");
            for (int run = 0; run < 3; run++) {
                Searcher.Hits again = s.search(wildcard, bounds, false, 0, 0, 100);
                assertArrayEquals(first.seq(), again.seq());
            }
            assertTrue(cache.getHitCount() > 0, "later runs hit the cache");
        }
    }
}
