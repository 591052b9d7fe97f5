package org.capacityhub.assessment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.capacityhub.assessment.AssessmentFixtures.Actor;
import org.capacityhub.assessment.comparison.PeerBenchmark;
import org.capacityhub.assessment.survey.LinkRefusedException;
import org.capacityhub.assessment.survey.SurveyService;
import org.capacityhub.assessment.survey.SurveyViews;
import org.capacityhub.directory.organisation.Organisation;
import org.capacityhub.support.PostgresIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/** Surveys and the peer benchmark's query on a real PostgreSQL. */
@PostgresIntegrationTest
class SurveyPostgresTest {

    @Autowired
    ApplicationContext context;
    @Autowired
    SurveyService surveys;
    @Autowired
    PeerBenchmark benchmark;

    @Test
    void aSurveyRoundTripsThroughPostgres() {
        AssessmentFixtures fixtures = new AssessmentFixtures(context);
        Organisation ministry = fixtures.ministry("Ministry of Postgres surveys");
        Actor focal = fixtures.focalPoint(ministry);
        long versionId = fixtures.govstack().versionId();
        long id = fixtures.as(focal, () -> surveys.create(ministry.getId(), versionId, null, "PG survey",
                List.of("Leadership", "Staff"), LocalDate.now().plusDays(3)));
        long group = fixtures.as(focal, () -> surveys.detail(id)).groups().get(0).id();
        List<SurveyViews.IssuedLink> links = fixtures.as(focal, () -> surveys.issueLinks(id, group, 5));
        var sections = fixtures.frameworks.tree(versionId).stream().filter(c -> c.parentId() == null).toList();
        long level = fixtures.frameworks.levels(versionId).get(1).id();
        for (SurveyViews.IssuedLink link : links) {
            Map<Long, Long> chosen = new HashMap<>();
            sections.forEach(s -> chosen.put(s.id(), level));
            surveys.respond(link.url().substring(link.url().lastIndexOf('/') + 1), chosen,
                    Map.of(sections.get(0).id(), "A comment"));
        }
        String spent = links.get(0).url().substring(links.get(0).url().lastIndexOf('/') + 1);
        assertThatThrownBy(() -> surveys.respond(spent, Map.of(), Map.of())).isInstanceOf(LinkRefusedException.class);
        assertThat(fixtures.as(focal, () -> surveys.results(id)).available()).isFalse();
        fixtures.as(focal, () -> {
            surveys.close(id);
            return null;
        });
        SurveyViews.Results results = fixtures.as(focal, () -> surveys.results(id));
        assertThat(results.sections().get(0).groups().get(0).respondents()).isEqualTo(5);
        assertThat(results.sections().get(0).all().status()).isEqualTo("SHOWN");
        assertThat(results.sections().get(0).comments()).singleElement()
                .satisfies(c -> assertThat(c.comments()).hasSize(5));
        // the benchmark's query runs (no programme here: nothing to show)
        long assessment = fixtures.assessment(focal, ministry);
        assertThat(fixtures.as(focal, () -> benchmark.forAssessment(assessment))).isEmpty();
    }
}
