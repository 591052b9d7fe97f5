package org.capacityhub.library.search;

import java.util.List;
import java.util.Map;

import org.capacityhub.library.domain.Resource;

/**
 * One page of search results with the facet counts.
 *
 * @param facets count of matching resources per value, per facet ({@code competency}, {@code kind}, {@code language},
 *               {@code country}, {@code region}, {@code level}, {@code licence}, {@code delivery})
 */
public record SearchResults(List<Hit> hits, long total, Map<String, Map<String, Long>> facets, int page, int size) {

    /**
     * One resource found.
     *
     * @param snippet HTML-safe text: every character of the resource's text escaped, with only {@code <mark>} tags
     *                added around the words that matched; null when no text matched
     */
    public record Hit(Resource resource, SafeHtml title, SafeHtml snippet, float score) {}

    public int pages() {
        return (int) Math.min(Integer.MAX_VALUE, (total + size - 1) / size);
    }
}
