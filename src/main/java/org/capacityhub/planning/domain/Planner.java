package org.capacityhub.planning.domain;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.capacityhub.planning.CompetencyTarget;
import org.capacityhub.planning.PlanConstraints;
import org.capacityhub.planning.Suggestion;
import org.capacityhub.planning.SuggestionRequest;
import org.capacityhub.planning.SuggestionSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The heart of planning, free of persistence: orders gaps by priority, asks every {@link SuggestionSource} for
 * activities for each gap, keeps only those that pass the fit rule ({@link SuggestionRequest#fits}), and ranks
 * them with the evidence that they closed the same gap in comparable organisations. A gap for which nothing fits
 * stays uncovered: nothing unrelated is put in its place.
 */
public class Planner {

    private static final Logger log = LoggerFactory.getLogger(Planner.class);

    /** How many organisations of the same kind closed a gap of this competency after completing this activity. */
    @FunctionalInterface
    public interface Evidence {
        int closedElsewhere(String source, String reference, long gapCompetencyId);

        Evidence NONE = (source, reference, competencyId) -> 0;
    }

    /**
     * A gap to answer.
     *
     * @param competencyId the gap's competency
     * @param targets      the competencies that answer it, with current and target ranks on their own scales
     * @param gap          target − current (ranks of the gap's own scale)
     * @param weight       the competency's weight in the target profile
     * @param peopleCount  how many people share the gap, or null when not known
     */
    public record GapInput(long competencyId, List<CompetencyTarget> targets, int gap, int weight,
            Integer peopleCount) {

        /** The priority: size of the gap times its weight. */
        public int score() {
            return gap * weight;
        }
    }

    /** A suggestion that fits, with the number of comparable organisations where it closed the gap. */
    public record Ranked(Suggestion suggestion, int evidence) {}

    /** What the sources offer for one gap, best first; empty means uncovered. */
    public record Answer(GapInput gap, List<Ranked> suggestions) {
        public boolean covered() {
            return !suggestions.isEmpty();
        }
    }

    /**
     * Orders gaps by priority: the size of the gap times the competency's weight in the target profile, then the
     * number of people who share it (unknown counts last), then the order of the framework.
     */
    public static final Comparator<GapInput> PRIORITY = Comparator.comparingInt(GapInput::score).reversed()
            .thenComparing(GapInput::peopleCount, Comparator.nullsLast(Comparator.reverseOrder()));

    private final List<SuggestionSource> sources;
    private final Evidence evidence;

    public Planner(List<SuggestionSource> sources, Evidence evidence) {
        this.sources = List.copyOf(sources);
        this.evidence = evidence == null ? Evidence.NONE : evidence;
    }

    public static List<GapInput> prioritise(List<GapInput> gaps) {
        return gaps.stream().sorted(PRIORITY).toList();
    }

    /** Answers each gap (in the order given) with at most {@code perGap} fitting suggestions. */
    public List<Answer> answer(List<GapInput> gaps, Set<String> languages, PlanConstraints constraints,
            Long organisationId, Long personId, int perGap) {
        List<Answer> answers = new ArrayList<>();
        for (GapInput gap : gaps) {
            SuggestionRequest request = new SuggestionRequest(gap.competencyId(), gap.targets(), languages,
                    constraints, organisationId, personId, perGap);
            answers.add(new Answer(gap, suggest(request, perGap)));
        }
        return answers;
    }

    /** The fitting suggestions of every source for one request, without duplicates, best first. */
    public List<Ranked> suggest(SuggestionRequest request, int limit) {
        Map<String, Suggestion> fitting = new LinkedHashMap<>();
        for (SuggestionSource source : sources) {
            List<Suggestion> offered;
            try {
                offered = source.suggest(request);
            } catch (RuntimeException e) {
                // one failing source must not stop a plan: the others still answer
                log.warn("Suggestion source '{}' failed for competency {}: {}", source.key(),
                        request.gapCompetencyId(), e.toString());
                continue;
            }
            if (offered == null) {
                continue;
            }
            for (Suggestion s : offered) {
                if (s != null && request.fits(s)) {
                    fitting.putIfAbsent(s.source() + "\u0000" + s.reference(), s);
                }
            }
        }
        return fitting.values().stream()
                .map(s -> new Ranked(s, evidence.closedElsewhere(s.source(), s.reference(), request.gapCompetencyId())))
                .sorted(Comparator.comparingInt(Ranked::evidence).reversed()
                        .thenComparing(r -> r.suggestion().score(), Comparator.reverseOrder())
                        .thenComparing(r -> r.suggestion().title(), String.CASE_INSENSITIVE_ORDER))
                .limit(Math.max(0, limit)).toList();
    }
}
