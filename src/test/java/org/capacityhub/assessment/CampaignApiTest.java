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

import java.time.LocalDate;
import java.util.List;
import java.util.stream.Collectors;

import org.capacityhub.assessment.AssessmentFixtures.Actor;
import org.capacityhub.directory.organisation.Organisation;
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
 * The campaign API ({@code /api/v1/campaigns}): launch, tracker, adding organisations and people, reminders, with
 * the same rules as the pages (coordinators launch, the launcher and administrators manage; 401, 403, 404 and
 * problem documents otherwise; nothing stored half-way).
 */
@IntegrationTest
class CampaignApiTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    MockMvc mvc;
    @Autowired
    ApplicationContext context;
    @Autowired
    JdbcTemplate jdbc;

    AssessmentFixtures fixtures;
    Organisation ministryA;
    Organisation ministryB;
    Organisation elsewhere;
    Actor focalA;
    Actor focalB;
    Actor coordinator;
    Actor p1;
    Actor p3;
    Actor stranger;
    long versionId;
    String name;

    @BeforeEach
    void setUp() {
        fixtures = new AssessmentFixtures(context);
        ministryA = fixtures.ministry("Ministry of API Campaign A");
        ministryB = fixtures.ministry("Ministry of API Campaign B");
        elsewhere = fixtures.ministry("Ministry outside the API campaign");
        focalA = fixtures.focalPoint(ministryA);
        focalB = fixtures.focalPoint(ministryB);
        coordinator = fixtures.coordinatorOf(ministryA, ministryB);
        p1 = fixtures.person("API invited one", ministryA);
        p3 = fixtures.person("API invited three", ministryB);
        stranger = fixtures.person("API stranger", elsewhere);
        versionId = fixtures.unesco().versionId();
        name = "API campaign " + AssessmentFixtures.unique();
    }

    private String body(LocalDate deadline, List<Organisation> orgs, List<Actor> people) {
        return "{\"name\":\"" + name + "\",\"frameworkVersionId\":" + versionId + ",\"deadline\":\"" + deadline
                + "\",\"organisationIds\":" + ids(orgs.stream().map(Organisation::getId).toList())
                + ",\"personIds\":" + ids(people.stream().map(Actor::personId).toList()) + "}";
    }

    private static String ids(List<Long> ids) {
        return ids.stream().map(String::valueOf).collect(Collectors.joining(",", "[", "]"));
    }

    private ResultActions launch(Actor actor, String json) throws Exception {
        return mvc.perform(post("/api/v1/campaigns").header(HttpHeaders.AUTHORIZATION, fixtures.bearer(actor))
                .contentType(MediaType.APPLICATION_JSON).content(json));
    }

    private ResultActions add(Actor actor, long id, List<Organisation> orgs, List<Actor> people) throws Exception {
        return mvc.perform(post("/api/v1/campaigns/" + id + "/participants")
                .header(HttpHeaders.AUTHORIZATION, fixtures.bearer(actor)).contentType(MediaType.APPLICATION_JSON)
                .content("{\"organisationIds\":" + ids(orgs.stream().map(Organisation::getId).toList())
                        + ",\"personIds\":" + ids(people.stream().map(Actor::personId).toList()) + "}"));
    }

    private List<String> subjects(Actor actor) {
        String email = fixtures.people.findById(actor.personId()).orElseThrow().getEmail();
        return jdbc.queryForList("select subject from outbox_message where recipient = ? order by id", String.class,
                email);
    }

    private long campaigns() {
        return jdbc.queryForObject("select count(*) from campaign", Long.class);
    }

    @Test
    void aCoordinatorLaunchesAddsTracksAndReminds() throws Exception {
        mvc.perform(get("/api/v1/campaigns/options").header(HttpHeaders.AUTHORIZATION, fixtures.bearer(coordinator)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.organisations[*].id", hasItem(ministryA.getId().intValue())))
                .andExpect(jsonPath("$.people[*].id", hasItem((int) p3.personId())))
                .andExpect(jsonPath("$.organisations[*].id", not(hasItem(elsewhere.getId().intValue()))));

        String created = launch(coordinator, body(LocalDate.now().plusDays(20), List.of(ministryA), List.of(p1)))
                .andExpect(status().isCreated())
                .andExpect(header().string(HttpHeaders.LOCATION, containsString("/api/v1/campaigns/")))
                .andExpect(jsonPath("$.name").value(name))
                .andExpect(jsonPath("$.rows.length()").value(1))
                .andExpect(jsonPath("$.rows[0].assessmentState").value("DRAFT"))
                .andExpect(jsonPath("$.rows[0].peopleNotDone").value(1))
                .andReturn().getResponse().getContentAsString();
        long id = JSON.readTree(created).get("id").asLong();
        long assessmentA = JSON.readTree(created).get("rows").get(0).get("assessmentId").asLong();
        // invitations in the outbox, after commit
        assertThat(subjects(focalA)).singleElement().asString().contains(name);
        assertThat(subjects(p1)).singleElement().asString().contains(name);

        mvc.perform(get("/api/v1/campaigns").header(HttpHeaders.AUTHORIZATION, fixtures.bearer(coordinator)))
                .andExpect(status().isOk()).andExpect(jsonPath("$[*].id", hasItem((int) id)));

        // add ministry B and a person of it; ministry A again is left as it is
        String tracker = add(coordinator, id, List.of(ministryA, ministryB), List.of(p1, p3))
                .andExpect(status().isOk()).andExpect(jsonPath("$.rows.length()").value(2))
                .andReturn().getResponse().getContentAsString();
        JsonNode rows = JSON.readTree(tracker).get("rows");
        for (JsonNode row : rows) {
            if (row.get("organisationId").asLong() == ministryA.getId()) {
                assertThat(row.get("assessmentId").asLong()).isEqualTo(assessmentA);
            } else {
                assertThat(row.get("organisationId").asLong()).isEqualTo(ministryB.getId());
                assertThat(row.get("assessmentState").asString()).isEqualTo("DRAFT");
                assertThat(row.get("peopleNotDone").asInt()).isEqualTo(1);
            }
        }
        assertThat(subjects(focalB)).singleElement().asString().contains(name);
        assertThat(subjects(p3)).singleElement().asString().contains(name);
        assertThat(subjects(p1)).hasSize(1);
        assertThat(subjects(focalA)).hasSize(1);

        mvc.perform(get("/api/v1/campaigns/" + id).header(HttpHeaders.AUTHORIZATION, fixtures.bearer(coordinator)))
                .andExpect(status().isOk()).andExpect(jsonPath("$.rows.length()").value(2))
                .andExpect(jsonPath("$.rows[*].people[*].name", hasItem(containsString("API invited three"))));

        // reminders: both organisations' focal points and both people (nobody is done)
        mvc.perform(post("/api/v1/campaigns/" + id + "/reminders")
                        .header(HttpHeaders.AUTHORIZATION, fixtures.bearer(coordinator)))
                .andExpect(status().isOk()).andExpect(jsonPath("$.mails").value(4));
        assertThat(subjects(p3)).hasSize(2).last().asString().startsWith("Reminder");

        // an administrator sees and manages every campaign
        Actor admin = new Actor(0, fixtures.accounts.findByUsername("admin").orElseThrow().getId(), "admin",
                fixtures.users.loadUserByUsername("admin"));
        mvc.perform(get("/api/v1/campaigns/" + id).header(HttpHeaders.AUTHORIZATION, fixtures.bearer(admin)))
                .andExpect(status().isOk());
    }

    @Test
    void refusalsAreProblemDocumentsAndStoreNothing() throws Exception {
        long before = campaigns();
        // no token: 401
        mvc.perform(get("/api/v1/campaigns")).andExpect(status().isUnauthorized())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        mvc.perform(post("/api/v1/campaigns").contentType(MediaType.APPLICATION_JSON)
                .content(body(LocalDate.now().plusDays(5), List.of(ministryA), List.of())))
                .andExpect(status().isUnauthorized());
        // not a coordinator: 403
        launch(stranger, body(LocalDate.now().plusDays(5), List.of(elsewhere), List.of()))
                .andExpect(status().isForbidden())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        mvc.perform(get("/api/v1/campaigns/options").header(HttpHeaders.AUTHORIZATION, fixtures.bearer(stranger)))
                .andExpect(status().isForbidden());
        // bad input: problem documents naming the field
        launch(coordinator, body(LocalDate.now().plusDays(5), List.of(ministryA, elsewhere), List.of()))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors.organisationIds", containsString("organisations you coordinate")));
        launch(coordinator, body(LocalDate.now().plusDays(5), List.of(), List.of(stranger)))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors.personIds").exists());
        launch(coordinator, body(LocalDate.now().minusDays(1), List.of(ministryA), List.of()))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.deadline", containsString("in the past")));
        launch(coordinator, body(LocalDate.now().plusDays(5), List.of(), List.of()))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors.organisationIds").exists());
        launch(coordinator, body(LocalDate.now().plusDays(5), List.of(ministryA), List.of())
                .replace("\"frameworkVersionId\":" + versionId, "\"frameworkVersionId\":-1"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors.frameworkVersionId").exists());
        launch(coordinator, body(LocalDate.now().plusDays(5), List.of(ministryA), List.of())
                .replace("\"name\":\"" + name + "\"", "\"name\":\"  \""))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors.name").exists());
        launch(coordinator, "{\"name\":\"x\",\"deadline\":\"not a date\"}")
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        assertThat(campaigns()).isEqualTo(before);
        assertThat(subjects(focalA)).isEmpty();
        assertThat(fixtures.as(focalA, () -> fixtures.service.visibleAssessments()).stream()
                .filter(a -> a.organisationId() == ministryA.getId())).isEmpty();

        // someone else's campaign: 404 for the tracker, adding and reminders
        long id = JSON.readTree(launch(coordinator, body(LocalDate.now().plusDays(5), List.of(ministryA),
                List.of(p1))).andExpect(status().isCreated()).andReturn().getResponse().getContentAsString())
                .get("id").asLong();
        for (Actor other : List.of(focalA, p1, stranger)) {
            mvc.perform(get("/api/v1/campaigns/" + id).header(HttpHeaders.AUTHORIZATION, fixtures.bearer(other)))
                    .andExpect(status().isNotFound())
                    .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
            add(other, id, List.of(ministryA), List.of()).andExpect(status().isNotFound());
            mvc.perform(post("/api/v1/campaigns/" + id + "/reminders")
                    .header(HttpHeaders.AUTHORIZATION, fixtures.bearer(other))).andExpect(status().isNotFound());
            mvc.perform(get("/api/v1/campaigns").header(HttpHeaders.AUTHORIZATION, fixtures.bearer(other)))
                    .andExpect(status().isOk()).andExpect(jsonPath("$[*].id", not(hasItem((int) id))));
        }
        mvc.perform(get("/api/v1/campaigns/999999999").header(HttpHeaders.AUTHORIZATION,
                fixtures.bearer(coordinator))).andExpect(status().isNotFound());

        // adding: all or nothing, the same rules as the launch
        add(coordinator, id, List.of(ministryB, elsewhere), List.of()).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.organisationIds").exists());
        add(coordinator, id, List.of(), List.of(stranger)).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.personIds").exists());
        add(coordinator, id, List.of(), List.of()).andExpect(status().isBadRequest());
        mvc.perform(get("/api/v1/campaigns/" + id).header(HttpHeaders.AUTHORIZATION, fixtures.bearer(coordinator)))
                .andExpect(jsonPath("$.rows.length()").value(1));
        assertThat(subjects(focalB)).isEmpty();
        // once the deadline has passed, nobody can be added: 409
        jdbc.update("update campaign set deadline = ? where id = ?", LocalDate.now().minusDays(1), id);
        add(coordinator, id, List.of(ministryB), List.of()).andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail", containsString("deadline has passed")));
        assertThat(subjects(focalB)).isEmpty();
    }

    @Test
    void theOpenApiDocumentDescribesTheNewApis() throws Exception {
        mvc.perform(get("/v3/api-docs")).andExpect(status().isOk())
                .andExpect(jsonPath("$.paths['/api/v1/campaigns'].post").exists())
                .andExpect(jsonPath("$.paths['/api/v1/campaigns/{id}/participants'].post").exists())
                .andExpect(jsonPath("$.paths['/api/v1/campaigns/{id}/reminders'].post").exists())
                .andExpect(jsonPath("$.paths['/api/v1/surveys'].post").exists())
                .andExpect(jsonPath("$.paths['/api/v1/surveys/{id}/links'].post").exists())
                .andExpect(jsonPath("$.paths['/api/v1/surveys/{id}/close'].post").exists())
                .andExpect(jsonPath("$.paths['/api/v1/assessments/{id}/benchmark'].get").exists())
                .andExpect(jsonPath("$.paths['/api/v1/assessments/{id}/change-over-time'].get").exists());
    }
}
