package org.capacityhub.library;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.capacityhub.assessment.AssessmentGaps;
import org.capacityhub.assessment.Assessments;
import org.capacityhub.assessment.CompetencyGap;
import org.capacityhub.framework.Frameworks;
import org.capacityhub.framework.Frameworks.Competency;
import org.capacityhub.planning.CompetencyTarget;
import org.capacityhub.planning.PlanConstraints;
import org.capacityhub.planning.Suggestion;
import org.capacityhub.planning.SuggestionRequest;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * "Resources for this gap": for each gap of an assessment against a target profile, the library's suggestions,
 * through the same engine and fit rule as planning ({@link LibrarySuggestions}). The gap's competency answers it,
 * and so do its sub-competencies (same scale) and the competencies crosswalked to it (ranks mapped proportionally
 * onto their own scale).
 */
@Service
@Transactional(readOnly = true)
public class Library {

    /** The resources suggested for one gap. */
    public record GapResources(CompetencyGap gap, Competency competency, List<Suggestion> suggestions) {}

    private final Assessments assessments;
    private final Frameworks frameworks;
    private final LibrarySuggestions suggestions;

    Library(Assessments assessments, Frameworks frameworks, LibrarySuggestions suggestions) {
        this.assessments = assessments;
        this.frameworks = frameworks;
        this.suggestions = suggestions;
    }

    /**
     * Suggestions per gap (gaps above zero, biggest and weightiest first) of an assessment the current user may
     * see; empty when the assessment or profile does not exist for them.
     *
     * @param languages the languages accepted; empty for any language
     */
    public Optional<List<GapResources>> forGaps(long assessmentId, long targetProfileId, Set<String> languages,
            int perGap) {
        Optional<AssessmentGaps> gaps = assessments.gaps(assessmentId, targetProfileId);
        if (gaps.isEmpty()) {
            return Optional.empty();
        }
        int scale = frameworks.levels(gaps.get().frameworkVersionId()).size();
        Set<String> accepted = languages.isEmpty() ? Set.of(Locale.getISOLanguages()) : languages;
        List<GapResources> result = new ArrayList<>();
        gaps.get().gaps().stream().filter(g -> g.gap() != null && g.gap() > 0)
                .sorted((a, b) -> Integer.compare(b.gap() * b.weight(), a.gap() * a.weight()))
                .forEach(g -> {
                    Competency competency = frameworks.competency(g.competencyId()).orElse(null);
                    if (competency == null) {
                        return;
                    }
                    SuggestionRequest request = new SuggestionRequest(g.competencyId(),
                            targets(competency, g.currentRank(), g.targetRank(), scale), accepted,
                            PlanConstraints.NONE, gaps.get().organisationId(), null, perGap);
                    result.add(new GapResources(g, competency, suggestions.suggest(request)));
                });
        return Optional.of(result);
    }

    private List<CompetencyTarget> targets(Competency competency, int current, int target, int scale) {
        Map<Long, CompetencyTarget> targets = new LinkedHashMap<>();
        targets.put(competency.id(), new CompetencyTarget(competency.id(), current, target, scale));
        for (Competency d : frameworks.descendants(competency.id())) {
            targets.putIfAbsent(d.id(), new CompetencyTarget(d.id(), current, target, scale));
        }
        for (Frameworks.Related related : frameworks.related(competency.id())) {
            Competency other = related.related();
            int otherScale = frameworks.levels(other.versionId()).size();
            if (otherScale == 0 || scale == 0) {
                continue;
            }
            targets.putIfAbsent(other.id(), new CompetencyTarget(other.id(), map(current, scale, otherScale),
                    map(target, scale, otherScale), otherScale));
        }
        return new ArrayList<>(targets.values());
    }

    /** A rank on one scale mapped proportionally onto another. */
    static int map(int rank, int from, int to) {
        if (from <= 1) {
            return 0;
        }
        return (int) Math.round(rank * (to - 1) / (double) (from - 1));
    }
}
