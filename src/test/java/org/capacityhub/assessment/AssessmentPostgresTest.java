package org.capacityhub.assessment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.capacityhub.assessment.AssessmentFixtures.Actor;
import org.capacityhub.assessment.domain.AnswerInput;
import org.capacityhub.assessment.domain.AssessmentState;
import org.capacityhub.assessment.domain.BarrierKind;
import org.capacityhub.assessment.domain.Confidence;
import org.capacityhub.assessment.domain.SectionConflictException;
import org.capacityhub.assessment.domain.Views;
import org.capacityhub.directory.organisation.Organisation;
import org.capacityhub.support.PostgresIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/** The V3 migration and the assessment mapping on a real PostgreSQL server: a full round trip. */
@PostgresIntegrationTest
class AssessmentPostgresTest {

    @Autowired
    ApplicationContext context;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void anAssessmentRoundTripsThroughPostgres() {
        AssessmentFixtures fixtures = new AssessmentFixtures(context);
        Organisation ministry = fixtures.ministry("Ministry of Energy");
        Actor focal = fixtures.focalPoint(ministry);
        Actor facilitator = fixtures.person("Facilitator", null);
        long id = fixtures.assessment(focal, ministry, facilitator);

        Views.Detail created = fixtures.as(facilitator, () -> fixtures.service.detail(id));
        Views.SectionView first = created.sections().get(0);
        long high = created.levelsHighestFirst().get(0).id();
        fixtures.as(facilitator, () -> fixtures.service.answer(id, first.competencyId(), 0, new AnswerInput(high,
                "Sees the ecosystem", List.of("https://example.org/a", "https://example.org/b"), Confidence.LOW,
                List.of(new AnswerInput.BarrierInput(BarrierKind.CULTURAL_ORGANISATIONAL, "Risk-averse culture"),
                        new AnswerInput.BarrierInput(BarrierKind.EQUIPMENT, null)))));
        assertThatThrownBy(() -> fixtures.as(focal, () -> fixtures.service.answer(id, first.competencyId(), 0,
                new AnswerInput(null, "stale", List.of(), null, List.of())))).isInstanceOf(SectionConflictException.class);
        // the second save replaces the lists in place
        fixtures.as(facilitator, () -> fixtures.service.answer(id, first.competencyId(), 1, new AnswerInput(high,
                "Sees the ecosystem", List.of("https://example.org/b"), Confidence.MEDIUM,
                List.of(new AnswerInput.BarrierInput(BarrierKind.EQUIPMENT, "Laptops")))));
        fixtures.rateAll(facilitator, id);
        fixtures.as(facilitator, () -> {
            fixtures.service.submit(id);
            return null;
        });

        Views.Detail read = fixtures.as(focal, () -> fixtures.service.detail(id));
        assertThat(read.state()).isEqualTo(AssessmentState.SUBMITTED);
        assertThat(read.heldOn()).isEqualTo(created.heldOn());
        assertThat(read.participants()).hasSize(1);
        assertThat(read.facilitators()).extracting(Views.PersonRef::id).containsExactly(facilitator.personId());
        Views.SectionView section = read.sections().get(0);
        assertThat(section.notes()).isEqualTo("Notes 1");
        assertThat(section.levelRank()).isZero();
        assertThat(section.evidence()).isEmpty();
        assertThat(section.version()).isEqualTo(3);
        assertThat(read.history()).extracting(Views.TransitionView::to).containsExactly(AssessmentState.DRAFT,
                AssessmentState.IN_PROGRESS, AssessmentState.SUBMITTED);
        assertThat(fixtures.as(facilitator, () -> fixtures.service.visibleAssessments()))
                .extracting(Views.Summary::id).contains(id);
        assertThat(fixtures.as(focal, () -> fixtures.service.visibleAssessments()))
                .extracting(Views.Summary::id).contains(id);
        assertThat(jdbc.queryForObject("select count(*) from audit_entry where entity_type like '%Assessment%'",
                Integer.class)).isPositive();
    }
}
