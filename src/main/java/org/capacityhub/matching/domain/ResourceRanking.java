package org.capacityhub.matching.domain;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.capacityhub.framework.Frameworks;
import org.capacityhub.library.LibraryResources;
import org.capacityhub.matching.ranking.Format;
import org.capacityhub.matching.ranking.Need;
import org.capacityhub.matching.ranking.ResourceScorer;
import org.capacityhub.matching.ranking.ResourceScorer.Content;
import org.capacityhub.matching.ranking.ResourceScorer.ScoredContent;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Library resources ranked for a request, beside the helpers: the published resources the current user may read
 * (through the library's API, which applies its own access rule) tagged with a competency that answers the request,
 * each scored on its best tag ({@link ResourceScorer}), best first.
 */
@Service
@Transactional(readOnly = true)
public class ResourceRanking {

    /** How many resources are read from the library before scoring. */
    static final int CANDIDATES = 200;

    /** A ranked resource. */
    public record RankedResource(long id, String title, String kind, ScoredContent scored) {}

    private static final Comparator<RankedResource> BEST_FIRST = Comparator
            .comparingDouble((RankedResource r) -> r.scored().score()).reversed().thenComparingLong(RankedResource::id);

    private final RequestService requests;
    private final Taxonomy taxonomy;
    private final LibraryResources library;
    private final Frameworks frameworks;
    private final ResourceScorer scorer;

    ResourceRanking(RequestService requests, Taxonomy taxonomy, LibraryResources library, Frameworks frameworks,
            ResourceScorer scorer) {
        this.requests = requests;
        this.taxonomy = taxonomy;
        this.library = library;
        this.frameworks = frameworks;
        this.scorer = scorer;
    }

    /** The best resources for a request the current user may see (404 otherwise). */
    public List<RankedResource> rank(long requestId, int limit) {
        HelpRequest r = requests.view(requestId);
        return rank(requests.need(r), taxonomy.competencyIds(r.getCompetencies()), limit);
    }

    /**
     * The best resources for a need.
     *
     * @param competencies the ids of the competencies that answer it, with their CASE identifiers
     */
    public List<RankedResource> rank(Need need, Map<Long, String> competencies, int limit) {
        if (competencies.isEmpty() || limit <= 0) {
            return List.of();
        }
        Map<Long, Integer> scales = new HashMap<>();
        List<RankedResource> ranked = new ArrayList<>();
        for (LibraryResources.TaggedResource resource : library.readableTaggedWith(competencies.keySet(),
                CANDIDATES)) {
            ScoredContent best = null;
            for (Long tag : resource.competencyIds()) {
                String identifier = competencies.get(tag);
                if (identifier == null) {
                    continue;
                }
                int scale = scales.computeIfAbsent(tag, id -> frameworks.competency(id)
                        .map(c -> frameworks.levels(c.versionId()).size()).orElse(0));
                ScoredContent s = scorer.score(need, new Content(resource.id(), tag, identifier,
                        resource.levelRank(), scale, List.copyOf(resource.languages()), resource.countryCode(),
                        Format.valueOf(resource.delivery())));
                if (s != null && (best == null || s.score() > best.score())) {
                    best = s;
                }
            }
            if (best != null) {
                ranked.add(new RankedResource(resource.id(), resource.title(), resource.kind(), best));
            }
        }
        ranked.sort(BEST_FIRST);
        return ranked.size() > limit ? List.copyOf(ranked.subList(0, limit)) : ranked;
    }
}
