package org.capacityhub.library.search;

import org.capacityhub.library.domain.LibraryAnalysis;
import org.hibernate.search.backend.elasticsearch.analysis.ElasticsearchAnalysisConfigurationContext;
import org.hibernate.search.backend.elasticsearch.analysis.ElasticsearchAnalysisConfigurer;

/**
 * The library's analysers for the Elasticsearch/OpenSearch backend: the same four names and the same chains as
 * {@link LibraryAnalysis} (Lucene backend), with Elasticsearch's built-in components, so that the mapping on
 * {@code Resource} works unchanged. Compiled only with the Maven profile {@code elasticsearch}; selected by the Spring
 * profile of the same name ({@code application-elasticsearch.properties}, see docs/library.md).
 */
public class LibraryElasticsearchAnalysis implements ElasticsearchAnalysisConfigurer {

    static final String ENGLISH_STEMMER = "library_snowball_english";
    static final String FRENCH_ELISION = "library_french_elision";
    static final String FRENCH_STEMMER = "library_french_light_stemmer";
    static final String EDGE_NGRAM = "library_edge_ngram_2_15";

    @Override
    public void configure(ElasticsearchAnalysisConfigurationContext context) {
        context.tokenFilter(ENGLISH_STEMMER).type("snowball").param("language", "English");
        // Elasticsearch's elision filter removes the French articles by default, as Lucene's ElisionFilterFactory
        context.tokenFilter(FRENCH_ELISION).type("elision");
        context.tokenFilter(FRENCH_STEMMER).type("stemmer").param("language", "light_french");
        context.tokenFilter(EDGE_NGRAM).type("edge_ngram").param("min_gram", 2).param("max_gram", 15);

        context.analyzer(LibraryAnalysis.STANDARD).custom()
                .tokenizer("standard")
                .tokenFilters("lowercase", "asciifolding");
        context.analyzer(LibraryAnalysis.ENGLISH).custom()
                .tokenizer("standard")
                .tokenFilters("lowercase", ENGLISH_STEMMER, "asciifolding");
        context.analyzer(LibraryAnalysis.FRENCH).custom()
                .tokenizer("standard")
                .tokenFilters(FRENCH_ELISION, "lowercase", FRENCH_STEMMER, "asciifolding");
        context.analyzer(LibraryAnalysis.NGRAM).custom()
                .tokenizer("standard")
                .tokenFilters("lowercase", "asciifolding", EDGE_NGRAM);
    }
}
