package org.capacityhub.library;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.capacityhub.framework.Frameworks;
import org.capacityhub.library.domain.Delivery;
import org.capacityhub.library.domain.Resource;
import org.capacityhub.library.search.LibrarySearch;
import org.capacityhub.planning.CompetencyTarget;
import org.capacityhub.planning.DeliveryMode;
import org.capacityhub.planning.Suggestion;
import org.capacityhub.planning.SuggestionKind;
import org.capacityhub.planning.SuggestionRequest;
import org.capacityhub.planning.SuggestionSource;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The library as a source of suggestions for planning (key {@code library}): published resources the current user
 * may read, tagged with one of the gap's competencies, found through the search engine (competency, language,
 * delivery and cost filters), each checked against {@link SuggestionRequest#fits}, best first (tagged with more of
 * the gap's competencies, then newest).
 */
@Component
@Transactional(readOnly = true)
public class LibrarySuggestions implements SuggestionSource {

    public static final String KEY = "library";

    private final LibrarySearch search;
    private final Frameworks frameworks;
    private final MessageSource messages;

    LibrarySuggestions(LibrarySearch search, Frameworks frameworks, MessageSource messages) {
        this.search = search;
        this.frameworks = frameworks;
        this.messages = messages;
    }

    @Override
    public String key() {
        return KEY;
    }

    @Override
    public List<Suggestion> suggest(SuggestionRequest request) {
        if (request.limit() <= 0 || request.targets().isEmpty()) {
            return List.of();
        }
        Set<Delivery> deliveries = new java.util.HashSet<>();
        for (DeliveryMode mode : request.constraints().modes()) {
            deliveries.add(Delivery.valueOf(mode.name()));
        }
        boolean freeOnly = request.constraints().maxCost() != null && request.constraints().maxCost().signum() == 0;
        List<Resource> found = search.taggedWith(request.competencyIds(), request.languages(), deliveries, freeOnly,
                Math.max(request.limit() * 4, 20));
        List<Suggestion> result = new ArrayList<>();
        double rank = 0;
        for (Resource r : found) {
            rank++;
            if (!visibleToPlanOf(r, request)) {
                continue;
            }
            Suggestion s = suggestion(r, request, 1.0 - (rank - 1) / found.size());
            if (s != null) {
                result.add(s);
                if (result.size() >= request.limit()) {
                    break;
                }
            }
        }
        return result;
    }

    /**
     * A suggestion is stored in the plan and shown to everyone who sees the plan, not only to the user asking (e.g.
     * plans re-suggested after someone else publishes a resource): a private resource is suggested only for its own
     * organisation's plans.
     */
    private static boolean visibleToPlanOf(Resource r, SuggestionRequest request) {
        return r.getVisibility() == org.capacityhub.library.domain.Visibility.PUBLIC
                || (r.getOrganisationId() != null && r.getOrganisationId().equals(request.organisationId()));
    }

    /** The resource as a suggestion for the request, on the first of its competencies whose level fits; or null. */
    private Suggestion suggestion(Resource r, SuggestionRequest request, double score) {
        for (CompetencyTarget target : request.targets()) {
            if (!r.getCompetencyIds().contains(target.competencyId())) {
                continue;
            }
            String competency = frameworks.competency(target.competencyId()).map(Frameworks.Competency::title)
                    .orElse("");
            String reason = messages.getMessage("library.suggestion.reason", new Object[] {competency},
                    "Tagged with " + competency, LocaleContextHolder.getLocale());
            Suggestion s = new Suggestion(KEY, SuggestionKind.RESOURCE, "resource/" + r.getId(), r.getTitle(),
                    "/library/resources/" + r.getId(), target.competencyId(), r.getLevelRank(), r.getLanguages(),
                    r.getDelivery().mode(), r.getDurationHours(), r.cost(), null, reason, Math.max(0, score));
            if (request.fits(s)) {
                return s;
            }
        }
        return null;
    }
}
