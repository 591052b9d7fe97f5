package org.capacityhub.library;

import java.util.List;
import java.util.Set;

import org.capacityhub.library.search.LibrarySearch;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Published resources as other modules rank them (the capacity exchange ranks them beside people for a request):
 * only what the current user may read, through the library's search engine.
 */
@Service
@Transactional(readOnly = true)
public class LibraryResources {

    /**
     * A published resource the current user may read.
     *
     * @param kind        a {@code ResourceKind} name (message {@code library.kind.<kind>})
     * @param levelRank   its level on the tagged competencies' scale, or null for all levels
     * @param countryCode the country it is about or from, or null
     * @param delivery    ONLINE, IN_PERSON or BLENDED
     */
    public record TaggedResource(long id, String title, String kind, Set<Long> competencyIds, Integer levelRank,
            Set<String> languages, String countryCode, String delivery) {}

    private final LibrarySearch search;

    LibraryResources(LibrarySearch search) {
        this.search = search;
    }

    /**
     * Published resources tagged with one of these competencies that the current user may read (public ones, and
     * private ones of organisations whose data they may see), at most {@code limit}, most relevant first.
     */
    public List<TaggedResource> readableTaggedWith(Set<Long> competencyIds, int limit) {
        return search.taggedWith(competencyIds, Set.of(), Set.of(), false, limit).stream()
                .map(r -> new TaggedResource(r.getId(), r.getTitle(), r.getKind().name(),
                        Set.copyOf(r.getCompetencyIds()), r.getLevelRank(), Set.copyOf(r.getLanguages()),
                        r.getCountryCode(), r.getDelivery().name()))
                .toList();
    }
}
