package org.capacityhub.assessment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import org.capacityhub.assessment.domain.AnswerInput;
import org.capacityhub.assessment.domain.Assessment;
import org.capacityhub.assessment.domain.AssessmentState;
import org.capacityhub.assessment.domain.BarrierKind;
import org.capacityhub.assessment.domain.Confidence;
import org.capacityhub.assessment.domain.Delivery;
import org.capacityhub.assessment.domain.DetailsInput;
import org.capacityhub.assessment.domain.SectionConflictException;
import org.capacityhub.platform.ConflictException;
import org.capacityhub.platform.InvalidInputException;
import org.junit.jupiter.api.Test;

/** The assessment aggregate enforces its own rules, whatever the path (page, API, import). */
class AssessmentAggregateTest {

    private static final Set<Long> SCALE = Set.of(101L, 102L, 103L);
    private static final Instant NOW = Instant.parse("2026-03-01T09:00:00Z");

    private static Assessment draft() {
        return new Assessment(7, 70, List.of(1L, 2L, 3L), new DetailsInput(LocalDate.of(2026, 3, 1),
                Delivery.ONLINE, null, null, Set.of(), List.of()), "creator", NOW);
    }

    private static AnswerInput level(long levelId) {
        return new AnswerInput(levelId, "notes", List.of("https://example.org/strategy.pdf"), Confidence.HIGH,
                List.of(new AnswerInput.BarrierInput(BarrierKind.BUDGET, "No budget line for training")));
    }

    @Test
    void theFirstAnswerStartsTheAssessmentAndSubmissionNeedsEverySection() {
        Assessment a = draft();
        assertThat(a.getState()).isEqualTo(AssessmentState.DRAFT);
        a.answer(1, 0, level(101), SCALE, "facilitator", NOW);
        assertThat(a.getState()).isEqualTo(AssessmentState.IN_PROGRESS);
        assertThat(a.section(1).orElseThrow().getBarriers()).extracting(b -> b.getKind())
                .containsExactly(BarrierKind.BUDGET);

        assertThatThrownBy(() -> a.submit("facilitator", NOW)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("missing: 2, 3");
        a.answer(2, 0, level(102), SCALE, "facilitator", NOW);
        a.answer(3, 0, level(103), SCALE, "facilitator", NOW);
        a.submit("facilitator", NOW);
        assertThat(a.getState()).isEqualTo(AssessmentState.SUBMITTED);
        assertThat(a.getSubmittedAt()).isEqualTo(NOW);
    }

    @Test
    void aSubmittedOrValidatedAssessmentIsImmutableUntilReopenedWithAReason() {
        Assessment a = submitted();
        DetailsInput details = new DetailsInput(LocalDate.of(2026, 4, 1), Delivery.IN_PERSON, "Room", null,
                Set.of(), List.of());
        assertThatThrownBy(() -> a.answer(1, 0, level(103), SCALE, "someone", NOW))
                .isInstanceOf(ConflictException.class).hasMessageContaining("reopen");
        assertThatThrownBy(() -> a.describe(details)).isInstanceOf(ConflictException.class);
        assertThatThrownBy(() -> a.submit("someone", NOW)).isInstanceOf(ConflictException.class);
        assertThat(a.section(1).orElseThrow().getLevelId()).isEqualTo(101L);

        a.validate("focal", NOW);
        assertThat(a.getState()).isEqualTo(AssessmentState.VALIDATED);
        assertThatThrownBy(() -> a.answer(1, 0, level(103), SCALE, "someone", NOW))
                .isInstanceOf(ConflictException.class);
        assertThatThrownBy(() -> a.validate("focal", NOW)).isInstanceOf(ConflictException.class);

        assertThatThrownBy(() -> a.reopen("  ", "coordinator", NOW)).isInstanceOf(InvalidInputException.class);
        assertThat(a.getState()).isEqualTo(AssessmentState.VALIDATED);
        a.reopen("The ICT unit was missing from the discussion", "coordinator", NOW);
        assertThat(a.getState()).isEqualTo(AssessmentState.REOPENED);
        assertThat(a.getValidatedAt()).isNull();
        assertThat(a.getHistory()).last().satisfies(t -> {
            assertThat(t.getReason()).isEqualTo("The ICT unit was missing from the discussion");
            assertThat(t.getActor()).isEqualTo("coordinator");
        });

        a.answer(1, 0, level(103), SCALE, "facilitator", NOW);
        assertThat(a.getState()).isEqualTo(AssessmentState.IN_PROGRESS);
        a.submit("facilitator", NOW);
        assertThat(a.getState()).isEqualTo(AssessmentState.SUBMITTED);
        assertThat(a.getHistory()).extracting(t -> t.getToState()).containsExactly(AssessmentState.DRAFT,
                AssessmentState.IN_PROGRESS, AssessmentState.SUBMITTED, AssessmentState.VALIDATED,
                AssessmentState.REOPENED, AssessmentState.IN_PROGRESS, AssessmentState.SUBMITTED);
    }

    @Test
    void aDraftCannotBeValidatedOrReopened() {
        Assessment a = draft();
        assertThatThrownBy(() -> a.validate("focal", NOW)).isInstanceOf(ConflictException.class);
        assertThatThrownBy(() -> a.reopen("why", "focal", NOW)).isInstanceOf(ConflictException.class);
    }

    @Test
    void aStaleSectionVersionIsAConflictAndChangesNothing() {
        Assessment a = draft();
        assertThatThrownBy(() -> a.answer(1, 3, level(101), SCALE, "facilitator", NOW))
                .isInstanceOfSatisfying(SectionConflictException.class, e -> {
                    assertThat(e.competencyId()).isEqualTo(1);
                    assertThat(e.currentVersion()).isZero();
                });
        assertThat(a.section(1).orElseThrow().getLevelId()).isNull();
        assertThat(a.getState()).isEqualTo(AssessmentState.DRAFT);
    }

    @Test
    void badInputIsRefusedWithTheFieldAtFaultAndChangesNothing() {
        Assessment a = draft();
        assertThatThrownBy(() -> a.answer(1, 0, level(999), SCALE, "f", NOW))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("levelId"));
        assertThatThrownBy(() -> a.answer(42, 0, level(101), SCALE, "f", NOW))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.field()).isEqualTo("competencyId"));
        assertThatThrownBy(() -> a.answer(1, 0, new AnswerInput(101L, "x".repeat(4001), List.of(), null, List.of()),
                SCALE, "f", NOW)).isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.field()).isEqualTo("notes"));
        for (String bad : List.of("javascript:alert(1)", "ftp://example.org/x", "example.org", "https://", "http://exa mple.org")) {
            assertThatThrownBy(() -> a.answer(1, 0, new AnswerInput(101L, null, List.of(bad), null, List.of()),
                    SCALE, "f", NOW)).as(bad).isInstanceOfSatisfying(InvalidInputException.class,
                            e -> assertThat(e.field()).isEqualTo("evidence"));
        }
        assertThat(a.section(1).orElseThrow().getLevelId()).isNull();
        assertThat(a.section(1).orElseThrow().getNotes()).isNull();
        assertThat(a.getState()).isEqualTo(AssessmentState.DRAFT);
    }

    @Test
    void detailsAreChecked() {
        assertThatThrownBy(() -> new Assessment(7, 70, List.of(1L), new DetailsInput(null, Delivery.ONLINE, null,
                null, Set.of(), List.of()), "c", NOW)).isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.field()).isEqualTo("heldOn"));
        assertThatThrownBy(() -> new Assessment(7, 70, List.of(1L), new DetailsInput(LocalDate.now(), Delivery.ONLINE,
                null, null, Set.of(), List.of(new DetailsInput.ParticipantInput(" ", "Officer", true))), "c", NOW))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.field()).isEqualTo("participants[0].fullName"));
        assertThatThrownBy(() -> new Assessment(7, 70, List.of(), new DetailsInput(LocalDate.now(), Delivery.ONLINE,
                null, null, Set.of(), List.of()), "c", NOW)).isInstanceOf(InvalidInputException.class);
    }

    private static Assessment submitted() {
        Assessment a = draft();
        a.answer(1, 0, level(101), SCALE, "facilitator", NOW);
        a.answer(2, 0, level(102), SCALE, "facilitator", NOW);
        a.answer(3, 0, level(103), SCALE, "facilitator", NOW);
        a.submit("facilitator", NOW);
        return a;
    }
}
