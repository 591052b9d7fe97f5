package org.capacityhub.matching.domain;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

import org.capacityhub.framework.Frameworks;
import org.capacityhub.matching.ranking.Candidate;
import org.capacityhub.matching.ranking.CandidateQuery;
import org.capacityhub.matching.ranking.Format;
import org.capacityhub.matching.ranking.Need;
import org.capacityhub.matching.ranking.OfferIndex;
import org.capacityhub.matching.ranking.Ranker;
import org.capacityhub.matching.ranking.Scored;
import org.capacityhub.platform.InvalidInputException;
import org.capacityhub.platform.NotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Requests for help, and the helpers ranked for them. */
@Service
@Transactional
public class RequestService {

    /** A competency asked for; a null target rank asks for the top of the scale. */
    public record WantedInput(long competencyId, Integer targetRank) {}

    /** What a request says. {@code organisationId} null: the person asks for themselves. */
    public record RequestInput(Long organisationId, String title, String description, List<WantedInput> wanted,
            List<String> languages, String timeZone, Format format, HelpRequest.Urgency urgency, Long assessmentId) {}

    /** A competency suggested for free text. */
    public record CompetencySuggestion(long id, String title, String frameworkTitle, int matches) {}

    private final HelpRequestRepository requests;
    private final ProfileService profiles;
    private final Frameworks frameworks;
    private final Taxonomy taxonomy;
    private final OfferIndex candidates;
    private final Ranker ranker;
    private final Viewers viewers;
    private final Sides sides;

    RequestService(HelpRequestRepository requests, ProfileService profiles, Frameworks frameworks, Taxonomy taxonomy,
            OfferIndex candidates, Ranker ranker, Viewers viewers, Sides sides) {
        this.requests = requests;
        this.profiles = profiles;
        this.frameworks = frameworks;
        this.taxonomy = taxonomy;
        this.candidates = candidates;
        this.ranker = ranker;
        this.viewers = viewers;
        this.sides = sides;
    }

    public HelpRequest create(RequestInput in) {
        Profile requester = in.organisationId() == null ? profiles.mine() : profiles.ofOrganisation(in.organisationId());
        List<HelpRequest.Wanted> wanted = new ArrayList<>();
        Set<Long> seen = new HashSet<>();
        for (WantedInput w : in.wanted() == null ? List.<WantedInput>of() : in.wanted()) {
            if (!seen.add(w.competencyId())) {
                continue;
            }
            Frameworks.Competency c = frameworks.competency(w.competencyId()).orElseThrow(
                    () -> new InvalidInputException("competencyIds", "matching.competency.unknown",
                            "Choose a competency of a framework."));
            int scale = frameworks.levels(c.versionId()).size();
            int rank = w.targetRank() == null ? scale - 1 : w.targetRank();
            if (scale == 0 || rank < 0 || rank >= scale) {
                throw new InvalidInputException("targetRank", "matching.level.unknown", "Choose a level of the scale.");
            }
            wanted.add(new HelpRequest.Wanted(c.id(), c.identifier().toString(), rank, scale));
        }
        List<String> languages = in.languages() == null ? List.of() : in.languages().stream()
                .filter(l -> l != null && !l.isBlank()).map(l -> l.strip().toLowerCase(Locale.ROOT)).distinct()
                .toList();
        String zone = in.timeZone() == null || in.timeZone().isBlank() ? requester.getTimeZone() : in.timeZone();
        return requests.save(new HelpRequest(requester, sides.me(), in.title(), in.description(), languages, zone,
                in.format(), in.urgency(), wanted, in.assessmentId()));
    }

    /** A request the current user made or acts for (404 otherwise). */
    @Transactional(readOnly = true)
    public HelpRequest view(long id) {
        HelpRequest r = requests.findById(id).orElseThrow(() -> new NotFoundException("Request", id));
        if (!sides.requesterSide(r)) {
            throw new NotFoundException("Request", id);
        }
        org.hibernate.Hibernate.initialize(r.getCompetencies());
        org.hibernate.Hibernate.initialize(r.getRequester());
        return r;
    }

    /** The requests of the profiles the current user acts for, newest first. */
    @Transactional(readOnly = true)
    public List<HelpRequest> mine() {
        List<Long> ids = profiles.actingFor().stream().map(Profile::getId).toList();
        return ids.isEmpty() ? List.of() : requests.findByRequesterIdInOrderByCreatedAtDesc(ids);
    }

    public void close(long id) {
        view(id).close();
    }

    /** The need a request describes, for scoring. */
    public Need need(HelpRequest r) {
        Profile requester = r.getRequester();
        return new Need(taxonomy.targets(r.getCompetencies()), r.languageList(), requester.getCountryCode(),
                CandidateQuery.offsetNow(r.getTimeZone()), r.getFormat(), requester.getId());
    }

    /**
     * The need of a search by capacity: the competency at the top of its scale, in this language (or the current
     * user's), from where the current user is.
     */
    public Need searchNeed(long competencyId, String language) {
        Frameworks.Competency c = frameworks.competency(competencyId).orElseThrow(() -> new InvalidInputException(
                "competencyId", "matching.competency.unknown", "Choose a competency of a framework."));
        int scale = Math.max(1, frameworks.levels(c.versionId()).size());
        Profile mine = profiles.mine();
        return new Need(taxonomy.targets(List.of(new HelpRequest.Wanted(c.id(), c.identifier().toString(),
                scale - 1, scale))), language == null ? mine.languageList() : List.of(language),
                mine.getCountryCode(), CandidateQuery.offsetNow(mine.getTimeZone()), null, mine.getId());
    }

    /** The helpers for a request the current user may see, best first. */
    @Transactional(readOnly = true)
    public List<Scored> rank(long id, int limit) {
        HelpRequest r = view(id);
        return rank(need(r), c -> true, limit);
    }

    /** Helpers for a need, visible to the current user and passing the filter, best first. */
    @Transactional(readOnly = true)
    public List<Scored> rank(Need need, Predicate<Candidate> filter, int limit) {
        return ranker.rankSorted(need, candidates::sortedOffersOn, viewers.current(), filter, limit);
    }

    /**
     * Competencies whose title shares words with the text (accents and case ignored, words of three letters or
     * more), in the latest published version of each framework, most shared words first.
     */
    @Transactional(readOnly = true)
    public List<CompetencySuggestion> suggest(String text, int limit) {
        Set<String> words = words(text);
        if (words.isEmpty()) {
            return List.of();
        }
        Map<Long, CompetencySuggestion> found = new LinkedHashMap<>();
        for (Frameworks.FrameworkVersionRef f : frameworks.publishedFrameworks()) {
            for (Frameworks.Competency c : frameworks.tree(f.versionId())) {
                Set<String> title = words(c.title() + " " + (c.subject() == null ? "" : c.subject()));
                int matches = (int) words.stream().filter(title::contains).count();
                if (matches > 0) {
                    found.put(c.id(), new CompetencySuggestion(c.id(), c.title(), f.title(), matches));
                }
            }
        }
        return found.values().stream().sorted(Comparator.comparingInt(CompetencySuggestion::matches).reversed()
                .thenComparing(CompetencySuggestion::title)).limit(limit).toList();
    }

    private static final Set<String> STOP = Set.of("and", "the", "for", "with", "des", "les", "pour", "avec", "une",
            "dans", "help", "need", "aide", "besoin", "our", "notre", "nos");

    static Set<String> words(String text) {
        if (text == null) {
            return Set.of();
        }
        String plain = Normalizer.normalize(text, Normalizer.Form.NFD).replaceAll("\\p{M}", "")
                .toLowerCase(Locale.ROOT);
        Set<String> result = new HashSet<>();
        for (String w : plain.split("[^\\p{L}\\p{N}]+")) {
            if (w.length() >= 3 && !STOP.contains(w)) {
                result.add(w);
            }
        }
        return result;
    }
}
