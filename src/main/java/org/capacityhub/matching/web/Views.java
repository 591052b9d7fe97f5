package org.capacityhub.matching.web;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import org.capacityhub.directory.Directory;
import org.capacityhub.matching.domain.Reasons;
import org.capacityhub.matching.ranking.Need;
import org.capacityhub.matching.ranking.Scored;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/** View models shared by the pages and the API: never with contact details. */
@Component
class Views {

    /** A ranked helper: name, kind, score as a percentage, and why this match. */
    record HelperView(long profileId, String name, boolean organisation, int percent, String competency,
            boolean fullLoad, List<String> reasons) {}

    private final Reasons reasons;
    private final Competencies competencies;
    private final Directory directory;
    private final MessageSource messages;

    Views(Reasons reasons, Competencies competencies, Directory directory, MessageSource messages) {
        this.reasons = reasons;
        this.competencies = competencies;
        this.directory = directory;
        this.messages = messages;
    }

    List<HelperView> helpers(Need need, List<Scored> ranked, Locale locale) {
        return ranked.stream().map(s -> new HelperView(s.candidate().profileId(), s.candidate().displayName(),
                s.candidate().organisation(), (int) Math.round(s.score() * 100),
                competencies.title(s.candidate().competencyId()), s.fullLoad(), reasons.explain(need, s, locale)))
                .toList();
    }

    /** A ranked library resource: title, kind (a {@code ResourceKind} name), score as a percentage, why. */
    record ResourceView(long id, String title, String kind, int percent, String competency, List<String> reasons) {}

    List<ResourceView> resources(Need need, List<org.capacityhub.matching.domain.ResourceRanking.RankedResource> ranked,
            Locale locale) {
        return ranked.stream().map(r -> new ResourceView(r.id(), r.title(), r.kind(),
                (int) Math.round(r.scored().score() * 100), competencies.title(r.scored().content().competencyId()),
                reasons.explainResource(need, r.scored(), locale))).toList();
    }

    Map<Long, String> names(java.util.Collection<Long> personIds) {
        return directory.people(personIds).stream()
                .collect(Collectors.toMap(Directory.PersonSummary::id, Directory.PersonSummary::fullName));
    }
}
