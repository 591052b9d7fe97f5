package org.capacityhub.library.search;

import java.io.IOException;
import java.io.UncheckedIOException;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.core.LowerCaseFilterFactory;
import org.apache.lucene.analysis.custom.CustomAnalyzer;
import org.apache.lucene.analysis.fr.FrenchLightStemFilterFactory;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilterFactory;
import org.apache.lucene.analysis.snowball.SnowballPorterFilterFactory;
import org.apache.lucene.analysis.standard.StandardTokenizerFactory;
import org.apache.lucene.analysis.util.ElisionFilterFactory;

/**
 * The library's standard, English and French analysis chains (org.capacityhub.library.domain.LibraryAnalysis) built
 * directly with Lucene, for the snippets when the index is on Elasticsearch/OpenSearch and the backend has no Lucene
 * analysers to lend. {@code SnippetAnalyzersTest} checks they produce the same words as the Lucene backend's.
 */
final class SnippetAnalyzers {

    private SnippetAnalyzers() {}

    static Analyzer[] build() {
        try {
            return new Analyzer[] {
                CustomAnalyzer.builder().withTokenizer(StandardTokenizerFactory.class)
                        .addTokenFilter(LowerCaseFilterFactory.class)
                        .addTokenFilter(ASCIIFoldingFilterFactory.class).build(),
                CustomAnalyzer.builder().withTokenizer(StandardTokenizerFactory.class)
                        .addTokenFilter(LowerCaseFilterFactory.class)
                        .addTokenFilter(SnowballPorterFilterFactory.class, "language", "English")
                        .addTokenFilter(ASCIIFoldingFilterFactory.class).build(),
                CustomAnalyzer.builder().withTokenizer(StandardTokenizerFactory.class)
                        .addTokenFilter(ElisionFilterFactory.class)
                        .addTokenFilter(LowerCaseFilterFactory.class)
                        .addTokenFilter(FrenchLightStemFilterFactory.class)
                        .addTokenFilter(ASCIIFoldingFilterFactory.class).build()};
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
