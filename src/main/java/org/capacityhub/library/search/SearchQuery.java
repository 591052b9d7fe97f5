package org.capacityhub.library.search;

import java.util.Set;

import org.capacityhub.library.domain.Delivery;
import org.capacityhub.library.domain.ResourceKind;

/**
 * A search of the library: words (optional) and facet filters; within one facet the values are alternatives,
 * between facets all must hold. {@code competencyIds} match a resource tagged with the competency or any of its
 * sub-competencies.
 */
public record SearchQuery(String text, Set<Long> competencyIds, Set<ResourceKind> kinds, Set<String> languages,
        Set<String> countries, Set<String> regions, Set<Integer> levels, Set<String> licences,
        Set<Delivery> deliveries, boolean byDate, int page, int size) {

    public SearchQuery {
        competencyIds = competencyIds == null ? Set.of() : Set.copyOf(competencyIds);
        kinds = kinds == null ? Set.of() : Set.copyOf(kinds);
        languages = languages == null ? Set.of() : Set.copyOf(languages);
        countries = countries == null ? Set.of() : Set.copyOf(countries);
        regions = regions == null ? Set.of() : Set.copyOf(regions);
        levels = levels == null ? Set.of() : Set.copyOf(levels);
        licences = licences == null ? Set.of() : Set.copyOf(licences);
        deliveries = deliveries == null ? Set.of() : Set.copyOf(deliveries);
        page = Math.max(0, page);
        size = size <= 0 ? 20 : Math.min(size, 100);
    }

    public static SearchQuery text(String text) {
        return new SearchQuery(text, null, null, null, null, null, null, null, null, false, 0, 20);
    }

    public boolean hasText() {
        return text != null && !text.isBlank();
    }
}
