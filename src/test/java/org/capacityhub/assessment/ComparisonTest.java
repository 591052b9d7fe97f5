package org.capacityhub.assessment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.capacityhub.assessment.AssessmentFixtures.Actor;
import org.capacityhub.assessment.comparison.ChangeOverTime;
import org.capacityhub.assessment.comparison.PeerBenchmark;
import org.capacityhub.directory.organisation.Organisation;
import org.capacityhub.directory.programme.Programme;
import org.capacityhub.support.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.test.web.servlet.MockMvc;

/** The peer benchmark (only with 5 or more other organisations) and change over time on the report. */
@IntegrationTest
class ComparisonTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    ApplicationContext context;
    @Autowired
    PeerBenchmark benchmark;
    @Autowired
    ChangeOverTime changeOverTime;

    AssessmentFixtures fixtures;
    Actor admin;

    @BeforeEach
    void setUp() {
        fixtures = new AssessmentFixtures(context);
        admin = new Actor(0, 0, "admin", fixtures.users.loadUserByUsername("admin"));
    }

    @Test
    void theBenchmarkAppearsOnlyWithFiveOtherOrganisations() throws Exception {
        Organisation own = fixtures.ministry("Ministry benchmarked");
        Actor focal = fixtures.focalPoint(own);
        long ownId = fixtures.finalAssessment(admin, own, LocalDate.of(2026, 2, 1), 0);
        List<Organisation> members = new ArrayList<>(List.of(own));
        int[] ranks = {0, 1, 1, 2};
        List<String> peerNames = new ArrayList<>();
        for (int rank : ranks) {
            Organisation peer = fixtures.ministry("Peer ministry");
            peerNames.add(peer.getName());
            members.add(peer);
            fixtures.finalAssessment(admin, peer, LocalDate.of(2026, 1, 1), rank);
        }
        // an organisation whose only assessment is not final does not count
        Organisation draftOnly = fixtures.ministry("Draft ministry");
        members.add(draftOnly);
        fixtures.assessment(admin, draftOnly);
        Programme programme = fixtures.programme(members);

        var four = fixtures.as(focal, () -> benchmark.forAssessment(ownId));
        assertThat(four).singleElement().satisfies(b -> {
            assertThat(b.enough()).isFalse();
            assertThat(b.rows()).isEmpty();
        });
        String page = mvc.perform(get("/assessments/" + ownId + "/report").with(focal.user()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("not enough comparable organisations (n &lt; 5)").doesNotContain("benchmark-table");

        // a fifth peer, whose older assessment (at the highest level) is replaced by a newer one at the lowest
        Organisation fifth = fixtures.ministry("Fifth peer");
        peerNames.add(fifth.getName());
        fixtures.finalAssessment(admin, fifth, LocalDate.of(2025, 1, 1), 2);
        fixtures.finalAssessment(admin, fifth, LocalDate.of(2026, 1, 15), 0);
        fixtures.transaction.executeWithoutResult(s -> fixtures.programmes.findById(programme.getId()).orElseThrow()
                .addMember(fixtures.organisations.findById(fifth.getId()).orElseThrow()));

        var five = fixtures.as(focal, () -> benchmark.forAssessment(ownId));
        assertThat(five).singleElement().satisfies(b -> {
            assertThat(b.enough()).isTrue();
            assertThat(b.contributors()).isEqualTo(5);
            // peers' ranks 0, 0, 1, 1, 2: median 1, quartiles 0 and 1
            assertThat(b.rows()).isNotEmpty().allSatisfy(r -> {
                assertThat(r.median()).isEqualTo(1.0);
                assertThat(r.lowerQuartile()).isZero();
                assertThat(r.upperQuartile()).isEqualTo(1);
                assertThat(r.position()).isEqualTo("WITHIN");
            });
        });
        page = mvc.perform(get("/assessments/" + ownId + "/report").with(focal.user()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("benchmark-table").contains("5 other member organisations")
                .doesNotContain("not enough comparable organisations");
        for (String name : peerNames) {
            assertThat(page).doesNotContain(name);
        }
        // someone who may not see the assessment gets no benchmark either
        Actor outsider = fixtures.person("Outsider", fixtures.ministry("Elsewhere"));
        assertThat(fixtures.as(outsider, () -> benchmark.forAssessment(ownId))).isEmpty();
    }

    @Test
    void reassessmentsShowTheChangePerSection() throws Exception {
        Organisation own = fixtures.ministry("Ministry over time");
        Actor focal = fixtures.focalPoint(own);
        long first = fixtures.finalAssessment(admin, own, LocalDate.of(2025, 3, 1), 0);
        String page = mvc.perform(get("/assessments/" + first + "/report").with(focal.user()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("id=\"trend-none\"").doesNotContain("trend-chart");

        long second = fixtures.finalAssessment(admin, own, LocalDate.of(2026, 3, 1), 2);
        var trend = fixtures.as(focal, () -> changeOverTime.forAssessment(second)).orElseThrow();
        assertThat(trend.assessments()).extracting(ChangeOverTime.Point::assessmentId).containsExactly(first, second);
        assertThat(trend.rows()).isNotEmpty().allSatisfy(r -> {
            assertThat(r.cells().get(0).rank()).isZero();
            assertThat(r.cells().get(1).rank()).isEqualTo(2);
            assertThat(r.cells().get(1).change()).isEqualTo(2);
        });
        page = mvc.perform(get("/assessments/" + second + "/report").with(focal.user()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("id=\"trend-chart\"").contains("id=\"trend-table\"").contains("(+2)")
                .contains("<polyline");
        // a draft re-assessment is not part of the series
        fixtures.assessment(admin, own);
        assertThat(fixtures.as(focal, () -> changeOverTime.forAssessment(second)).orElseThrow().assessments())
                .hasSize(2);
    }
}
