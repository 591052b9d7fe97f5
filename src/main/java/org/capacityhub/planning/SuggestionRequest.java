package org.capacityhub.planning;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A gap for which the planner asks every source for activities.
 *
 * @param gapCompetencyId the competency of the gap
 * @param targets         every competency that answers the gap (the gap's competency, its descendants, and
 *                        crosswalked competencies), each with the gap's current and target level on its own scale
 * @param languages       ISO 639-1 codes of the plan's languages; an activity fits when it is available in one
 * @param constraints     the planner's constraints
 * @param organisationId  the organisation the plan is for (also set for a person's plan: their organisation), or
 *                        null
 * @param personId        the person the plan is for, or null for an organisation's plan
 * @param limit           how many suggestions a source returns at most
 */
public record SuggestionRequest(long gapCompetencyId, List<CompetencyTarget> targets, Set<String> languages,
        PlanConstraints constraints, Long organisationId, Long personId, int limit) {

    public SuggestionRequest {
        targets = List.copyOf(targets);
        languages = Set.copyOf(languages);
        constraints = constraints == null ? PlanConstraints.NONE : constraints;
    }

    /** The ids of the competencies that answer the gap. */
    public Set<Long> competencyIds() {
        return targets.stream().map(CompetencyTarget::competencyId).collect(Collectors.toUnmodifiableSet());
    }

    /** The target for one of the request's competencies, or null when the competency does not answer the gap. */
    public CompetencyTarget target(long competencyId) {
        Map<Long, CompetencyTarget> byId = targets.stream()
                .collect(Collectors.toMap(CompetencyTarget::competencyId, Function.identity(), (a, b) -> a));
        return byId.get(competencyId);
    }

    /**
     * The fit rule: a suggestion fits the gap only when it is tagged with one of the request's competencies; its
     * level fits ({@link CompetencyTarget#fitsContentAt} for content, {@link CompetencyTarget#fitsHelperAt} for
     * helpers); it is available in one of the plan's languages; and it respects the constraints (delivery mode,
     * effort per month, cost within the budget and in the budget's currency, starting before the deadline).
     * An unknown effort or cost fits only when there is no limit on it.
     */
    public boolean fits(Suggestion s) {
        CompetencyTarget target = target(s.competencyId());
        if (target == null) {
            return false;
        }
        if (!(s.helper() ? target.fitsHelperAt(s.levelRank()) : target.fitsContentAt(s.levelRank()))) {
            return false;
        }
        if (s.languages().stream().noneMatch(languages::contains)) {
            return false;
        }
        PlanConstraints c = constraints;
        if (!c.modes().isEmpty() && (s.mode() == null || !c.modes().contains(s.mode()))) {
            return false;
        }
        if (c.maxHoursPerMonth() != null && (s.hoursPerMonth() == null || s.hoursPerMonth() > c.maxHoursPerMonth())) {
            return false;
        }
        if (c.maxCost() != null) {
            Cost cost = s.cost();
            if (cost == null) {
                return false;
            }
            if (!cost.free() && (!cost.currency().equals(c.currency()) || cost.amount().compareTo(c.maxCost()) > 0)) {
                return false;
            }
        }
        return c.deadline() == null || s.startsOn() == null || !s.startsOn().isAfter(c.deadline());
    }
}
