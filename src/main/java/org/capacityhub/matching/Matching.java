package org.capacityhub.matching;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.capacityhub.framework.Frameworks;
import org.capacityhub.matching.domain.Reasons;
import org.capacityhub.matching.domain.RequestService;
import org.capacityhub.matching.ranking.Need;
import org.capacityhub.matching.ranking.Proximity;
import org.capacityhub.matching.ranking.Role;
import org.capacityhub.matching.ranking.Scored;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The capacity exchange as other modules see it: helpers (people and organisations) who offer a competency, visible
 * to the current user, best first, with the reasons in the user's language.
 */
@Service
@Transactional(readOnly = true)
public class Matching {

    /**
     * A helper for a competency.
     *
     * @param profileId     the helper's capacity profile ({@code /matching/profiles/{id}})
     * @param organisation  true for an organisation, false for a person
     * @param competencyId  the competency asked about
     * @param offeredCompetencyId the competency the helper offers (the same CASE identifier, maybe another version)
     * @param levelRank     the helper's level on the competency's scale, or null
     * @param languages     ISO 639 codes the helper works in
     * @param roles         MENTOR, TRAINER, PEER_HELPER, ON_SITE_ASSISTANCE
     * @param formats       ONLINE, IN_PERSON, BLENDED
     * @param remainingHours hours a month still free, or null when not said
     * @param score         0 to 1
     * @param reasons       why this match, in words
     */
    public record Helper(long profileId, String name, boolean organisation, long competencyId,
            long offeredCompetencyId, Integer levelRank, List<String> languages, Set<String> roles,
            Set<String> formats, Integer remainingHours, double score, List<String> reasons,
            String visibility, Long organisationId) {}

    private final RequestService requests;
    private final Reasons reasons;
    private final Frameworks frameworks;

    Matching(RequestService requests, Reasons reasons, Frameworks frameworks) {
        this.requests = requests;
        this.reasons = reasons;
        this.frameworks = frameworks;
    }

    /**
     * Helpers offering exactly these competencies (by id; any version of the same competency counts), each wanted
     * at a rank of its scale, for someone speaking these languages (preferred first), best first.
     *
     * @param targetRanks   competency id → wanted rank on its scale (at least one)
     * @param personCountry the asker's country, or null
     * @param timeZone      the asker's time zone, or null
     */
    public List<Helper> helpers(Map<Long, Integer> targetRanks, List<String> languages, String personCountry,
            String timeZone, int limit) {
        Map<String, Need.Target> targets = new java.util.HashMap<>();
        targetRanks.forEach((id, rank) -> frameworks.competency(id).ifPresent(c -> {
            int scale = frameworks.levels(c.versionId()).size();
            double fraction = scale <= 1 ? 1 : (double) rank / (scale - 1);
            targets.put(c.identifier().toString(), new Need.Target(Proximity.SAME, id, fraction));
        }));
        if (targets.isEmpty()) {
            return List.of();
        }
        Need need = new Need(targets, languages, personCountry,
                org.capacityhub.matching.ranking.CandidateQuery.offsetNow(timeZone), null, null);
        Locale locale = LocaleContextHolder.getLocale();
        return requests.rank(need, c -> true, limit).stream().map(s -> helper(need, s, locale)).toList();
    }

    private Helper helper(Need need, Scored s, Locale locale) {
        var c = s.candidate();
        return new Helper(c.profileId(), c.displayName(), c.organisation(), s.target().requestedId(),
                c.competencyId(), c.knowsRank(), c.languages(),
                c.roles().stream().map(Role::name).collect(java.util.stream.Collectors.toSet()),
                c.formats().stream().map(Enum::name).collect(java.util.stream.Collectors.toSet()),
                c.remainingHours(), s.score(), reasons.explain(need, s, locale), c.visibility().name(),
                c.organisationId());
    }
}
