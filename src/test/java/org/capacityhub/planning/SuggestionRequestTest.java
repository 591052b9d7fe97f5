package org.capacityhub.planning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

/** The fit rule: competency (own, descendant or crosswalked), level, language and the planner's constraints. */
class SuggestionRequestTest {

    static final long GAP = 1, CHILD = 2, CROSSWALKED = 3, UNRELATED = 99;

    /** A gap from rank 0 to rank 2 on 3-level scales; the crosswalked competency has a 5-level scale (0 → 4). */
    static SuggestionRequest request(PlanConstraints constraints) {
        return new SuggestionRequest(GAP, List.of(new CompetencyTarget(GAP, 0, 2, 3),
                new CompetencyTarget(CHILD, 0, 2, 3), new CompetencyTarget(CROSSWALKED, 0, 4, 5)),
                Set.of("en", "fr"), constraints, 10L, null, 5);
    }

    static Suggestion content(long competencyId, Integer level, Set<String> languages, DeliveryMode mode,
            Integer hours, Cost cost, LocalDate startsOn) {
        return new Suggestion("test", SuggestionKind.RESOURCE, "r/" + competencyId + "/" + level, "Resource",
                "/library/1", competencyId, level, languages, mode, hours, cost, startsOn, "because", 0.5);
    }

    static Suggestion content(long competencyId, Integer level) {
        return content(competencyId, level, Set.of("en"), DeliveryMode.ONLINE, 2, Cost.FREE, null);
    }

    static Suggestion helper(SuggestionKind kind, long competencyId, Integer level) {
        return new Suggestion("test", kind, "p/" + level, "Someone", "/people/1", competencyId, level, Set.of("fr"),
                DeliveryMode.ONLINE, 1, Cost.FREE, null, "offers help", 0.5);
    }

    @Test
    void competencyMustBeTheGapsItsDescendantOrCrosswalked() {
        SuggestionRequest r = request(PlanConstraints.NONE);
        assertThat(r.fits(content(GAP, 1))).isTrue();
        assertThat(r.fits(content(CHILD, 1))).isTrue();
        assertThat(r.fits(content(CROSSWALKED, 3))).isTrue();
        assertThat(r.fits(content(UNRELATED, 1))).isFalse();
        assertThat(r.competencyIds()).containsExactlyInAnyOrder(GAP, CHILD, CROSSWALKED);
    }

    @Test
    void contentLevelLiesAboveTheCurrentAndAtMostAtTheTargetLevel() {
        SuggestionRequest r = request(PlanConstraints.NONE);
        assertThat(r.fits(content(GAP, 0))).as("at the level already reached").isFalse();
        assertThat(r.fits(content(GAP, 1))).isTrue();
        assertThat(r.fits(content(GAP, 2))).as("at the target").isTrue();
        assertThat(r.fits(content(GAP, 3))).as("above the target").isFalse();
        assertThat(r.fits(content(GAP, null))).as("made for all levels").isTrue();
        // on the crosswalked competency's own (5-level) scale
        assertThat(r.fits(content(CROSSWALKED, 4))).isTrue();
        assertThat(r.fits(content(CROSSWALKED, 0))).isFalse();
    }

    @Test
    void helpersMustBeAtOrAboveTheTargetLevel() {
        SuggestionRequest r = request(PlanConstraints.NONE);
        assertThat(r.fits(helper(SuggestionKind.MENTOR, GAP, 2))).isTrue();
        assertThat(r.fits(helper(SuggestionKind.PEER, GAP, 1))).isFalse();
        assertThat(r.fits(helper(SuggestionKind.MENTOR, GAP, null))).as("unknown level").isFalse();
        assertThat(helper(SuggestionKind.MENTOR, GAP, 2).helper()).isTrue();
        assertThat(content(GAP, 2).helper()).isFalse();
    }

    @Test
    void languageMustBeOneOfThePlans() {
        SuggestionRequest r = request(PlanConstraints.NONE);
        assertThat(r.fits(content(GAP, 1, Set.of("fr", "pt"), DeliveryMode.ONLINE, 1, Cost.FREE, null))).isTrue();
        assertThat(r.fits(content(GAP, 1, Set.of("es"), DeliveryMode.ONLINE, 1, Cost.FREE, null))).isFalse();
        assertThat(r.fits(content(GAP, 1, Set.of(), DeliveryMode.ONLINE, 1, Cost.FREE, null))).isFalse();
    }

    @Test
    void deliveryModeAndEffortRespectTheConstraints() {
        SuggestionRequest r = request(new PlanConstraints(Set.of(DeliveryMode.ONLINE), 4, null, null, null));
        assertThat(r.fits(content(GAP, 1, Set.of("en"), DeliveryMode.ONLINE, 4, Cost.FREE, null))).isTrue();
        assertThat(r.fits(content(GAP, 1, Set.of("en"), DeliveryMode.IN_PERSON, 4, Cost.FREE, null))).isFalse();
        assertThat(r.fits(content(GAP, 1, Set.of("en"), null, 4, Cost.FREE, null))).as("unknown mode").isFalse();
        assertThat(r.fits(content(GAP, 1, Set.of("en"), DeliveryMode.ONLINE, 5, Cost.FREE, null))).isFalse();
        assertThat(r.fits(content(GAP, 1, Set.of("en"), DeliveryMode.ONLINE, null, Cost.FREE, null)))
                .as("unknown effort with a limit").isFalse();
        assertThat(request(PlanConstraints.NONE)
                .fits(content(GAP, 1, Set.of("en"), DeliveryMode.BLENDED, null, null, null)))
                .as("no limits: unknown effort, cost and any mode fit").isTrue();
    }

    @Test
    void costMustBeWithinTheBudgetAndInItsCurrency() {
        SuggestionRequest r = request(new PlanConstraints(Set.of(), null, new BigDecimal("100"), "EUR", null));
        assertThat(r.fits(content(GAP, 1, Set.of("en"), DeliveryMode.ONLINE, 1, Cost.FREE, null))).isTrue();
        assertThat(r.fits(content(GAP, 1, Set.of("en"), DeliveryMode.ONLINE, 1,
                new Cost(new BigDecimal("100.00"), "EUR"), null))).isTrue();
        assertThat(r.fits(content(GAP, 1, Set.of("en"), DeliveryMode.ONLINE, 1,
                new Cost(new BigDecimal("100.01"), "EUR"), null))).isFalse();
        assertThat(r.fits(content(GAP, 1, Set.of("en"), DeliveryMode.ONLINE, 1,
                new Cost(new BigDecimal("50"), "USD"), null))).as("no exchange rate is guessed").isFalse();
        assertThat(r.fits(content(GAP, 1, Set.of("en"), DeliveryMode.ONLINE, 1, null, null)))
                .as("unknown cost with a budget").isFalse();
    }

    @Test
    void scheduledActivitiesMustStartByTheDeadline() {
        LocalDate deadline = LocalDate.of(2026, 12, 31);
        SuggestionRequest r = request(new PlanConstraints(Set.of(), null, null, null, deadline));
        assertThat(r.fits(content(GAP, 1, Set.of("en"), DeliveryMode.ONLINE, 1, Cost.FREE, deadline))).isTrue();
        assertThat(r.fits(content(GAP, 1, Set.of("en"), DeliveryMode.ONLINE, 1, Cost.FREE,
                deadline.plusDays(1)))).isFalse();
        assertThat(r.fits(content(GAP, 1, Set.of("en"), DeliveryMode.ONLINE, 1, Cost.FREE, null)))
                .as("available any time").isTrue();
    }

    @Test
    void costsAreNeverNegativeAndNeedACurrency() {
        assertThatThrownBy(() -> new Cost(new BigDecimal("-1"), "EUR")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Cost(BigDecimal.TEN, null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Cost(BigDecimal.TEN, "eur")).isInstanceOf(IllegalArgumentException.class);
        assertThat(Cost.FREE.free()).isTrue();
    }
}
