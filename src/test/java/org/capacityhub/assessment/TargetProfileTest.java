package org.capacityhub.assessment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;

import org.capacityhub.assessment.AssessmentFixtures.Actor;
import org.capacityhub.assessment.domain.TargetProfileService;
import org.capacityhub.directory.organisation.Organisation;
import org.capacityhub.framework.Frameworks;
import org.capacityhub.support.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

/** Target profiles through the pages and the API: who may write them, and bad input. */
@IntegrationTest
class TargetProfileTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    ApplicationContext context;

    AssessmentFixtures fixtures;
    TargetProfileService service;
    Organisation ministry;
    Actor coordinator;
    Actor member;
    long versionId;
    List<Frameworks.Competency> sections;
    List<Frameworks.ScaleLevel> scale;

    @BeforeEach
    void setUp() {
        fixtures = new AssessmentFixtures(context);
        service = context.getBean(TargetProfileService.class);
        ministry = fixtures.ministry("Ministry of Targets");
        coordinator = fixtures.coordinatorOf(ministry);
        member = fixtures.person("Member", ministry);
        versionId = fixtures.govstack().versionId();
        sections = fixtures.frameworks.tree(versionId).stream().filter(c -> c.parentId() == null).toList();
        scale = fixtures.frameworks.levels(versionId);
    }

    @Test
    void aCoordinatorCreatesAndEditsAProfileThroughThePages() throws Exception {
        mvc.perform(get("/target-profiles/new").with(coordinator.user()).param("frameworkVersionId",
                        String.valueOf(versionId)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("name=\"levels[" + sections.get(0).id() + "]\"")));
        String name = "Ministries baseline " + AssessmentFixtures.unique();
        String location = mvc.perform(post("/target-profiles/new").with(coordinator.user()).with(csrf())
                        .param("frameworkVersionId", String.valueOf(versionId)).param("name", name)
                        .param("organisationType", "MINISTRY")
                        .param("levels[" + sections.get(0).id() + "]", String.valueOf(scale.get(2).id()))
                        .param("levels[" + sections.get(1).id() + "]", String.valueOf(scale.get(1).id()))
                        .param("levels[" + sections.get(2).id() + "]", ""))
                .andExpect(status().is3xxRedirection()).andExpect(redirectedUrlPattern("/target-profiles/*"))
                .andReturn().getResponse().getRedirectedUrl();
        long id = Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
        var profile = fixtures.as(member, () -> service.profile(id));
        assertThat(profile.name()).isEqualTo(name);
        assertThat(profile.organisationType()).isEqualTo("MINISTRY");
        assertThat(profile.sections()).hasSize(sections.size());
        assertThat(profile.sections().get(0).rank()).isEqualTo(2);
        assertThat(profile.sections().get(1).rank()).isEqualTo(1);
        assertThat(profile.sections().get(2).levelId()).isNull();

        // everyone signed in sees it; only coordinators and administrators may change it
        mvc.perform(get("/target-profiles").with(member.user())).andExpect(status().isOk())
                .andExpect(content().string(containsString(name)))
                .andExpect(content().string(org.hamcrest.Matchers.not(containsString("id=\"new-target-profile\""))));
        mvc.perform(get("/target-profiles/{id}", id).with(member.user())).andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"target-levels\"")));
        mvc.perform(get("/target-profiles/new").with(member.user())).andExpect(status().isForbidden());
        mvc.perform(post("/target-profiles/{id}", id).with(member.user()).with(csrf()).param("name", "Taken over")
                .param("organisationType", "MINISTRY")).andExpect(status().isForbidden());
        assertThat(fixtures.as(member, () -> service.profile(id)).name()).isEqualTo(name);

        mvc.perform(post("/target-profiles/{id}", id).with(coordinator.user()).with(csrf())
                        .param("name", name + " v2").param("positionTitle", "Chief information officer")
                        .param("levels[" + sections.get(0).id() + "]", String.valueOf(scale.get(0).id())))
                .andExpect(status().is3xxRedirection());
        profile = fixtures.as(member, () -> service.profile(id));
        assertThat(profile.name()).isEqualTo(name + " v2");
        assertThat(profile.organisationType()).isNull();
        assertThat(profile.positionTitle()).isEqualTo("Chief information officer");
        assertThat(profile.sections().get(0).rank()).isZero();
        assertThat(profile.sections().get(1).levelId()).isNull();
    }

    @Test
    void theFormRefusesALevelOutsideTheScaleAndKeepsTheInput() throws Exception {
        long foreignLevel = fixtures.frameworks.levels(fixtures.unesco().versionId()).get(0).id();
        mvc.perform(post("/target-profiles/new").with(coordinator.user()).with(csrf())
                        .param("frameworkVersionId", String.valueOf(versionId)).param("name", "Kept name xyz")
                        .param("organisationType", "MINISTRY")
                        .param("levels[" + sections.get(0).id() + "]", String.valueOf(foreignLevel)))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("is not a level of this framework version")))
                .andExpect(content().string(containsString("Kept name xyz")));
        mvc.perform(post("/target-profiles/new").with(coordinator.user()).with(csrf())
                        .param("frameworkVersionId", String.valueOf(versionId)).param("name", "No scope")
                        .param("levels[" + sections.get(0).id() + "]", String.valueOf(scale.get(0).id())))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("Choose a kind of organisation or give a position title")));
        mvc.perform(post("/target-profiles/new").with(coordinator.user()).with(csrf())
                        .param("frameworkVersionId", String.valueOf(versionId)).param("name", "Tampered")
                        .param("organisationType", "MINISTRY").param("levels[" + sections.get(0).id() + "]", "high"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("Choose levels from the list.")));
    }

    @Test
    void theApiWritesForCoordinatorsAndAnswersProblemsForBadInput() throws Exception {
        String token = fixtures.bearer(coordinator);
        String body = """
                {"frameworkVersionId": %d, "name": "API profile %s", "organisationType": "AGENCY",
                 "levels": {"%d": %d, "%d": %d}}
                """.formatted(versionId, AssessmentFixtures.unique(), sections.get(0).id(), scale.get(1).id(),
                sections.get(1).id(), scale.get(2).id());
        String created = mvc.perform(post("/api/v1/target-profiles").header(HttpHeaders.AUTHORIZATION, token)
                        .contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isCreated()).andExpect(jsonPath("$.organisationType").value("AGENCY"))
                .andExpect(jsonPath("$.sections[0].rank").value(1))
                .andReturn().getResponse().getContentAsString();
        long id = Long.parseLong(created.replaceAll("(?s)^\\{\"id\":(\\d+).*$", "$1"));

        String memberToken = fixtures.bearer(member);
        mvc.perform(get("/api/v1/target-profiles/{id}", id).header(HttpHeaders.AUTHORIZATION, memberToken))
                .andExpect(status().isOk()).andExpect(jsonPath("$.sections[1].rank").value(2));
        mvc.perform(put("/api/v1/target-profiles/{id}", id).header(HttpHeaders.AUTHORIZATION, memberToken)
                .contentType(MediaType.APPLICATION_JSON).content(body)).andExpect(status().isForbidden());
        mvc.perform(post("/api/v1/target-profiles").header(HttpHeaders.AUTHORIZATION, memberToken)
                .contentType(MediaType.APPLICATION_JSON).content(body)).andExpect(status().isForbidden());

        // a level outside the version's scale
        long foreignLevel = fixtures.frameworks.levels(fixtures.unesco().versionId()).get(0).id();
        mvc.perform(put("/api/v1/target-profiles/{id}", id).header(HttpHeaders.AUTHORIZATION, token)
                        .contentType(MediaType.APPLICATION_JSON).content("""
                                {"frameworkVersionId": %d, "name": "Changed", "organisationType": "AGENCY",
                                 "levels": {"%d": %d}}
                                """.formatted(versionId, sections.get(0).id(), foreignLevel)))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.detail", containsString("is not a level of this framework version")));
        // a competency outside the version
        long foreignCompetency = fixtures.frameworks.tree(fixtures.unesco().versionId()).get(0).id();
        mvc.perform(put("/api/v1/target-profiles/{id}", id).header(HttpHeaders.AUTHORIZATION, token)
                        .contentType(MediaType.APPLICATION_JSON).content("""
                                {"frameworkVersionId": %d, "name": "Changed", "organisationType": "AGENCY",
                                 "levels": {"%d": %d}}
                                """.formatted(versionId, foreignCompetency, scale.get(0).id())))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.detail", containsString("is not a section of this framework version")));
        // an unknown kind of organisation
        mvc.perform(post("/api/v1/target-profiles").header(HttpHeaders.AUTHORIZATION, token)
                        .contentType(MediaType.APPLICATION_JSON).content(body.replace("AGENCY", "SPACESHIP")))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        assertThat(fixtures.as(member, () -> service.profile(id)).name()).startsWith("API profile");

        mvc.perform(get("/api/v1/target-profiles/{id}", Long.MAX_VALUE).header(HttpHeaders.AUTHORIZATION, token))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    }
}
