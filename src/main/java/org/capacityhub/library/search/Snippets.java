package org.capacityhub.library.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.util.automaton.CharacterRunAutomaton;
import org.apache.lucene.util.automaton.LevenshteinAutomata;

/**
 * Highlighted snippets for one search, built once per search from the words searched and applied to the few hits
 * shown. A word of a resource's text is marked when it is one of the words searched (language-neutral analysis),
 * has the same English or French stem as one, is within the same edit distance the search tolerates for typos
 * ({@link #maxEdits}), or — in titles only — begins with one (the title's word-beginning matching).
 * <p>
 * Why not Hibernate Search's highlighters: they re-run the whole query against each hit's text, and with typo
 * tolerance that means rebuilding the Levenshtein automata of every fuzzy word for every field of every hit, which
 * made a search with words 20 to 70 times slower than the same search without snippets (see docs/benchmarks.md and
 * docs/decisions/0014-library-snippets.md). Here the automata are built once per search and each hit's text is
 * analysed once per analyser, up to {@link #SCAN_LIMIT} characters.
 */
final class Snippets {

    /** How much of a long text (e.g. the text extracted from a file) is scanned for a snippet. */
    static final int SCAN_LIMIT = 20_000;
    /** Characters around the words found in one fragment of a snippet. */
    static final int FRAGMENT = 220;

    private final Analyzer standard;
    private final Analyzer english;
    private final Analyzer french;
    private final Set<String> words = new LinkedHashSet<>();
    private final Set<String> englishStems = new LinkedHashSet<>();
    private final Set<String> frenchStems = new LinkedHashSet<>();
    private final List<CharacterRunAutomaton> typos = new ArrayList<>();

    Snippets(Analyzer standard, Analyzer english, Analyzer french, String query) {
        this.standard = standard;
        this.english = english;
        this.french = french;
        words.addAll(terms(standard, query));
        englishStems.addAll(terms(english, query));
        frenchStems.addAll(terms(french, query));
        for (String word : words) {
            int edits = maxEdits(word);
            if (edits > 0) {
                int first = word.codePointAt(0);
                String prefix = new String(Character.toChars(first));
                typos.add(new CharacterRunAutomaton(
                        new LevenshteinAutomata(word.substring(prefix.length()), true).toAutomaton(edits, prefix)));
            }
        }
    }

    /**
     * The number of typing errors tolerated in a word, as Elasticsearch's "AUTO" fuzziness: none up to 2
     * characters, one up to 5, two beyond. The first character must be right.
     */
    static int maxEdits(String word) {
        int length = word.codePointCount(0, word.length());
        return length <= 2 ? 0 : length <= 5 ? 1 : 2;
    }

    /** The whole text with the words found marked, or null if none was found. */
    String title(String text) {
        if (text == null || words.isEmpty()) {
            return null;
        }
        BitSet marked = marks(text, true);
        return marked.isEmpty() ? null : mark(text, marked, 0, text.length());
    }

    /**
     * Up to {@code fragments} passages of the text around the words found, with the words marked and "…" where text
     * is left out, or null if none of the words is in the (first {@link #SCAN_LIMIT} characters of the) text.
     * <p>
     * Cost: the language-neutral analysis runs until enough passages are found; the English and French ones (stems)
     * run only over those passages, or over the whole scanned text when the neutral one found nothing.
     */
    String snippet(String text, int fragments) {
        if (text == null || text.isBlank() || words.isEmpty()) {
            return null;
        }
        String scanned = text.length() > SCAN_LIMIT ? text.substring(0, SCAN_LIMIT) : text;
        BitSet marked = new BitSet(scanned.length());
        scanNeutral(scanned, marked, false, fragments);
        List<int[]> passages = passages(scanned, marked, fragments);
        if (passages.isEmpty()) {
            scanLanguages(scanned, 0, scanned.length(), marked);
            passages = passages(scanned, marked, fragments);
            if (passages.isEmpty()) {
                return null;
            }
        } else {
            for (int[] passage : passages) {
                scanLanguages(scanned, passage[0], passage[1], marked);
            }
        }
        StringBuilder out = new StringBuilder();
        int from = 0;
        for (int[] passage : passages) {
            if (passage[0] > from || (passage[0] > 0 && out.isEmpty())) {
                out.append(out.isEmpty() ? "… " : " … ");
            } else if (!out.isEmpty()) {
                out.append(' ');
            }
            out.append(mark(scanned, marked, passage[0], passage[1]).strip());
            from = passage[1];
        }
        if (from < text.length()) {
            out.append(" …");
        }
        return out.toString();
    }

    /** Where the passages shown go: around the first marked word, then the first one after the passage, ... */
    private static List<int[]> passages(String text, BitSet marked, int fragments) {
        List<int[]> passages = new ArrayList<>();
        int from = 0;
        while (passages.size() < fragments) {
            int hit = marked.nextSetBit(from);
            if (hit < 0) {
                break;
            }
            int start = wordStart(text, Math.max(from, hit - FRAGMENT / 3));
            int end = wordEnd(text, Math.min(text.length(), start + FRAGMENT));
            if (end < text.length() && marked.get(end)) {
                end = marked.nextClearBit(end);
            }
            passages.add(new int[] {start, end});
            from = end;
        }
        return passages;
    }

    private BitSet marks(String text, boolean prefixes) {
        BitSet marked = new BitSet(text.length());
        scanNeutral(text, marked, prefixes, Integer.MAX_VALUE);
        scanLanguages(text, 0, text.length(), marked);
        return marked;
    }

    /**
     * Marks the words found by the language-neutral analysis; stops once the words for {@code fragments} passages
     * are found.
     */
    private void scanNeutral(String text, BitSet marked, boolean prefixes, int fragments) {
        int passages = 0;
        int passageEnd = -1;
        try (TokenStream stream = standard.tokenStream("", text)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            OffsetAttribute offset = stream.addAttribute(OffsetAttribute.class);
            stream.reset();
            while (stream.incrementToken()) {
                if (offset.startOffset() > passageEnd && passages == fragments) {
                    break;
                }
                if (neutralMatch(term.toString(), prefixes)) {
                    marked.set(offset.startOffset(), offset.endOffset());
                    if (offset.startOffset() > passageEnd) {
                        passages++;
                        passageEnd = offset.startOffset() + FRAGMENT;
                    }
                }
            }
            stream.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private boolean neutralMatch(String term, boolean prefixes) {
        if (words.contains(term)) {
            return true;
        }
        for (CharacterRunAutomaton typo : typos) {
            if (typo.run(term)) {
                return true;
            }
        }
        if (prefixes) {
            for (String word : words) {
                if (word.length() >= 2 && term.startsWith(word)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Marks the words with the same English or French stem as a word searched, between two offsets. */
    private void scanLanguages(String text, int start, int end, BitSet marked) {
        String part = start == 0 && end == text.length() ? text : text.substring(start, end);
        scan(english, part, start, marked, englishStems::contains);
        scan(french, part, start, marked, frenchStems::contains);
    }

    private static void scan(Analyzer analyzer, String text, int shift, BitSet marked,
            java.util.function.Predicate<String> matches) {
        try (TokenStream stream = analyzer.tokenStream("", text)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            OffsetAttribute offset = stream.addAttribute(OffsetAttribute.class);
            stream.reset();
            while (stream.incrementToken()) {
                if (matches.test(term.toString())) {
                    marked.set(shift + offset.startOffset(), shift + offset.endOffset());
                }
            }
            stream.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> terms(Analyzer analyzer, String text) {
        List<String> terms = new ArrayList<>();
        if (text == null) {
            return terms;
        }
        try (TokenStream stream = analyzer.tokenStream("", text)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            stream.reset();
            while (stream.incrementToken()) {
                terms.add(term.toString());
            }
            stream.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return terms;
    }

    /** The words searched, analysed language-neutrally (lower case, accents folded). */
    Set<String> words() {
        return words;
    }

    private static String mark(String text, BitSet marked, int start, int end) {
        StringBuilder out = new StringBuilder(end - start + 16);
        boolean open = false;
        for (int i = start; i < end; i++) {
            boolean m = marked.get(i);
            if (m != open) {
                out.append(m ? SafeHtml.OPEN : SafeHtml.CLOSE);
                open = m;
            }
            char c = text.charAt(i);
            // the private markers never come from the text itself
            if (c != SafeHtml.OPEN.charAt(0) && c != SafeHtml.CLOSE.charAt(0)) {
                out.append(c);
            }
        }
        if (open) {
            out.append(SafeHtml.CLOSE);
        }
        return out.toString();
    }

    private static int wordStart(String text, int index) {
        int i = index;
        while (i > 0 && i > index - 30 && !Character.isWhitespace(text.charAt(i - 1))) {
            i--;
        }
        return i;
    }

    private static int wordEnd(String text, int index) {
        int i = index;
        while (i < text.length() && i < index + 30 && !Character.isWhitespace(text.charAt(i))) {
            i++;
        }
        return i;
    }
}
