package org.capacityhub.matching.suggestions;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.capacityhub.directory.Directory;
import org.capacityhub.matching.Matching;
import org.capacityhub.planning.CompetencyTarget;
import org.capacityhub.planning.Cost;
import org.capacityhub.planning.DeliveryMode;
import org.capacityhub.planning.Suggestion;
import org.capacityhub.planning.SuggestionKind;
import org.capacityhub.planning.SuggestionRequest;
import org.capacityhub.planning.SuggestionSource;
import org.springframework.stereotype.Component;

/**
 * Mentors and peers for a gap, for the planner: people and organisations whose profiles offer one of the gap's
 * competencies at a fitting level (at or above the target), visible to the current user, with hours left, best
 * first, with the reasons in words. Mentors and trainers are {@link SuggestionKind#MENTOR}; peer helpers and
 * on-site assistance {@link SuggestionKind#PEER}. Help given through the exchange is free.
 */
@Component
class MatchingSuggestions implements SuggestionSource {

    private final Matching matching;
    private final Directory directory;

    MatchingSuggestions(Matching matching, Directory directory) {
        this.matching = matching;
        this.directory = directory;
    }

    @Override
    public String key() {
        return "matching";
    }

    @Override
    public List<Suggestion> suggest(SuggestionRequest request) {
        if (request.limit() <= 0 || request.targets().isEmpty()) {
            return List.of();
        }
        Map<Long, Integer> ranks = new HashMap<>();
        for (CompetencyTarget t : request.targets()) {
            ranks.put(t.competencyId(), t.targetRank());
        }
        String country = null;
        String zone = null;
        if (request.personId() != null) {
            var person = directory.person(request.personId()).orElse(null);
            if (person != null) {
                country = person.countryCode();
                zone = person.timeZone();
            }
        } else if (request.organisationId() != null) {
            country = directory.organisation(request.organisationId()).map(Directory.OrganisationSummary::countryCode)
                    .orElse(null);
        }
        List<String> languages = new ArrayList<>(new LinkedHashSet<>(request.languages()));
        // ask for more than the limit: some helpers will not fit the plan's constraints
        List<Matching.Helper> helpers = matching.helpers(ranks, languages, country, zone, request.limit() * 4 + 10);
        List<Suggestion> result = new ArrayList<>();
        Set<Long> partners = request.organisationId() == null ? Set.of()
                : directory.programmePartners(request.organisationId());
        for (Matching.Helper h : helpers) {
            if (h.remainingHours() != null && h.remainingHours() <= 0 || !visibleToPlanOf(h, request, partners)) {
                continue;
            }
            SuggestionKind kind = h.roles().contains("MENTOR") || h.roles().contains("TRAINER") ? SuggestionKind.MENTOR
                    : SuggestionKind.PEER;
            Suggestion s = new Suggestion(key(), kind, "profile/" + h.profileId(), h.name(),
                    "/matching/profiles/" + h.profileId(), h.competencyId(), h.levelRank(), Set.copyOf(h.languages()),
                    mode(h.formats(), request.constraints().modes()), h.remainingHours(), Cost.FREE, null,
                    String.join("; ", h.reasons()), h.score());
            if (request.fits(s)) {
                result.add(s);
                if (result.size() >= request.limit()) {
                    break;
                }
            }
        }
        return result;
    }


    /**
     * A suggestion is stored in the plan and shown to everyone who sees the plan, not only to the user asking: a
     * profile shown "within the programme" is suggested only for plans of organisations of its programmes (or its
     * own organisation), and one shown to coordinators only is never put in a plan.
     */
    private static boolean visibleToPlanOf(Matching.Helper h, SuggestionRequest request, Set<Long> partners) {
        return switch (h.visibility()) {
            case "PUBLIC" -> true;
            case "PROGRAMME" -> h.organisationId() != null && (h.organisationId().equals(request.organisationId())
                    || partners.contains(h.organisationId()));
            default -> false;
        };
    }

    static DeliveryMode mode(Set<String> formats, Set<DeliveryMode> accepted) {
        for (DeliveryMode m : DeliveryMode.values()) {
            if (formats.contains(m.name()) && (accepted.isEmpty() || accepted.contains(m))) {
                return m;
            }
        }
        return formats.contains("ONLINE") ? DeliveryMode.ONLINE : formats.isEmpty() ? DeliveryMode.ONLINE
                : DeliveryMode.valueOf(formats.iterator().next());
    }
}
