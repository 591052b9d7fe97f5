package org.capacityhub.assessment;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.capacityhub.assessment.AssessmentFixtures.Actor;
import org.capacityhub.directory.organisation.Organisation;
import org.capacityhub.directory.programme.Programme;
import org.capacityhub.support.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/**
 * The peer benchmark and change over time through the API: the same access as the report (404 for an assessment
 * one may not see, 401 without a token) and the same rule of at least 5 other organisations.
 */
@IntegrationTest
class ComparisonApiTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    ApplicationContext context;

    AssessmentFixtures fixtures;
    Actor admin;

    @BeforeEach
    void setUp() {
        fixtures = new AssessmentFixtures(context);
        admin = new Actor(0, 0, "admin", fixtures.users.loadUserByUsername("admin"));
    }

    private ResultActions getAs(Actor actor, String path) throws Exception {
        return mvc.perform(get(path).header(HttpHeaders.AUTHORIZATION, fixtures.bearer(actor)));
    }

    @Test
    void theBenchmarkGivesFiguresOnlyWithFiveOtherOrganisations() throws Exception {
        Organisation own = fixtures.ministry("API benchmarked ministry");
        Actor focal = fixtures.focalPoint(own);
        long ownId = fixtures.finalAssessment(admin, own, LocalDate.of(2026, 2, 1), 0);
        List<Organisation> members = new ArrayList<>(List.of(own));
        List<String> peerNames = new ArrayList<>();
        for (int rank : new int[] {0, 1, 1, 2}) {
            Organisation peer = fixtures.ministry("API peer ministry");
            peerNames.add(peer.getName());
            members.add(peer);
            fixtures.finalAssessment(admin, peer, LocalDate.of(2026, 1, 1), rank);
        }
        Programme programme = fixtures.programme(members);

        // four other organisations: no figures, not even how many contributed
        getAs(focal, "/api/v1/assessments/" + ownId + "/benchmark").andExpect(status().isOk())
                .andExpect(jsonPath("$.programmes.length()").value(1))
                .andExpect(jsonPath("$.programmes[0].programmeId").value(programme.getId()))
                .andExpect(jsonPath("$.programmes[0].enough").value(false))
                .andExpect(jsonPath("$.programmes[0].minimumOrganisations").value(5))
                .andExpect(jsonPath("$.programmes[0].contributors").doesNotExist())
                .andExpect(jsonPath("$.programmes[0].sections").isEmpty());

        Organisation fifth = fixtures.ministry("API fifth peer");
        peerNames.add(fifth.getName());
        fixtures.finalAssessment(admin, fifth, LocalDate.of(2026, 1, 15), 0);
        fixtures.transaction.executeWithoutResult(s -> fixtures.programmes.findById(programme.getId()).orElseThrow()
                .addMember(fixtures.organisations.findById(fifth.getId()).orElseThrow()));

        // peers' ranks 0, 0, 1, 1, 2: median 1, quartiles 0 and 1, this organisation (0) within the middle half
        String body = getAs(focal, "/api/v1/assessments/" + ownId + "/benchmark").andExpect(status().isOk())
                .andExpect(jsonPath("$.programmes[0].enough").value(true))
                .andExpect(jsonPath("$.programmes[0].contributors").value(5))
                .andExpect(jsonPath("$.programmes[0].sections.length()").value(8))
                .andExpect(jsonPath("$.programmes[0].sections[*].median", everyItem(is(1.0))))
                .andExpect(jsonPath("$.programmes[0].sections[*].lowerQuartile", everyItem(is(0))))
                .andExpect(jsonPath("$.programmes[0].sections[*].upperQuartile", everyItem(is(1))))
                .andExpect(jsonPath("$.programmes[0].sections[*].position", everyItem(is("WITHIN"))))
                .andReturn().getResponse().getContentAsString();
        for (String name : peerNames) {
            org.assertj.core.api.Assertions.assertThat(body).doesNotContain(name);
        }

        // the same access as the report
        Actor outsider = fixtures.person("API outsider", fixtures.ministry("API elsewhere"));
        getAs(outsider, "/api/v1/assessments/" + ownId + "/benchmark").andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        mvc.perform(get("/api/v1/assessments/" + ownId + "/benchmark")).andExpect(status().isUnauthorized());
        getAs(focal, "/api/v1/assessments/999999999/benchmark").andExpect(status().isNotFound());
    }

    @Test
    void changeOverTimeFromTwoFinalAssessments() throws Exception {
        Organisation own = fixtures.ministry("API ministry over time");
        Actor focal = fixtures.focalPoint(own);
        long first = fixtures.finalAssessment(admin, own, LocalDate.of(2025, 3, 1), 0);
        getAs(focal, "/api/v1/assessments/" + first + "/change-over-time").andExpect(status().isOk())
                .andExpect(jsonPath("$.available").value(false)).andExpect(jsonPath("$.assessments").isEmpty())
                .andExpect(jsonPath("$.sections").isEmpty());

        long second = fixtures.finalAssessment(admin, own, LocalDate.of(2026, 3, 1), 2);
        getAs(focal, "/api/v1/assessments/" + second + "/change-over-time").andExpect(status().isOk())
                .andExpect(jsonPath("$.available").value(true))
                .andExpect(jsonPath("$.assessments[0].assessmentId").value(first))
                .andExpect(jsonPath("$.assessments[0].heldOn").value("2025-03-01"))
                .andExpect(jsonPath("$.assessments[1].assessmentId").value(second))
                .andExpect(jsonPath("$.assessments[1].current").value(true))
                .andExpect(jsonPath("$.sections.length()").value(8))
                .andExpect(jsonPath("$.sections[*].cells[0].rank", everyItem(is(0))))
                .andExpect(jsonPath("$.sections[*].cells[1].rank", everyItem(is(2))))
                .andExpect(jsonPath("$.sections[*].cells[1].change", everyItem(is(2))))
                .andExpect(jsonPath("$.chart").doesNotExist());

        Actor outsider = fixtures.person("API outsider over time", fixtures.ministry("API elsewhere too"));
        getAs(outsider, "/api/v1/assessments/" + second + "/change-over-time").andExpect(status().isNotFound())
                .andExpect(content().string(not(containsString("2025-03-01"))));
        mvc.perform(get("/api/v1/assessments/" + second + "/change-over-time")).andExpect(status().isUnauthorized());
    }
}
