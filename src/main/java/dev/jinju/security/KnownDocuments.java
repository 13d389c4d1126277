package dev.jinju.security;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A bounded set of GraphQL documents already checked: looking one up costs a hash of the text, parsing it again
 * costs a full ANTLR parse. When full it starts over, since clients send a few operations, not thousands.
 */
final class KnownDocuments {
    private final Set<String> documents = ConcurrentHashMap.newKeySet();
    private final int maxDocuments;
    private final int maxLength;

    KnownDocuments(int maxDocuments, int maxLength) {
        this.maxDocuments = maxDocuments;
        this.maxLength = maxLength;
    }

    boolean contains(String document) {
        return document.length() <= maxLength && documents.contains(document);
    }

    void add(String document) {
        if (document.length() > maxLength) {
            return;
        }
        if (documents.size() >= maxDocuments) {
            documents.clear();
        }
        documents.add(document);
    }

    int size() {
        return documents.size();
    }
}
