package org.capacityhub.assessment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.capacityhub.assessment.AssessmentFixtures.Actor;
import org.capacityhub.assessment.survey.LinkRefusedException;
import org.capacityhub.assessment.survey.SurveyService;
import org.capacityhub.directory.organisation.Organisation;
import org.capacityhub.framework.Frameworks;
import org.capacityhub.support.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpHeaders;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * Anonymous surveys end to end through MockMvc: creation, single-use links answered without an account, bad
 * input, suppression of small figures on the page, in the API and in the CSV, groups side by side, access.
 */
@IntegrationTest
class SurveyTest {

    private static final Pattern LINK = Pattern.compile("/survey/r/([A-Za-z0-9_-]{43})");

    @Autowired
    MockMvc mvc;
    @Autowired
    ApplicationContext context;
    @Autowired
    SurveyService surveys;

    AssessmentFixtures fixtures;
    Organisation ministry;
    Actor focal;
    Actor otherCoordinator;
    Actor outsider;
    long versionId;
    List<Frameworks.Competency> sections;
    List<Frameworks.ScaleLevel> levels;

    @BeforeEach
    void setUp() {
        fixtures = new AssessmentFixtures(context);
        ministry = fixtures.ministry("Ministry of Surveys");
        focal = fixtures.focalPoint(ministry);
        Organisation other = fixtures.ministry("Ministry of Elsewhere");
        otherCoordinator = fixtures.coordinatorOf(other);
        outsider = fixtures.person("Outsider", other);
        versionId = fixtures.govstack().versionId();
        sections = fixtures.frameworks.tree(versionId).stream().filter(c -> c.parentId() == null).toList();
        levels = fixtures.frameworks.levels(versionId);
    }

    private long createSurvey(String... groups) throws Exception {
        String location = mvc.perform(post("/surveys/new").with(focal.user()).with(csrf())
                        .param("organisationId", String.valueOf(ministry.getId()))
                        .param("frameworkVersionId", String.valueOf(versionId))
                        .param("title", "Staff survey " + AssessmentFixtures.unique())
                        .param("groups", String.join("\n", groups)))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
        return Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
    }

    private long groupId(long surveyId, int index) {
        return fixtures.as(focal, () -> surveys.detail(surveyId)).groups().get(index).id();
    }

    private List<String> issue(long surveyId, int group, int count) throws Exception {
        String html = mvc.perform(post("/surveys/" + surveyId + "/links").with(focal.user()).with(csrf())
                        .param("groupId", String.valueOf(groupId(surveyId, group)))
                        .param("count", String.valueOf(count)).param("format", "page"))
                .andExpect(status().isOk()).andExpect(header().string(HttpHeaders.CACHE_CONTROL, "no-store"))
                .andReturn().getResponse().getContentAsString();
        List<String> tokens = new ArrayList<>();
        Matcher m = LINK.matcher(html);
        while (m.find()) {
            tokens.add(m.group(1));
        }
        assertThat(tokens).hasSize(count);
        return tokens;
    }

    /** Answers every section at this rank through the service (as an anonymous respondent would). */
    private void answer(String token, int rank, String comment) {
        Map<Long, Long> chosen = new HashMap<>();
        Map<Long, String> comments = new HashMap<>();
        for (Frameworks.Competency s : sections) {
            chosen.put(s.id(), levels.get(rank).id());
            if (comment != null) {
                comments.put(s.id(), comment);
            }
        }
        surveys.respond(token, chosen, comments);
    }

    private MockHttpServletRequestBuilder fullAnswer(String token, int rank) {
        MockHttpServletRequestBuilder post = post("/survey/r/" + token).with(csrf());
        for (Frameworks.Competency s : sections) {
            post.param("levels[" + s.id() + "]", String.valueOf(levels.get(rank).id()));
        }
        return post;
    }

    @Test
    void aRespondentAnswersWithoutAnAccountOnceOnly() throws Exception {
        long id = createSurvey("Leadership", "Other staff");
        String token = issue(id, 0, 2).get(0);

        mvc.perform(get("/survey/r/" + token)).andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"respond-form\"")))
                .andExpect(content().string(containsString("Leadership")))
                .andExpect(header().string("Referrer-Policy", "no-referrer"));
        // CSRF protection also without an account
        mvc.perform(fullAnswer(token, 1).with(
                        org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf()
                                .useInvalidToken()))
                .andExpect(status().isForbidden());

        mvc.perform(fullAnswer(token, 1).param("comments[" + sections.get(0).id() + "]", "We plan well"))
                .andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/survey/thanks"));
        mvc.perform(get("/survey/thanks")).andExpect(status().isOk());

        // the link is spent: a second use is refused clearly, and nothing more is stored
        mvc.perform(fullAnswer(token, 2)).andExpect(status().isGone())
                .andExpect(content().string(containsString("already been used")));
        mvc.perform(get("/survey/r/" + token)).andExpect(status().isGone())
                .andExpect(content().string(containsString("already been used")));
        assertThat(fixtures.as(focal, () -> surveys.detail(id)).groups().get(0).fewer()).isTrue();

        mvc.perform(get("/survey/r/" + "x".repeat(43))).andExpect(status().isNotFound())
                .andExpect(content().string(containsString("not valid")));
        // respondents cannot reach the results
        mvc.perform(get("/surveys/" + id + "/results")).andExpect(status().is3xxRedirection());
        mvc.perform(get("/api/v1/surveys/" + id + "/results")).andExpect(status().isUnauthorized());
        mvc.perform(get("/survey/results")).andExpect(status().isForbidden());
    }

    @Test
    void badAnswersAreRefusedClearlyAndKeepWhatWasTyped() throws Exception {
        long id = createSurvey("Staff");
        String token = issue(id, 0, 1).get(0);
        long first = sections.get(0).id();
        long second = sections.get(1).id();

        // a level that is not on the scale: refused, other answers and comments kept in the form
        MockHttpServletRequestBuilder bad = fullAnswer(token, 0).param("levels[" + second + "]", "999999999")
                .param("comments[" + first + "]", "Kept comment");
        mvc.perform(bad).andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("Choose a level of the scale for the section")))
                .andExpect(content().string(containsString("Kept comment")))
                .andExpect(content().string(containsString("value=\"" + levels.get(0).id() + "\" checked")));
        // a missing level
        mvc.perform(post("/survey/r/" + token).with(csrf()).param("levels[" + first + "]",
                String.valueOf(levels.get(0).id()))).andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("Choose a level for the section")));
        // a section that is not in the survey
        mvc.perform(fullAnswer(token, 0).param("levels[123456789]", String.valueOf(levels.get(0).id())))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("not a section of the survey")));
        // not a number
        mvc.perform(fullAnswer(token, 0).param("levels[" + first + "]", "high")).andExpect(status().isBadRequest());

        // nothing was stored: the link still works
        mvc.perform(fullAnswer(token, 0)).andExpect(status().is3xxRedirection());
    }

    @Test
    void aClosedSurveyRefusesItsLinks() throws Exception {
        long id = createSurvey("Staff");
        String token = issue(id, 0, 1).get(0);
        mvc.perform(post("/surveys/" + id + "/close").with(focal.user()).with(csrf()))
                .andExpect(status().is3xxRedirection());
        mvc.perform(get("/survey/r/" + token)).andExpect(status().isGone())
                .andExpect(content().string(containsString("closed")));
        mvc.perform(fullAnswer(token, 0)).andExpect(status().isGone());
        // and no more links
        mvc.perform(post("/surveys/" + id + "/links").with(focal.user()).with(csrf())
                        .param("groupId", String.valueOf(groupId(id, 0))).param("count", "3"))
                .andExpect(status().isConflict());
    }

    @Test
    void aLinkIsRefusedOnceTheClosingDayHasPassed() throws Exception {
        long id = createSurvey("Staff");
        String token = issue(id, 0, 1).get(0);
        mvc.perform(get("/survey/r/" + token)).andExpect(status().isOk());
        // the closing day passes (set in the database: a past closing day cannot be chosen)
        context.getBean(org.springframework.jdbc.core.JdbcTemplate.class).update(
                "update assessment_survey set closes_on = ? where id = ?", java.time.LocalDate.now().minusDays(2), id);
        mvc.perform(get("/survey/r/" + token)).andExpect(status().isGone())
                .andExpect(content().string(containsString("This survey is closed")));
        mvc.perform(fullAnswer(token, 0)).andExpect(status().isGone());
        assertThat(fixtures.as(focal, () -> surveys.detail(id)).open()).isFalse();
        // closed by its date, its results are available
        assertThat(fixtures.as(focal, () -> surveys.results(id)).available()).isTrue();
    }

    @Test
    void linksAsCsvAndBadLinkRequests() throws Exception {
        long id = createSurvey("Staff");
        String csv = mvc.perform(post("/surveys/" + id + "/links").with(focal.user()).with(csrf())
                        .param("groupId", String.valueOf(groupId(id, 0))).param("count", "3").param("format", "csv"))
                .andExpect(status().isOk()).andExpect(header().string(HttpHeaders.CONTENT_DISPOSITION,
                        containsString("attachment")))
                .andReturn().getResponse().getContentAsString();
        assertThat(csv.lines()).hasSize(4);
        assertThat(csv).startsWith("group,link");
        Matcher m = LINK.matcher(csv);
        assertThat(m.find()).isTrue();
        mvc.perform(get("/survey/r/" + m.group(1))).andExpect(status().isOk());

        mvc.perform(post("/surveys/" + id + "/links").with(focal.user()).with(csrf())
                        .param("groupId", String.valueOf(groupId(id, 0))).param("count", "0"))
                .andExpect(status().isBadRequest()).andExpect(content().string(containsString("between 1 and 500")));
        mvc.perform(post("/surveys/" + id + "/links").with(focal.user()).with(csrf())
                        .param("groupId", "-5").param("count", "2"))
                .andExpect(status().isBadRequest());
        // the tokens are not stored: only their hashes
        var stored = context.getBean(org.springframework.jdbc.core.JdbcTemplate.class)
                .queryForList("select token_hash from assessment_survey_link where survey_id = ?", String.class, id);
        assertThat(stored).hasSize(3).allSatisfy(h -> assertThat(h).hasSize(64).doesNotContain(m.group(1)));
    }

    @Test
    void badSurveyDefinitionsAreFormErrors() throws Exception {
        mvc.perform(post("/surveys/new").with(focal.user()).with(csrf())
                        .param("organisationId", String.valueOf(ministry.getId()))
                        .param("frameworkVersionId", String.valueOf(versionId)).param("title", "Kept title")
                        .param("groups", "A\na"))
                .andExpect(status().isBadRequest()).andExpect(content().string(containsString("its own name")))
                .andExpect(content().string(containsString("Kept title")));
        mvc.perform(post("/surveys/new").with(focal.user()).with(csrf())
                        .param("organisationId", String.valueOf(ministry.getId()))
                        .param("frameworkVersionId", "-1").param("title", "T").param("groups", "A"))
                .andExpect(status().isBadRequest());
        mvc.perform(post("/surveys/new").with(focal.user()).with(csrf())
                        .param("organisationId", String.valueOf(ministry.getId()))
                        .param("frameworkVersionId", String.valueOf(versionId)).param("title", "T")
                        .param("groups", "A").param("closesOn", "2001-01-01"))
                .andExpect(status().isBadRequest()).andExpect(content().string(containsString("in the past")));
    }

    @Test
    void groupsSideBySideWithEverySmallFigureSuppressedEverywhere() throws Exception {
        long id = createSurvey("Leadership", "ICT practitioners", "Drivers");
        List<String> leaders = issue(id, 0, 6);
        List<String> ict = issue(id, 1, 7);
        List<String> drivers = issue(id, 2, 2);
        for (String t : leaders) {
            answer(t, 2, "Leaders comment " + t.substring(0, 6));
        }
        for (int i = 0; i < ict.size(); i++) {
            // six at the lowest level, one at the middle: that single one must never show
            answer(ict.get(i), i == 0 ? 1 : 0, null);
        }
        for (String t : drivers) {
            answer(t, 1, "Secret driver remark");
        }

        // while the survey is open, no figures at all: they would change with each response
        mvc.perform(get("/surveys/" + id + "/results").with(focal.user())).andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"results-while-open\"")))
                .andExpect(content().string(not(containsString("survey-table"))));
        mvc.perform(get("/api/v1/surveys/" + id + "/results").header(HttpHeaders.AUTHORIZATION, fixtures.bearer(focal)))
                .andExpect(status().isOk()).andExpect(jsonPath("$.available").value(false))
                .andExpect(jsonPath("$.sections").isEmpty());
        mvc.perform(get("/surveys/" + id + "/results.csv").with(focal.user())).andExpect(status().isConflict());
        close(id, focal);

        String page = mvc.perform(get("/surveys/" + id + "/results").with(focal.user()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("Leadership", "ICT practitioners", "Drivers")
                .contains("Fewer than 5 respondents: nothing is shown.")
                .contains("The groups differ by one level or more: Leadership see it at High, ICT practitioners at Basic")
                .contains("Leaders comment")
                .doesNotContain("Secret driver remark")
                // all respondents (15) minus the two groups shown (13) would reveal the drivers: withheld
                .contains("Withheld: with the groups shown");
        // the ICT group's single "Moderate" answer is withheld together with a second count
        assertThat(page).contains("class=\"suppressed\"");

        mvc.perform(get("/api/v1/surveys/" + id + "/results").header(HttpHeaders.AUTHORIZATION, fixtures.bearer(focal)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.sections[0].groups[0].status").value("SHOWN"))
                .andExpect(jsonPath("$.sections[0].groups[0].respondents").value(6))
                .andExpect(jsonPath("$.sections[0].groups[0].counts[2]").value(6))
                .andExpect(jsonPath("$.sections[0].groups[1].counts[1]").doesNotExist())
                .andExpect(jsonPath("$.sections[0].groups[1].counts[0]").doesNotExist())
                .andExpect(jsonPath("$.sections[0].groups[2].status").value("FEWER"))
                .andExpect(jsonPath("$.sections[0].groups[2].respondents").doesNotExist())
                .andExpect(jsonPath("$.sections[0].all.status").value("WITHHELD"))
                .andExpect(jsonPath("$.sections[0].all.respondents").doesNotExist())
                .andExpect(jsonPath("$.sections[0].agreement.kind").value("DIFFER"))
                .andExpect(content().string(not(containsString("Secret driver remark"))));
        mvc.perform(get("/api/v1/surveys/" + id).header(HttpHeaders.AUTHORIZATION, fixtures.bearer(focal)))
                .andExpect(jsonPath("$.groups[2].respondents").doesNotExist())
                .andExpect(jsonPath("$.groups[2].fewer").value(true))
                .andExpect(jsonPath("$.totalRespondents").doesNotExist());

        String csv = mvc.perform(get("/surveys/" + id + "/results.csv").with(focal.user()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        List<String> driverRows = csv.lines().filter(l -> l.contains(",Drivers,")).toList();
        assertThat(driverRows).hasSize(sections.size())
                .allSatisfy(l -> assertThat(l.substring(l.indexOf(",Drivers,"))).doesNotContainPattern("[0-9]")
                        .contains("withheld"));
        assertThat(csv.lines().filter(l -> l.contains("All respondents")))
                .allSatisfy(l -> assertThat(l).doesNotContain(",15,").contains("withheld"));
        assertThat(csv).doesNotContain("Secret driver remark").doesNotContain("Leaders comment");

        // the participation page follows the same rule
        mvc.perform(get("/surveys/" + id).with(focal.user())).andExpect(status().isOk())
                .andExpect(content().string(containsString("fewer than 5")))
                .andExpect(content().string(not(containsString(">15<"))));
    }

    @Test
    void onlyEntitledPeopleSeeASurvey() throws Exception {
        long id = createSurvey("Staff");
        for (String path : List.of("/surveys/" + id, "/surveys/" + id + "/results", "/surveys/" + id + "/results.csv")) {
            mvc.perform(get(path).with(otherCoordinator.user())).andExpect(status().isNotFound());
            mvc.perform(get(path).with(outsider.user())).andExpect(status().isNotFound());
        }
        mvc.perform(get("/api/v1/surveys/" + id + "/results")
                .header(HttpHeaders.AUTHORIZATION, fixtures.bearer(otherCoordinator))).andExpect(status().isNotFound());
        mvc.perform(post("/surveys/" + id + "/links").with(otherCoordinator.user()).with(csrf())
                .param("groupId", String.valueOf(groupId(id, 0))).param("count", "1"))
                .andExpect(status().isNotFound());
        mvc.perform(post("/surveys/" + id + "/close").with(otherCoordinator.user()).with(csrf()))
                .andExpect(status().isNotFound());
        // a member sees the results but may not issue links or close the survey
        Actor member = fixtures.person("Member", ministry);
        mvc.perform(get("/surveys/" + id + "/results").with(member.user())).andExpect(status().isOk());
        mvc.perform(post("/surveys/" + id + "/close").with(member.user()).with(csrf()))
                .andExpect(status().isForbidden());
        // another organisation's coordinator cannot survey this one
        mvc.perform(post("/surveys/new").with(otherCoordinator.user()).with(csrf())
                        .param("organisationId", String.valueOf(ministry.getId()))
                        .param("frameworkVersionId", String.valueOf(versionId)).param("title", "T")
                        .param("groups", "A"))
                .andExpect(status().isBadRequest());
        mvc.perform(get("/surveys").with(otherCoordinator.user())).andExpect(status().isOk())
                .andExpect(content().string(not(containsString("data-survey-id=\"" + id + "\""))));
    }

    @Test
    void theFacilitatorSeesWhatStaffSaidWhenPreparingTheFocusGroup() throws Exception {
        Actor facilitator = fixtures.person("Facilitator", null);
        long assessmentId = fixtures.assessment(focal, ministry, facilitator);
        // the facilitator opens a survey for the assessment (same organisation and framework version)
        String location = mvc.perform(post("/surveys/new").with(facilitator.user()).with(csrf())
                        .param("assessmentId", String.valueOf(assessmentId)).param("title", "Before the focus group")
                        .param("groups", "Leadership\nStaff"))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
        long id = Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
        List<String> tokens = new ArrayList<>();
        for (var link : fixtures.as(facilitator, () -> surveys.issueLinks(id, groupId(id, 0), 5))) {
            tokens.add(link.url().substring(link.url().lastIndexOf('/') + 1));
        }
        for (String t : tokens) {
            answer(t, 1, "Facilitator should read this");
        }
        close(id, facilitator);
        mvc.perform(get("/assessments/" + assessmentId).with(facilitator.user())).andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"what-staff-said\"")))
                .andExpect(content().string(containsString("Before the focus group")))
                .andExpect(content().string(containsString("staff-views-all")))
                .andExpect(content().string(containsString("survey-table")));
        mvc.perform(get("/assessments/" + assessmentId + "/sections/1").with(facilitator.user()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"staff-views\"")))
                .andExpect(content().string(containsString("Facilitator should read this")));
        mvc.perform(get("/surveys/" + id + "/results").with(facilitator.user())).andExpect(status().isOk());
        // someone else's assessment cannot be prepared
        mvc.perform(post("/surveys/new").with(otherCoordinator.user()).with(csrf())
                        .param("assessmentId", String.valueOf(assessmentId)).param("title", "T").param("groups", "A"))
                .andExpect(status().isNotFound());
    }

    private void close(long id, Actor actor) throws Exception {
        mvc.perform(post("/surveys/" + id + "/close").with(actor.user()).with(csrf()))
                .andExpect(status().is3xxRedirection());
    }

    @Test
    void spendingALinkTwiceAtTheServiceIsRefused() throws Exception {
        long id = createSurvey("Staff");
        String token = issue(id, 0, 1).get(0);
        answer(token, 0, null);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> answer(token, 0, null))
                .isInstanceOf(LinkRefusedException.class);
    }
}
