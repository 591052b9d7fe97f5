package org.capacityhub.assessment.survey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.capacityhub.platform.ConflictException;
import org.capacityhub.platform.InvalidInputException;
import org.junit.jupiter.api.Test;

/** The survey's own rules: groups, closing by hand or after its closing date, medians and agreement. */
class SurveyModelTest {

    private static final Instant NOW = Instant.parse("2026-05-01T10:00:00Z");

    private static Survey survey(LocalDate closesOn) {
        return new Survey(1, 2, null, "Staff survey", List.of("Leadership", " ", "Staff"), closesOn, "admin", NOW);
    }

    @Test
    void aSurveyClosesAfterItsClosingDayOrByHand() {
        Survey s = survey(LocalDate.of(2026, 5, 3));
        assertThat(s.getGroups()).extracting(SurveyGroup::getName).containsExactly("Leadership", "Staff");
        assertThat(s.isOpen(Instant.parse("2026-05-03T23:59:59Z"))).isTrue();
        assertThat(s.isOpen(Instant.parse("2026-05-04T00:00:00Z"))).isFalse();
        Survey manual = survey(null);
        assertThat(manual.isOpen(NOW.plusSeconds(86_400L * 365))).isTrue();
        manual.close("admin", NOW);
        assertThat(manual.isOpen(NOW)).isFalse();
        assertThatThrownBy(() -> manual.close("admin", NOW)).isInstanceOf(ConflictException.class);
    }

    @Test
    void badDefinitionsAreRefused() {
        assertThatThrownBy(() -> new Survey(1, 2, null, " ", List.of("A"), null, "a", NOW))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("title");
        assertThatThrownBy(() -> new Survey(1, 2, null, "T", List.of(" "), null, "a", NOW))
                .isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> new Survey(1, 2, null, "T", List.of("A", "a"), null, "a", NOW))
                .isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> new Survey(1, 2, null, "T", List.of("A"), LocalDate.of(2026, 4, 30), "a", NOW))
                .isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> new Survey(1, 2, null, "T", java.util.Collections.nCopies(13, "x").stream()
                .map(x -> x + Math.random()).toList(), null, "a", NOW)).isInstanceOf(InvalidInputException.class);
    }

    @Test
    void mediansAndAgreement() {
        assertThat(SurveyService.median(List.of(0, 2, 1))).isEqualTo(1.0);
        assertThat(SurveyService.median(List.of(0, 1, 1, 2, 2, 2))).isEqualTo(1.5);
        List<SurveyViews.Level> levels = List.of(new SurveyViews.Level(1, 0, "Basic", null),
                new SurveyViews.Level(2, 1, "Moderate", null), new SurveyViews.Level(3, 2, "High", null));
        SurveyViews.Figures a = new SurveyViews.Figures("A", "SHOWN", 5, List.of(), 0.5, "Basic – Moderate");
        SurveyViews.Figures b = new SurveyViews.Figures("B", "SHOWN", 5, List.of(), 1.0, "Moderate");
        SurveyViews.Figures c = new SurveyViews.Figures("C", "SHOWN", 5, List.of(), 1.5, "Moderate – High");
        SurveyViews.Figures small = new SurveyViews.Figures("D", "FEWER", null, List.of(), null, null);
        assertThat(SurveyService.agreement(List.of(a, b, small), levels).kind()).isEqualTo("AGREE");
        SurveyViews.Agreement differ = SurveyService.agreement(List.of(a, b, c), levels);
        assertThat(differ.kind()).isEqualTo("DIFFER");
        assertThat(differ.highestGroups()).isEqualTo("C");
        assertThat(differ.lowestGroups()).isEqualTo("A");
        assertThat(differ.lowestLabel()).isEqualTo("Basic – Moderate");
        assertThat(SurveyService.agreement(List.of(a, small), levels).kind()).isEqualTo("UNKNOWN");
    }
}
