package org.capacityhub.library.domain;

import org.apache.lucene.analysis.core.LowerCaseFilterFactory;
import org.apache.lucene.analysis.fr.FrenchLightStemFilterFactory;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilterFactory;
import org.apache.lucene.analysis.ngram.EdgeNGramFilterFactory;
import org.apache.lucene.analysis.snowball.SnowballPorterFilterFactory;
import org.apache.lucene.analysis.standard.StandardTokenizerFactory;
import org.apache.lucene.analysis.util.ElisionFilterFactory;
import org.hibernate.search.backend.lucene.analysis.LuceneAnalysisConfigurationContext;
import org.hibernate.search.backend.lucene.analysis.LuceneAnalysisConfigurer;

/**
 * The analysers of the library's index (Lucene backend; the Elasticsearch backend defines the same names, see
 * docs/library.md):
 * <ul>
 * <li>{@value #STANDARD}: words, lower case, accents folded; language-neutral, the field snippets come from and
 * the one fuzzy (typo-tolerant) matching runs on;</li>
 * <li>{@value #ENGLISH}: the same with English stemming ("guidelines" finds "guideline");</li>
 * <li>{@value #FRENCH}: elisions removed ("l'administration"), French light stemming, accents folded;</li>
 * <li>{@value #NGRAM}: edge n-grams (2 to 15 letters) of each word, for matching the beginning of words in titles.</li>
 * </ul>
 */
public class LibraryAnalysis implements LuceneAnalysisConfigurer {

    public static final String STANDARD = "library_standard";
    public static final String ENGLISH = "library_english";
    public static final String FRENCH = "library_french";
    public static final String NGRAM = "library_ngram";

    @Override
    public void configure(LuceneAnalysisConfigurationContext context) {
        context.analyzer(STANDARD).custom()
                .tokenizer(StandardTokenizerFactory.class)
                .tokenFilter(LowerCaseFilterFactory.class)
                .tokenFilter(ASCIIFoldingFilterFactory.class);
        context.analyzer(ENGLISH).custom()
                .tokenizer(StandardTokenizerFactory.class)
                .tokenFilter(LowerCaseFilterFactory.class)
                .tokenFilter(SnowballPorterFilterFactory.class).param("language", "English")
                .tokenFilter(ASCIIFoldingFilterFactory.class);
        context.analyzer(FRENCH).custom()
                .tokenizer(StandardTokenizerFactory.class)
                .tokenFilter(ElisionFilterFactory.class)
                .tokenFilter(LowerCaseFilterFactory.class)
                .tokenFilter(FrenchLightStemFilterFactory.class)
                .tokenFilter(ASCIIFoldingFilterFactory.class);
        context.analyzer(NGRAM).custom()
                .tokenizer(StandardTokenizerFactory.class)
                .tokenFilter(LowerCaseFilterFactory.class)
                .tokenFilter(ASCIIFoldingFilterFactory.class)
                .tokenFilter(EdgeNGramFilterFactory.class).param("minGramSize", "2").param("maxGramSize", "15");
    }
}
