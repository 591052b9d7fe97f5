package org.capacityhub.planning;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.capacityhub.planning.domain.Planner;
import org.capacityhub.planning.domain.Planner.GapInput;
import org.junit.jupiter.api.Test;

/** The planner with in-memory sources: priorities, the fit rule applied again, ranking by evidence, uncovered gaps. */
class PlannerTest {

    /** A source that offers everything in its catalogue, fitting or not (as a careless source would). */
    record Catalogue(String key, List<Suggestion> items) implements SuggestionSource {
        @Override
        public List<Suggestion> suggest(SuggestionRequest request) {
            return items;
        }
    }

    static Suggestion item(String source, String ref, long competencyId, Integer level, String language,
            double score) {
        return new Suggestion(source, SuggestionKind.RESOURCE, ref, "Item " + ref, "/x/" + ref, competencyId, level,
                Set.of(language), DeliveryMode.ONLINE, 2, Cost.FREE, null, "why", score);
    }

    static GapInput gap(long competencyId, int current, int target, int weight, Integer people) {
        return new GapInput(competencyId, List.of(new CompetencyTarget(competencyId, current, target, 3)),
                target - current, weight, people);
    }

    @Test
    void gapsAreOrderedBySizeTimesWeightThenPeopleSharingThem() {
        GapInput small = gap(1, 1, 2, 1, null);
        GapInput big = gap(2, 0, 2, 1, null);
        GapInput weighted = gap(3, 1, 2, 3, null);
        GapInput shared = gap(4, 0, 2, 1, 12);
        assertThat(Planner.prioritise(List.of(small, big, weighted, shared)))
                .containsExactly(weighted, shared, big, small);
    }

    @Test
    void everySuggestionKeptFitsAndAGapWithNothingFittingIsUncovered() {
        Catalogue library = new Catalogue("library", List.of(
                item("library", "fits", 1, 1, "en", 0.2),
                item("library", "too-high", 1, 3, "en", 0.9),
                item("library", "wrong-language", 1, 1, "es", 0.9),
                item("library", "other-competency", 7, 1, "en", 0.9),
                item("library", "already-reached", 1, 0, "en", 0.9)));
        List<SuggestionSource> sources = new ArrayList<>(List.of(library));
        sources.add(new SuggestionSource() {
            @Override
            public String key() {
                return "broken";
            }

            @Override
            public List<Suggestion> suggest(SuggestionRequest request) {
                throw new IllegalStateException("down");
            }
        });
        Planner planner = new Planner(sources, Planner.Evidence.NONE);
        GapInput covered = gap(1, 0, 2, 1, null);
        GapInput uncovered = gap(2, 0, 2, 1, null);

        List<Planner.Answer> answers = planner.answer(List.of(covered, uncovered), Set.of("en"),
                PlanConstraints.NONE, 5L, null, 5);

        assertThat(answers.get(0).suggestions()).extracting(r -> r.suggestion().reference()).containsExactly("fits");
        assertThat(answers.get(0).covered()).isTrue();
        assertThat(answers.get(1).suggestions()).isEmpty();
        assertThat(answers.get(1).covered()).isFalse();
        for (Planner.Answer a : answers) {
            SuggestionRequest request = new SuggestionRequest(a.gap().competencyId(), a.gap().targets(), Set.of("en"),
                    PlanConstraints.NONE, 5L, null, 5);
            a.suggestions().forEach(r -> assertThat(request.fits(r.suggestion())).isTrue());
        }
    }

    @Test
    void budgetLeavesOutWhatCostsTooMuch() {
        Suggestion cheap = new Suggestion("events", SuggestionKind.EVENT, "cheap", "Workshop", "/e/1", 1, 1,
                Set.of("en"), DeliveryMode.IN_PERSON, 8, new Cost(new BigDecimal("40"), "KES"), null, "why", 0.1);
        Suggestion dear = new Suggestion("events", SuggestionKind.EVENT, "dear", "Conference", "/e/2", 1, 1,
                Set.of("en"), DeliveryMode.IN_PERSON, 8, new Cost(new BigDecimal("4000"), "KES"), null, "why", 0.9);
        Planner planner = new Planner(List.of(new Catalogue("events", List.of(cheap, dear))), null);
        var answers = planner.answer(List.of(gap(1, 0, 2, 1, null)), Set.of("en"),
                new PlanConstraints(Set.of(), null, new BigDecimal("100"), "KES", null), 5L, null, 5);
        assertThat(answers.get(0).suggestions()).extracting(r -> r.suggestion().reference()).containsExactly("cheap");
    }

    @Test
    void evidenceOfClosedGapsRanksFirstThenTheSourcesScore() {
        Catalogue library = new Catalogue("library", List.of(item("library", "a", 1, 1, "en", 0.9),
                item("library", "b", 1, 2, "en", 0.1), item("library", "c", 1, 1, "en", 0.5),
                item("library", "a", 1, 1, "en", 0.9)));
        Planner planner = new Planner(List.of(library),
                (source, reference, competencyId) -> "b".equals(reference) ? 4 : 0);
        var ranked = planner.answer(List.of(gap(1, 0, 2, 1, null)), Set.of("en"), PlanConstraints.NONE, 5L, null, 5)
                .get(0).suggestions();
        assertThat(ranked).extracting(r -> r.suggestion().reference()).containsExactly("b", "a", "c");
        assertThat(ranked.get(0).evidence()).isEqualTo(4);
    }

    @Test
    void atMostTheLimitPerGap() {
        List<Suggestion> many = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            many.add(item("library", "r" + i, 1, 1, "en", i / 100.0));
        }
        Planner planner = new Planner(List.of(new Catalogue("library", many)), null);
        assertThat(planner.answer(List.of(gap(1, 0, 2, 1, null)), Set.of("en"), PlanConstraints.NONE, 5L, null, 3)
                .get(0).suggestions()).hasSize(3).first().extracting(r -> r.suggestion().reference()).isEqualTo("r19");
    }
}
