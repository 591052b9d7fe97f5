package org.capacityhub.library.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import jakarta.persistence.EntityManagerFactory;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.capacityhub.library.domain.LibraryAnalysis;
import org.capacityhub.support.IntegrationTest;
import org.hibernate.search.backend.lucene.LuceneBackend;
import org.hibernate.search.mapper.orm.Search;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The analysers the snippets use when the index is not on Lucene (Elasticsearch/OpenSearch) give the same words, at
 * the same places, as the Lucene backend's analysers of the index ({@link LibraryAnalysis}).
 */
@IntegrationTest
class SnippetAnalyzersTest {

    private static final String TEXT = "L'administration numérique publie des Guidelines: «Interopérabilité» des "
            + "registres, e-services & data-governance (2024). Élections, coûts, naïveté; l’État; qu'il; Straße.";

    @Autowired EntityManagerFactory entityManagerFactory;

    @Test
    void sameTokensAsTheIndexAnalysers() throws Exception {
        LuceneBackend backend = Search.mapping(entityManagerFactory).backend().unwrap(LuceneBackend.class);
        Analyzer[] own = SnippetAnalyzers.build();
        String[] names = {LibraryAnalysis.STANDARD, LibraryAnalysis.ENGLISH, LibraryAnalysis.FRENCH};
        for (int i = 0; i < names.length; i++) {
            List<String> expected = tokens(backend.analyzer(names[i]).orElseThrow());
            assertThat(expected).isNotEmpty();
            assertThat(tokens(own[i])).as(names[i]).isEqualTo(expected);
        }
    }

    private static List<String> tokens(Analyzer analyzer) throws Exception {
        List<String> tokens = new ArrayList<>();
        try (TokenStream stream = analyzer.tokenStream("", TEXT)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            OffsetAttribute offset = stream.addAttribute(OffsetAttribute.class);
            stream.reset();
            while (stream.incrementToken()) {
                tokens.add(term + "@" + offset.startOffset() + "-" + offset.endOffset());
            }
            stream.end();
        }
        return tokens;
    }
}
