package org.capacityhub.assessment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.capacityhub.assessment.AssessmentFixtures.Actor;
import org.capacityhub.assessment.survey.SurveyService;
import org.capacityhub.directory.organisation.Organisation;
import org.capacityhub.framework.Frameworks;
import org.capacityhub.support.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The survey management API: create, single-use links returned once (only hashes stored), close, results only once
 * closed and with every small group suppressed, with the same access as the pages (401, 403, 404, problem
 * documents).
 */
@IntegrationTest
class SurveyApiTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    MockMvc mvc;
    @Autowired
    ApplicationContext context;
    @Autowired
    SurveyService surveys;
    @Autowired
    JdbcTemplate jdbc;

    AssessmentFixtures fixtures;
    Organisation ministry;
    Actor focal;
    Actor member;
    Actor otherCoordinator;
    long versionId;
    List<Frameworks.Competency> sections;
    List<Frameworks.ScaleLevel> levels;

    @BeforeEach
    void setUp() {
        fixtures = new AssessmentFixtures(context);
        ministry = fixtures.ministry("Ministry of API Surveys");
        focal = fixtures.focalPoint(ministry);
        member = fixtures.person("API survey member", ministry);
        otherCoordinator = fixtures.coordinatorOf(fixtures.ministry("Ministry of API Elsewhere"));
        versionId = fixtures.govstack().versionId();
        sections = fixtures.frameworks.tree(versionId).stream().filter(c -> c.parentId() == null).toList();
        levels = fixtures.frameworks.levels(versionId);
    }

    private ResultActions postJson(Actor actor, String path, String json) throws Exception {
        return mvc.perform(post(path).header(HttpHeaders.AUTHORIZATION, fixtures.bearer(actor))
                .contentType(MediaType.APPLICATION_JSON).content(json));
    }

    private String createBody(String title, String groups) {
        return "{\"organisationId\":" + ministry.getId() + ",\"frameworkVersionId\":" + versionId + ",\"title\":\""
                + title + "\",\"groups\":" + groups + "}";
    }

    private JsonNode create(Actor actor, String groups) throws Exception {
        return JSON.readTree(postJson(actor, "/api/v1/surveys", createBody("API survey " + AssessmentFixtures.unique(),
                groups)).andExpect(status().isCreated()).andReturn().getResponse().getContentAsString());
    }

    private List<String> issue(long surveyId, long groupId, int count) throws Exception {
        String json = postJson(focal, "/api/v1/surveys/" + surveyId + "/links",
                "{\"groupId\":" + groupId + ",\"count\":" + count + "}")
                .andExpect(status().isOk()).andExpect(header().string(HttpHeaders.CACHE_CONTROL, "no-store"))
                .andExpect(jsonPath("$.links.length()").value(count))
                .andReturn().getResponse().getContentAsString();
        List<String> tokens = new ArrayList<>();
        for (JsonNode link : JSON.readTree(json).get("links")) {
            String url = link.get("url").asString();
            assertThat(url).contains("/survey/r/");
            tokens.add(url.substring(url.lastIndexOf('/') + 1));
        }
        return tokens;
    }

    private void answer(String token, int rank) {
        Map<Long, Long> chosen = new HashMap<>();
        for (Frameworks.Competency s : sections) {
            chosen.put(s.id(), levels.get(rank).id());
        }
        surveys.respond(token, chosen, Map.of(sections.get(0).id(), "Comment at rank " + rank));
    }

    @Test
    void aCoordinatorCreatesIssuesLinksClosesAndReadsSuppressedResults() throws Exception {
        JsonNode survey = create(focal, "[\"Leadership\",\"Drivers\"]");
        long id = survey.get("id").asLong();
        assertThat(survey.get("organisationId").asLong()).isEqualTo(ministry.getId());
        assertThat(survey.get("open").asBoolean()).isTrue();
        assertThat(survey.get("can").get("manage").asBoolean()).isTrue();
        long leadership = survey.get("groups").get(0).get("id").asLong();
        long drivers = survey.get("groups").get(1).get("id").asLong();

        List<String> leaders = issue(id, leadership, 6);
        List<String> driverLinks = issue(id, drivers, 2);
        // only the hashes are stored, never the tokens
        List<String> stored = jdbc.queryForList("select token_hash from assessment_survey_link where survey_id = ?",
                String.class, id);
        assertThat(stored).hasSize(8).allSatisfy(h -> assertThat(h).hasSize(64)).doesNotContainAnyElementsOf(leaders);
        mvc.perform(get("/api/v1/surveys/" + id).header(HttpHeaders.AUTHORIZATION, fixtures.bearer(focal)))
                .andExpect(status().isOk()).andExpect(jsonPath("$.groups[0].linksIssued").value(6))
                .andExpect(content().string(not(containsString(leaders.get(0)))));

        leaders.forEach(t -> answer(t, 2));
        driverLinks.forEach(t -> answer(t, 0));

        // while open: no figures
        mvc.perform(get("/api/v1/surveys/" + id + "/results").header(HttpHeaders.AUTHORIZATION, fixtures.bearer(focal)))
                .andExpect(status().isOk()).andExpect(jsonPath("$.available").value(false))
                .andExpect(jsonPath("$.sections").isEmpty());
        mvc.perform(get("/api/v1/surveys/" + id + "/results.csv").header(HttpHeaders.AUTHORIZATION,
                fixtures.bearer(focal))).andExpect(status().isConflict())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));

        postJson(focal, "/api/v1/surveys/" + id + "/close", "").andExpect(status().isOk())
                .andExpect(jsonPath("$.open").value(false)).andExpect(jsonPath("$.closedAt").exists());
        // closing twice, or links for a closed survey: 409
        postJson(focal, "/api/v1/surveys/" + id + "/close", "").andExpect(status().isConflict())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        postJson(focal, "/api/v1/surveys/" + id + "/links", "{\"groupId\":" + leadership + ",\"count\":1}")
                .andExpect(status().isConflict());

        // the two drivers stay suppressed everywhere; the total would reveal them by subtraction: withheld
        mvc.perform(get("/api/v1/surveys/" + id + "/results").header(HttpHeaders.AUTHORIZATION, fixtures.bearer(member)))
                .andExpect(status().isOk()).andExpect(jsonPath("$.available").value(true))
                .andExpect(jsonPath("$.sections[0].groups[0].status").value("SHOWN"))
                .andExpect(jsonPath("$.sections[0].groups[0].respondents").value(6))
                .andExpect(jsonPath("$.sections[0].groups[0].counts[2]").value(6))
                .andExpect(jsonPath("$.sections[0].groups[1].status").value("FEWER"))
                .andExpect(jsonPath("$.sections[0].groups[1].respondents").doesNotExist())
                .andExpect(jsonPath("$.sections[0].groups[1].counts").isEmpty())
                .andExpect(jsonPath("$.sections[0].all.status").value("WITHHELD"))
                .andExpect(jsonPath("$.sections[0].all.respondents").doesNotExist())
                .andExpect(jsonPath("$.sections[0].comments[*].group", not(hasItem("Drivers"))))
                .andExpect(content().string(not(containsString("Comment at rank 0"))));
        mvc.perform(get("/api/v1/surveys/" + id).header(HttpHeaders.AUTHORIZATION, fixtures.bearer(member)))
                .andExpect(jsonPath("$.groups[1].respondents").doesNotExist())
                .andExpect(jsonPath("$.groups[1].fewer").value(true))
                .andExpect(jsonPath("$.totalRespondents").doesNotExist())
                .andExpect(jsonPath("$.can.manage").value(false));

        // the same figures as CSV: the drivers' rows and the total say "withheld", never a number
        String csv = mvc.perform(get("/api/v1/surveys/" + id + "/results.csv")
                        .header(HttpHeaders.AUTHORIZATION, fixtures.bearer(member)))
                .andExpect(status().isOk()).andExpect(content().contentTypeCompatibleWith("text/csv"))
                .andReturn().getResponse().getContentAsString();
        assertThat(csv).startsWith("section_code,section,group,respondents");
        assertThat(csv.lines().filter(l -> l.contains(",Drivers,")).toList()).hasSize(sections.size())
                .allSatisfy(l -> assertThat(l.substring(l.indexOf(",Drivers,"))).doesNotContainPattern("[0-9]")
                        .contains("withheld"));
        assertThat(csv.lines().filter(l -> l.contains(",Leadership,")).toList()).hasSize(sections.size())
                .allSatisfy(l -> assertThat(l).contains(",6,"));
        assertThat(csv.lines().filter(l -> l.contains("All respondents")).toList())
                .allSatisfy(l -> assertThat(l).doesNotContain(",8,").contains("withheld"));
        assertThat(csv).doesNotContain("Comment at rank");
    }

    @Test
    void aFacilitatorPreparesTheirAssessmentWithASurvey() throws Exception {
        Actor facilitator = fixtures.person("API survey facilitator", null);
        long assessmentId = fixtures.assessment(focal, ministry, facilitator);
        postJson(facilitator, "/api/v1/surveys", "{\"assessmentId\":" + assessmentId
                + ",\"title\":\"Before the focus group\",\"groups\":[\"Staff\"],\"closesOn\":\""
                + java.time.LocalDate.now().plusDays(10) + "\"}")
                .andExpect(status().isCreated()).andExpect(jsonPath("$.assessmentId").value(assessmentId))
                .andExpect(jsonPath("$.organisationId").value(ministry.getId()))
                .andExpect(jsonPath("$.frameworkVersionId").value(versionId));
        // someone else cannot prepare it: 404
        postJson(otherCoordinator, "/api/v1/surveys", "{\"assessmentId\":" + assessmentId
                + ",\"title\":\"T\",\"groups\":[\"Staff\"]}").andExpect(status().isNotFound());
    }

    @Test
    void refusalsAreProblemDocumentsAndStoreNothing() throws Exception {
        long id = create(focal, "[\"Staff\"]").get("id").asLong();
        long group = fixtures.as(focal, () -> surveys.detail(id)).groups().get(0).id();
        long before = jdbc.queryForObject("select count(*) from assessment_survey", Long.class);

        // no token: 401
        mvc.perform(post("/api/v1/surveys").contentType(MediaType.APPLICATION_JSON)
                .content(createBody("T", "[\"A\"]"))).andExpect(status().isUnauthorized());
        mvc.perform(post("/api/v1/surveys/" + id + "/links").contentType(MediaType.APPLICATION_JSON)
                .content("{\"groupId\":" + group + ",\"count\":1}")).andExpect(status().isUnauthorized());
        mvc.perform(post("/api/v1/surveys/" + id + "/close")).andExpect(status().isUnauthorized());
        mvc.perform(get("/api/v1/surveys/" + id + "/results.csv")).andExpect(status().isUnauthorized());

        // a member sees the organisation but does not coordinate it: 403
        postJson(member, "/api/v1/surveys", createBody("T", "[\"A\"]")).andExpect(status().isForbidden())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        postJson(member, "/api/v1/surveys/" + id + "/links", "{\"groupId\":" + group + ",\"count\":1}")
                .andExpect(status().isForbidden());
        postJson(member, "/api/v1/surveys/" + id + "/close", "").andExpect(status().isForbidden());
        // another organisation's coordinator: the survey does not exist for them, nor the organisation
        for (String path : List.of("/api/v1/surveys/" + id, "/api/v1/surveys/" + id + "/results",
                "/api/v1/surveys/" + id + "/results.csv")) {
            mvc.perform(get(path).header(HttpHeaders.AUTHORIZATION, fixtures.bearer(otherCoordinator)))
                    .andExpect(status().isNotFound())
                    .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        }
        postJson(otherCoordinator, "/api/v1/surveys/" + id + "/links", "{\"groupId\":" + group + ",\"count\":1}")
                .andExpect(status().isNotFound());
        postJson(otherCoordinator, "/api/v1/surveys/" + id + "/close", "").andExpect(status().isNotFound());
        postJson(otherCoordinator, "/api/v1/surveys", createBody("T", "[\"A\"]")).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.organisationId").exists());
        mvc.perform(get("/api/v1/surveys").header(HttpHeaders.AUTHORIZATION, fixtures.bearer(otherCoordinator)))
                .andExpect(status().isOk()).andExpect(jsonPath("$[*].id", not(hasItem((int) id))));

        // bad input: problem documents naming the field
        postJson(focal, "/api/v1/surveys", createBody("T", "[\"A\",\"a\"]")).andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors.groups", containsString("its own name")));
        postJson(focal, "/api/v1/surveys", createBody("T", "[]")).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.groups").exists());
        postJson(focal, "/api/v1/surveys", createBody(" ", "[\"A\"]")).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.title").exists());
        postJson(focal, "/api/v1/surveys", createBody("T", "[\"A\"]").replace(
                "\"frameworkVersionId\":" + versionId, "\"frameworkVersionId\":-1"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors.frameworkVersionId").exists());
        postJson(focal, "/api/v1/surveys", createBody("T", "[\"A\"]").replace("}", ",\"closesOn\":\"2001-01-01\"}"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors.closesOn", containsString("past")));
        postJson(focal, "/api/v1/surveys", createBody("T", "[\"A\"]").replace("}", ",\"closesOn\":\"soon\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        assertThat(jdbc.queryForObject("select count(*) from assessment_survey", Long.class)).isEqualTo(before);

        postJson(focal, "/api/v1/surveys/" + id + "/links", "{\"groupId\":" + group + ",\"count\":0}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.count", containsString("between 1 and 500")));
        postJson(focal, "/api/v1/surveys/" + id + "/links", "{\"groupId\":" + group + ",\"count\":501}")
                .andExpect(status().isBadRequest());
        postJson(focal, "/api/v1/surveys/" + id + "/links", "{\"groupId\":-5,\"count\":2}")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors.groupId").exists());
        postJson(focal, "/api/v1/surveys/" + id + "/links", "{\"groupId\":" + group + "}")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors.count").exists());
        assertThat(jdbc.queryForObject("select count(*) from assessment_survey_link where survey_id = ?", Long.class,
                id)).isZero();
    }
}
