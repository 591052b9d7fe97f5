package org.capacityhub.assessment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;

import org.capacityhub.assessment.AssessmentFixtures.Actor;
import org.capacityhub.assessment.domain.AssessmentState;
import org.capacityhub.assessment.domain.Views;
import org.capacityhub.directory.organisation.Organisation;
import org.capacityhub.support.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** The focus-group protocol through the pages: creation, the facilitator's screen, conflicts, workflow, report. */
@IntegrationTest
@RecordApplicationEvents
class AssessmentPagesTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    ApplicationContext context;
    @Autowired
    ApplicationEvents events;

    AssessmentFixtures fixtures;
    Organisation ministry;
    Actor focal;

    @BeforeEach
    void setUp() {
        fixtures = new AssessmentFixtures(context);
        ministry = fixtures.ministry("Ministry of ICT");
        focal = fixtures.focalPoint(ministry);
    }

    private Views.Detail detail(long id) {
        return fixtures.as(focal, () -> fixtures.service.detail(id));
    }

    private MockHttpServletRequestBuilder save(long id, int number, long version, String levelId, String notes) {
        return post("/assessments/{id}/sections/{n}", id, number).with(csrf())
                .param("version", String.valueOf(version)).param("levelId", levelId).param("notes", notes);
    }

    @Test
    void aFocalPointCreatesAnAssessmentAgainstThePublishedGovStackVersion() throws Exception {
        Actor facilitator = fixtures.person("Facilitator", null);
        long versionId = fixtures.govstack().versionId();
        mvc.perform(get("/assessments/new").with(focal.user())).andExpect(status().isOk())
                .andExpect(content().string(containsString(ministry.getName())))
                .andExpect(content().string(containsString("GovStack skills assessment")));

        String location = mvc.perform(post("/assessments/new").with(focal.user()).with(csrf())
                        .param("organisationId", ministry.getId().toString())
                        .param("frameworkVersionId", String.valueOf(versionId))
                        .param("heldOn", "2026-03-02").param("delivery", "IN_PERSON").param("place", "Room 12")
                        .param("purpose", "Prepare the training plan")
                        .param("facilitatorIds", String.valueOf(facilitator.personId()))
                        .param("participants[0].fullName", "Halima Yusuf")
                        .param("participants[0].positionTitle", "ICT officer")
                        .param("participants[0].consentRecorded", "true")
                        .param("participants[1].fullName", "").param("participants[1].positionTitle", ""))
                .andExpect(status().is3xxRedirection()).andExpect(redirectedUrlPattern("/assessments/*"))
                .andReturn().getResponse().getRedirectedUrl();
        long id = Long.parseLong(location.substring(location.lastIndexOf('/') + 1));

        Views.Detail detail = detail(id);
        assertThat(detail.frameworkVersionId()).isEqualTo(versionId);
        assertThat(detail.state()).isEqualTo(AssessmentState.DRAFT);
        assertThat(detail.sections()).hasSize(8);
        assertThat(detail.participants()).singleElement().satisfies(p -> {
            assertThat(p.fullName()).isEqualTo("Halima Yusuf");
            assertThat(p.consentRecorded()).isTrue();
        });
        assertThat(detail.facilitators()).extracting(Views.PersonRef::id).containsExactly(facilitator.personId());

        mvc.perform(get("/assessments/{id}", id).with(focal.user())).andExpect(status().isOk())
                .andExpect(content().string(containsString("Halima Yusuf")))
                .andExpect(content().string(containsString("Using systems thinking and design thinking")));
    }

    @Test
    void creationErrorsKeepTheInput() throws Exception {
        mvc.perform(post("/assessments/new").with(focal.user()).with(csrf())
                        .param("organisationId", ministry.getId().toString())
                        .param("frameworkVersionId", String.valueOf(fixtures.govstack().versionId()))
                        .param("heldOn", "").param("delivery", "IN_PERSON").param("place", "Kept place")
                        .param("participants[0].fullName", "").param("participants[0].positionTitle", "Kept title"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("Give the date of the focus group.")))
                .andExpect(content().string(containsString("Kept place")));
        mvc.perform(post("/assessments/new").with(focal.user()).with(csrf())
                        .param("organisationId", ministry.getId().toString())
                        .param("frameworkVersionId", "999999999").param("heldOn", "2026-03-02")
                        .param("delivery", "ONLINE"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("Choose a published framework version.")));
        mvc.perform(post("/assessments/new").with(focal.user()).with(csrf())
                        .param("organisationId", ministry.getId().toString())
                        .param("frameworkVersionId", String.valueOf(fixtures.govstack().versionId()))
                        .param("heldOn", "2026-03-02").param("delivery", "ONLINE")
                        .param("participants[0].fullName", "").param("participants[0].positionTitle", "Kept title"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("Give the participant&#39;s name.")))
                .andExpect(content().string(containsString("Kept title")));
    }

    @Test
    void theFacilitatorScreenShowsTheBenchmarkSideBySideAndSavesASection() throws Exception {
        Actor facilitator = fixtures.person("Facilitator", null);
        long id = fixtures.assessment(focal, ministry, facilitator);
        Views.Detail detail = detail(id);
        String high = String.valueOf(detail.levelsHighestFirst().get(0).id());

        mvc.perform(get("/assessments/{id}/sections/1", id).with(facilitator.user())).andExpect(status().isOk())
                .andExpect(content().string(containsString("The Ministry or Agency has the ability to see the whole digital ecosystem.")))
                .andExpect(content().string(containsString("has not had the opportunity to practice")))
                .andExpect(content().string(containsString("id=\"section-form\"")))
                .andExpect(content().string(containsString("Section 1 of 8")))
                .andExpect(content().string(containsString("/assets/assessment/section.js")));

        mvc.perform(save(id, 1, 0, high, "Strong shared view of the ecosystem").with(facilitator.user())
                        .param("evidence", "https://example.org/strategy.pdf\n\nhttp://example.org/map")
                        .param("confidence", "MEDIUM").param("barriers", "BUDGET")
                        .param("barrierNotes[BUDGET]", "No training budget")
                        .param("barrierNotes[MANDATE]", "Typed without ticking the box")
                        .param("go", "next"))
                .andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrl("/assessments/" + id + "/sections/2"));

        Views.SectionView saved = detail(id).sections().get(0);
        assertThat(saved.levelId()).isEqualTo(Long.parseLong(high));
        assertThat(saved.version()).isEqualTo(1);
        assertThat(saved.evidence()).containsExactly("https://example.org/strategy.pdf", "http://example.org/map");
        assertThat(saved.barriers()).extracting(Views.BarrierView::description)
                .containsExactly("Typed without ticking the box", "No training budget");
        assertThat(detail(id).state()).isEqualTo(AssessmentState.IN_PROGRESS);
    }

    @Test
    void twoFacilitatorsOnDifferentSectionsNeverConflict() throws Exception {
        Actor first = fixtures.person("First facilitator", null);
        Actor second = fixtures.person("Second facilitator", null);
        long id = fixtures.assessment(focal, ministry, first, second);
        String level = String.valueOf(detail(id).levels().get(1).id());

        mvc.perform(save(id, 1, 0, level, "First on section 1").with(first.user())).andExpect(status().is3xxRedirection());
        mvc.perform(save(id, 2, 0, level, "Second on section 2").with(second.user())).andExpect(status().is3xxRedirection());
        mvc.perform(save(id, 1, 1, level, "First again on section 1").with(first.user())).andExpect(status().is3xxRedirection());

        Views.Detail detail = detail(id);
        assertThat(detail.sections().get(0).notes()).isEqualTo("First again on section 1");
        assertThat(detail.sections().get(1).notes()).isEqualTo("Second on section 2");
    }

    @Test
    void aStaleSaveOfTheSameSectionShowsBothVersionsAndOverwritesNothing() throws Exception {
        Actor first = fixtures.person("First facilitator", null);
        Actor second = fixtures.person("Second facilitator", null);
        long id = fixtures.assessment(focal, ministry, first, second);
        List<Views.LevelView> levels = detail(id).levels();

        mvc.perform(save(id, 3, 0, String.valueOf(levels.get(2).id()), "Theirs: a functioning PMO").with(first.user()))
                .andExpect(status().is3xxRedirection());
        // the second facilitator loaded version 0 before the first saved
        mvc.perform(save(id, 3, 0, String.valueOf(levels.get(0).id()), "Mine: skills are missing").with(second.user()))
                .andExpect(status().isConflict())
                .andExpect(content().string(containsString("id=\"conflict\"")))
                .andExpect(content().string(containsString("Theirs: a functioning PMO")))
                .andExpect(content().string(containsString("Mine: skills are missing")))
                .andExpect(content().string(containsString("name=\"version\" value=\"1\"")));
        assertThat(detail(id).sections().get(2).notes()).isEqualTo("Theirs: a functioning PMO");

        // the JSON autosave answers 409 with their version
        mvc.perform(post("/assessments/{id}/sections/3/autosave", id).with(second.user()).with(csrf())
                        .accept(MediaType.APPLICATION_JSON).param("version", "0").param("notes", "Mine again"))
                .andExpect(status().isConflict()).andExpect(jsonPath("$.status").value("conflict"))
                .andExpect(jsonPath("$.theirs.notes").value("Theirs: a functioning PMO"))
                .andExpect(jsonPath("$.theirs.version").value(1));

        // choosing "mine" after seeing theirs: saved against their version
        mvc.perform(save(id, 3, 1, String.valueOf(levels.get(0).id()), "Merged: PMO exists, skills missing")
                        .with(second.user())).andExpect(status().is3xxRedirection());
        assertThat(detail(id).sections().get(2).notes()).isEqualTo("Merged: PMO exists, skills missing");
        assertThat(detail(id).sections().get(2).version()).isEqualTo(2);
    }

    @Test
    void autosaveAnswersJsonAndTheTokenEndpointGivesAFreshToken() throws Exception {
        long id = fixtures.assessment(focal, ministry);
        mvc.perform(post("/assessments/{id}/sections/2/autosave", id).with(focal.user()).with(csrf())
                        .accept(MediaType.APPLICATION_JSON).param("version", "0").param("notes", "Typed in the room")
                        .param("levelId", ""))
                .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("saved"))
                .andExpect(jsonPath("$.version").value(1));
        assertThat(detail(id).sections().get(1).notes()).isEqualTo("Typed in the room");

        mvc.perform(post("/assessments/{id}/sections/2/autosave", id).with(focal.user()).with(csrf())
                        .accept(MediaType.APPLICATION_JSON).param("version", "1").param("evidence", "not a link"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.status").value("invalid"))
                .andExpect(jsonPath("$.errors.evidence").value(containsString("not a link")));
        mvc.perform(post("/assessments/{id}/sections/2/autosave", id).with(focal.user())
                        .accept(MediaType.APPLICATION_JSON).param("version", "1").param("notes", "No token"))
                .andExpect(status().isForbidden());
        assertThat(detail(id).sections().get(1).notes()).isEqualTo("Typed in the room");

        mvc.perform(get("/assessments/csrf-token").with(focal.user()).accept(MediaType.APPLICATION_JSON))
                .andExpect(status().isOk()).andExpect(jsonPath("$.token").isNotEmpty())
                .andExpect(jsonPath("$.headerName").value("X-CSRF-TOKEN"));
        mvc.perform(get("/assessments/csrf-token").accept(MediaType.APPLICATION_JSON))
                .andExpect(status().is(not(200)));
    }

    @Test
    void badSectionInputIsAFormErrorAndTheInputIsKept() throws Exception {
        long id = fixtures.assessment(focal, ministry);
        long foreignLevel = fixtures.frameworks.levels(fixtures.unesco().versionId()).get(0).id();
        mvc.perform(save(id, 1, 0, String.valueOf(foreignLevel), "Kept notes 1").with(focal.user()))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("is not a level of this framework version")))
                .andExpect(content().string(containsString("Kept notes 1")));
        mvc.perform(save(id, 1, 0, "", "x".repeat(4001)).with(focal.user()))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("longer than 4000 characters")));
        mvc.perform(save(id, 1, 0, "", "Kept notes 2").with(focal.user()).param("evidence", "javascript:alert(1)"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("is not a web address")))
                .andExpect(content().string(containsString("Kept notes 2")));
        mvc.perform(save(id, 1, 0, "", "Kept notes 3").with(focal.user()).param("confidence", "CERTAIN"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("Choose low, medium or high.")))
                .andExpect(content().string(containsString("Kept notes 3")));
        mvc.perform(get("/assessments/{id}/sections/9", id).with(focal.user())).andExpect(status().isNotFound());
        assertThat(detail(id).sections().get(0).version()).isZero();
    }

    @Test
    void submitValidateReopenAndTheReport() throws Exception {
        long id = fixtures.assessment(focal, ministry);
        mvc.perform(post("/assessments/{id}/submit", id).with(focal.user()).with(csrf()))
                .andExpect(status().is3xxRedirection())
                .andExpect(flash().attribute("problem", containsString("Choose a level for every section")));
        fixtures.rateAll(focal, id);
        events.clear();
        mvc.perform(post("/assessments/{id}/submit", id).with(focal.user()).with(csrf()))
                .andExpect(status().is3xxRedirection()).andExpect(flash().attribute("flash", "assessment.submitted"));
        assertThat(detail(id).state()).isEqualTo(AssessmentState.SUBMITTED);
        assertThat(events.stream(AssessmentSubmitted.class)).singleElement().satisfies(e -> {
            assertThat(e.assessmentId()).isEqualTo(id);
            assertThat(e.organisationId()).isEqualTo(ministry.getId());
            assertThat(e.frameworkVersionId()).isEqualTo(fixtures.govstack().versionId());
            assertThat(e.levels()).hasSize(8).allSatisfy(l -> {
                assertThat(l.rank()).isZero();
                assertThat(l.levelCount()).isEqualTo(3);
                assertThat(l.competencyIdentifier()).isNotNull();
            });
        });

        // immutable once submitted
        mvc.perform(save(id, 1, 1, "", "Changed after submission").with(focal.user()))
                .andExpect(status().isConflict())
                .andExpect(content().string(containsString("reopen it, with a reason")));
        assertThat(detail(id).sections().get(0).notes()).isEqualTo("Notes 1");
        mvc.perform(get("/assessments/{id}/sections/1", id).with(focal.user()))
                .andExpect(content().string(not(containsString("id=\"section-form\""))));

        mvc.perform(post("/assessments/{id}/validate", id).with(focal.user()).with(csrf()))
                .andExpect(status().is3xxRedirection());
        assertThat(detail(id).state()).isEqualTo(AssessmentState.VALIDATED);

        mvc.perform(post("/assessments/{id}/reopen", id).with(focal.user()).with(csrf()).param("reason", " "))
                .andExpect(flash().attribute("problem", containsString("Say why")));
        mvc.perform(post("/assessments/{id}/reopen", id).with(focal.user()).with(csrf())
                        .param("reason", "Finance was not represented"))
                .andExpect(flash().attribute("flash", "assessment.reopened"));
        assertThat(detail(id).state()).isEqualTo(AssessmentState.REOPENED);
        assertThat(detail(id).history()).last().extracting(Views.TransitionView::reason)
                .isEqualTo("Finance was not represented");
        assertThat(context.getBean(org.springframework.jdbc.core.JdbcTemplate.class).queryForList(
                "select changes from audit_entry where entity_type = 'Assessment' and entity_id = ? and action = 'UPDATE'",
                String.class, String.valueOf(id))).anySatisfy(changes -> assertThat(changes)
                        .contains("Finance was not represented").contains("REOPENED"));

        mvc.perform(get("/assessments/{id}/report", id).with(focal.user())).andExpect(status().isOk())
                .andExpect(content().string(containsString("role=\"img\"")))
                .andExpect(content().string(containsString("<title id=\"radar-title\"")))
                .andExpect(content().string(containsString("id=\"levels-table\"")))
                .andExpect(content().string(containsString("Notes 8")))
                .andExpect(content().string(containsString("class=\"radar-shape\"")));
    }

    @Test
    void aUnescoDomainListsItsCompetencies() throws Exception {
        long id = fixtures.as(focal, () -> fixtures.service.create(ministry.getId(), fixtures.unesco().versionId(),
                new org.capacityhub.assessment.domain.DetailsInput(java.time.LocalDate.of(2026, 6, 1),
                        org.capacityhub.assessment.domain.Delivery.ONLINE, null, null, null, null)));
        assertThat(detail(id).sections()).extracting(Views.SectionView::title).containsExactly(
                "Digital Planning and Design", "Data Use and Governance", "Digital Management and Execution");
        mvc.perform(get("/assessments/{id}/sections/1", id).with(focal.user())).andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"section-competencies\"")))
                .andExpect(content().string(containsString("strategic foresight")))
                .andExpect(content().string(containsString("Knows the concept, has not yet applied it in practice.")));
    }

    @Test
    void frenchPagesAreTranslated() throws Exception {
        long id = fixtures.assessment(focal, ministry);
        mvc.perform(get("/assessments/{id}/sections/1", id).with(focal.user()).header("Accept-Language", "fr"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Niveau actuel")))
                .andExpect(content().string(containsString("Obstacles observés")));
        mvc.perform(get("/assessments/{id}", id).with(focal.user()).header("Accept-Language", "fr"))
                .andExpect(status().isOk()).andExpect(content().string(containsString("Animer le groupe de discussion")));
    }

    @Test
    void theFacilitationGuideComesBeforeSectionOneAndEachSectionShowsItsSubjectAndInstructions() throws Exception {
        long id = fixtures.assessment(focal, ministry);
        String start = mvc.perform(get("/assessments/{id}", id).with(focal.user())).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        int guide = start.indexOf("id=\"facilitation-guide\"");
        assertThat(guide).as("the guide is on the start page").isPositive();
        assertThat(start.indexOf("Thank you for agreeing to be part of this focus group meeting.")).isGreaterThan(guide)
                .isLessThan(start.indexOf("id=\"section-list\""));
        assertThat(start).contains("capacity building is defined as the process")
                .contains("In relation to this focus group discussion:");

        mvc.perform(get("/assessments/{id}/sections/2", id).with(focal.user())).andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"section-subject\">(Agile Methodology)</p>")))
                .andExpect(content().string(containsString("<details class=\"mb-4 facilitator-guide\" id=\"facilitator-guide\">")))
                .andExpect(content().string(containsString("In relation to this focus group discussion:")))
                // the GovStack script leaves its supporting questions empty: no empty heading
                .andExpect(content().string(not(containsString("id=\"supporting-questions\""))));
    }

    @Test
    void aSectionShowsItsSupportingQuestionsInTheUsersLanguage() throws Exception {
        java.util.UUID level = java.util.UUID.randomUUID();
        org.capacityhub.framework.exchange.FrameworkData data = new org.capacityhub.framework.exchange.FrameworkData(
                java.util.UUID.randomUUID(), "en", "1.0", java.util.Map.of("en", "Questions framework"), null, null,
                null, null, null, null,
                new org.capacityhub.framework.exchange.FrameworkData.Scale(java.util.UUID.randomUUID(),
                        java.util.Map.of(), java.util.Map.of(), List.of(
                                new org.capacityhub.framework.exchange.FrameworkData.LevelData(level, "L",
                                        java.util.Map.of("en", "Low"), java.util.Map.of()))),
                List.of(new org.capacityhub.framework.exchange.FrameworkData.NodeData(java.util.UUID.randomUUID(),
                        null, "1", java.util.Map.of("en", "Working in teams"),
                        java.util.Map.of("en", "(Teamwork)"), null, null, "Competency", null, null, null, null,
                        List.of(java.util.Map.of("en", "Who decides what the team works on?", "fr",
                                        "Qui décide du travail de l’équipe ?"),
                                java.util.Map.of("en", "How is work shared?")))),
                List.of());
        long versionId = context.getBean(org.capacityhub.framework.domain.FrameworkService.class)
                .createUnchecked(data, true, false).versionId();
        long id = fixtures.as(focal, () -> fixtures.service.create(ministry.getId(), versionId,
                new org.capacityhub.assessment.domain.DetailsInput(java.time.LocalDate.of(2026, 6, 1),
                        org.capacityhub.assessment.domain.Delivery.ONLINE, null, null, null, null)));

        mvc.perform(get("/assessments/{id}/sections/1", id).with(focal.user())).andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"supporting-questions\"")))
                .andExpect(content().string(containsString("<li>Who decides what the team works on?</li>")))
                .andExpect(content().string(containsString("<li>How is work shared?</li>")))
                .andExpect(content().string(containsString("(Teamwork)")))
                // this framework has no facilitation guide: nothing empty is shown
                .andExpect(content().string(not(containsString("id=\"facilitator-guide\""))));
        mvc.perform(get("/assessments/{id}/sections/1", id).with(focal.user()).header("Accept-Language", "fr"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Questions d’appui")))
                .andExpect(content().string(containsString("<li>Qui décide du travail de l’équipe ?</li>")))
                .andExpect(content().string(containsString("<li>How is work shared?</li>")));
        mvc.perform(get("/assessments/{id}", id).with(focal.user())).andExpect(status().isOk())
                .andExpect(content().string(not(containsString("id=\"facilitation-guide\""))));
    }
}
