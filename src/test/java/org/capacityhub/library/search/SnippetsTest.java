package org.capacityhub.library.search;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.lucene.analysis.Analyzer;
import org.junit.jupiter.api.Test;

/** The snippets of a search: which words are marked, how long texts are cut, and that the result is inert HTML. */
class SnippetsTest {

    private static final Analyzer[] ANALYZERS = SnippetAnalyzers.build();

    private static Snippets snippets(String query) {
        return new Snippets(ANALYZERS[0], ANALYZERS[1], ANALYZERS[2], query);
    }

    private static String html(String marked) {
        return SafeHtml.fromHighlighted(marked).html();
    }

    @Test
    void marksExactStemmedAndMistypedWordsOnly() {
        Snippets s = snippets("guidelines intreoperability");
        assertThat(html(s.snippet("A guideline on interoperability, not on interpretation.", 2)))
                .isEqualTo("A <mark>guideline</mark> on <mark>interoperability</mark>, not on interpretation.");
    }

    @Test
    void frenchAnalysisMarksElisionsAndPlurals() {
        Snippets s = snippets("administrations");
        assertThat(html(s.snippet("Le rôle de l'administration publique.", 1)))
                .isEqualTo("Le rôle de <mark>l&#39;administration</mark> publique.");
    }

    @Test
    void shortWordsTolerateFewerTypos() {
        assertThat(Snippets.maxEdits("ai")).isZero();
        assertThat(Snippets.maxEdits("cloud")).isEqualTo(1);
        assertThat(Snippets.maxEdits("donnée")).isEqualTo(2);
        // "date" is within one edit of "data"; "beta" too, but the first letter must be right
        Snippets s = snippets("data");
        assertThat(s.snippet("date and beta", 1)).isEqualTo(SafeHtml.OPEN + "date" + SafeHtml.CLOSE + " and beta");
    }

    @Test
    void titlesAlsoMarkWordBeginnings() {
        Snippets s = snippets("interop");
        assertThat(html(s.title("Interoperability guide"))).isEqualTo("<mark>Interoperability</mark> guide");
        assertThat(s.title("Cloud guide")).isNull();
        assertThat(s.snippet("Interoperability guide", 1)).isNull();
    }

    @Test
    void longTextsAreCutAroundTheWordsFound() {
        String filler = "lorem ipsum dolor sit amet ".repeat(40);
        String text = filler + "the zorblax procedure " + filler + "again zorblax here " + filler;
        String snippet = snippets("zorblax").snippet(text, 2);
        assertThat(snippet).startsWith("… ").endsWith(" …").contains(" … ");
        assertThat(snippet.length()).isLessThan(2 * Snippets.FRAGMENT + 80);
        assertThat(html(snippet)).contains("the <mark>zorblax</mark> procedure", "again <mark>zorblax</mark> here");
        // nothing found beyond the scanned part of a very long text
        String hidden = "x ".repeat(Snippets.SCAN_LIMIT) + "zorblax";
        assertThat(snippets("zorblax").snippet(hidden, 2)).isNull();
    }

    @Test
    void htmlInTextsStaysInertAndMarkersInTheTextAreDropped() {
        Snippets s = snippets("script");
        String html = html(s.snippet("<script>alert('x')</script> \uE000fake\uE001 script", 1));
        assertThat(html).doesNotContain("<script>").contains("&lt;<mark>script</mark>&gt;")
                .contains("fake <mark>script</mark>").doesNotContain("\uE000");
    }

    @Test
    void noWordsNoSnippet() {
        assertThat(snippets("  !! ").snippet("anything", 2)).isNull();
        assertThat(snippets("cloud").snippet(null, 2)).isNull();
    }
}
