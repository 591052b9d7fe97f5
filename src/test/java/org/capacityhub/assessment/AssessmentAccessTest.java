package org.capacityhub.assessment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.capacityhub.assessment.AssessmentFixtures.Actor;
import org.capacityhub.directory.organisation.Organisation;
import org.capacityhub.support.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Only the organisation's entitled people, the assessment's facilitators and the programme's coordinators see an
 * organisation's assessments; everyone else is told it does not exist (404), on pages and in the API.
 */
@IntegrationTest
class AssessmentAccessTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    ApplicationContext context;
    @Autowired
    Assessments assessments;

    AssessmentFixtures fixtures;
    Organisation ministry;
    Organisation other;
    Actor focal;
    Actor member;
    Actor facilitator;
    Actor coordinator;
    Actor outsider;
    Actor otherCoordinator;
    long id;

    @BeforeEach
    void setUp() {
        fixtures = new AssessmentFixtures(context);
        ministry = fixtures.ministry("Ministry of Finance");
        other = fixtures.ministry("Ministry of Water");
        focal = fixtures.focalPoint(ministry);
        member = fixtures.person("Member", ministry);
        facilitator = fixtures.person("Consultant", other);
        coordinator = fixtures.coordinatorOf(ministry);
        outsider = fixtures.person("Outsider", other);
        otherCoordinator = fixtures.coordinatorOf(other);
        id = fixtures.assessment(focal, ministry, facilitator);
    }

    @Test
    void entitledPeopleFacilitatorsAndCoordinatorsSeeTheAssessment() throws Exception {
        for (Actor actor : new Actor[] {focal, member, facilitator, coordinator}) {
            mvc.perform(get("/assessments/{id}", id).with(actor.user())).andExpect(status().isOk());
            mvc.perform(get("/assessments/{id}/sections/1", id).with(actor.user())).andExpect(status().isOk());
            mvc.perform(get("/assessments/{id}/report", id).with(actor.user())).andExpect(status().isOk());
            mvc.perform(get("/assessments").with(actor.user()))
                    .andExpect(content().string(containsString("data-assessment-id=\"" + id + "\"")));
            mvc.perform(get("/api/v1/assessments/{id}", id).header(HttpHeaders.AUTHORIZATION, fixtures.bearer(actor)))
                    .andExpect(status().isOk());
        }
        mvc.perform(get("/assessments/{id}", id).with(SecurityMockMvcRequestPostProcessors.user(
                fixtures.users.loadUserByUsername("admin")))).andExpect(status().isOk());
    }

    @Test
    void everyoneElseGetsNotFoundOnPagesAndInTheApi() throws Exception {
        for (Actor actor : new Actor[] {outsider, otherCoordinator}) {
            mvc.perform(get("/assessments/{id}", id).with(actor.user())).andExpect(status().isNotFound());
            mvc.perform(get("/assessments/{id}/sections/1", id).with(actor.user())).andExpect(status().isNotFound());
            mvc.perform(get("/assessments/{id}/report", id).with(actor.user())).andExpect(status().isNotFound());
            mvc.perform(post("/assessments/{id}/sections/1", id).with(actor.user()).with(csrf())
                    .param("version", "0").param("notes", "Intrusion")).andExpect(status().isNotFound());
            mvc.perform(post("/assessments/{id}/sections/1/autosave", id).with(actor.user()).with(csrf())
                    .accept(MediaType.APPLICATION_JSON).param("version", "0").param("notes", "Intrusion"))
                    .andExpect(status().isNotFound());
            mvc.perform(post("/assessments/{id}/submit", id).with(actor.user()).with(csrf()))
                    .andExpect(status().isNotFound());
            mvc.perform(get("/assessments").with(actor.user()))
                    .andExpect(content().string(not(containsString("data-assessment-id=\"" + id + "\""))));
            String token = fixtures.bearer(actor);
            mvc.perform(get("/api/v1/assessments/{id}", id).header(HttpHeaders.AUTHORIZATION, token))
                    .andExpect(status().isNotFound())
                    .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
            long competencyId = fixtures.as(focal, () -> fixtures.service.detail(id)).sections().get(0).competencyId();
            mvc.perform(put("/api/v1/assessments/{id}/sections/{c}", id, competencyId)
                            .header(HttpHeaders.AUTHORIZATION, token).contentType(MediaType.APPLICATION_JSON)
                            .content("{\"version\":0,\"notes\":\"Intrusion\"}"))
                    .andExpect(status().isNotFound());
            mvc.perform(get("/api/v1/assessments").header(HttpHeaders.AUTHORIZATION, token))
                    .andExpect(status().isOk()).andExpect(content().string(not(containsString("\"id\":" + id + ","))));
            assertThat(fixtures.as(actor, () -> assessments.result(id))).isEmpty();
        }
        assertThat(fixtures.as(focal, () -> fixtures.service.detail(id)).sections().get(0).notes()).isNull();
        assertThat(fixtures.as(coordinator, () -> assessments.result(id))).isPresent();
    }

    @Test
    void membersMayLookButNotChangeAndOnlyFocalPointsValidate() throws Exception {
        mvc.perform(get("/assessments/{id}/sections/1", id).with(member.user()))
                .andExpect(content().string(not(containsString("id=\"section-form\""))));
        mvc.perform(post("/assessments/{id}/sections/1", id).with(member.user()).with(csrf())
                .param("version", "0").param("notes", "Not mine to change")).andExpect(status().isForbidden());
        // a coordinator may not assess an organisation outside the programme, nor may a member create one
        mvc.perform(post("/assessments/new").with(otherCoordinator.user()).with(csrf())
                        .param("organisationId", ministry.getId().toString())
                        .param("frameworkVersionId", String.valueOf(fixtures.govstack().versionId()))
                        .param("heldOn", "2026-03-02").param("delivery", "ONLINE"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("Choose an organisation you coordinate.")));
        mvc.perform(post("/assessments/new").with(member.user()).with(csrf())
                        .param("organisationId", ministry.getId().toString())
                        .param("frameworkVersionId", String.valueOf(fixtures.govstack().versionId()))
                        .param("heldOn", "2026-03-02").param("delivery", "ONLINE"))
                .andExpect(status().isForbidden());

        fixtures.rateAll(facilitator, id);
        mvc.perform(post("/assessments/{id}/submit", id).with(facilitator.user()).with(csrf()))
                .andExpect(status().is3xxRedirection());
        for (Actor notFocal : new Actor[] {facilitator, coordinator, member}) {
            mvc.perform(post("/assessments/{id}/validate", id).with(notFocal.user()).with(csrf()))
                    .andExpect(status().isForbidden());
        }
        mvc.perform(post("/assessments/{id}/validate", id).with(focal.user()).with(csrf()))
                .andExpect(status().is3xxRedirection());
        assertThat(fixtures.as(focal, () -> fixtures.service.detail(id)).state().name()).isEqualTo("VALIDATED");
        // the coordinator of the programme sees the final results through the module's API
        assertThat(fixtures.as(coordinator, () -> assessments.finalResults(ministry.getId())))
                .extracting(AssessmentResult::assessmentId).contains(id);
        assertThat(fixtures.as(outsider, () -> assessments.finalResults(ministry.getId()))).isEmpty();
    }
}
