package org.capacityhub.assessment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.capacityhub.assessment.AssessmentFixtures.Actor;
import org.capacityhub.assessment.campaign.CampaignService;
import org.capacityhub.assessment.domain.AssessmentState;
import org.capacityhub.assessment.individual.RatingInput;
import org.capacityhub.assessment.individual.SelfAssessmentService;
import org.capacityhub.directory.organisation.Organisation;
import org.capacityhub.platform.AuditContext;
import org.capacityhub.support.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** Campaigns: launch (assessments in draft, invitations in the outbox), tracker, reminders, and refusals. */
@IntegrationTest
class CampaignTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    ApplicationContext context;
    @Autowired
    JdbcTemplate jdbc;

    AssessmentFixtures fixtures;
    CampaignService campaigns;
    SelfAssessmentService selfAssessments;
    Organisation ministryA;
    Organisation ministryB;
    Organisation elsewhere;
    Actor focalA;
    Actor focalB;
    Actor coordinator;
    Actor p1;
    Actor p2;
    Actor p3;
    Actor stranger;
    long versionId;
    String name;

    @BeforeEach
    void setUp() {
        fixtures = new AssessmentFixtures(context);
        campaigns = context.getBean(CampaignService.class);
        selfAssessments = context.getBean(SelfAssessmentService.class);
        ministryA = fixtures.ministry("Ministry of Campaign A");
        ministryB = fixtures.ministry("Ministry of Campaign B");
        elsewhere = fixtures.ministry("Ministry outside the campaign");
        focalA = fixtures.focalPoint(ministryA);
        focalB = fixtures.focalPoint(ministryB);
        coordinator = fixtures.coordinatorOf(ministryA, ministryB);
        p1 = fixtures.person("Invited one", ministryA);
        p2 = fixtures.person("Invited two", ministryA);
        p3 = fixtures.person("Invited three", ministryB);
        stranger = fixtures.person("Stranger", elsewhere);
        versionId = fixtures.unesco().versionId();
        name = "Digital skills 2026 " + AssessmentFixtures.unique();
    }

    private MockHttpServletRequestBuilder launchRequest(Actor actor, LocalDate deadline, List<Organisation> orgs,
            List<Actor> people) {
        MockHttpServletRequestBuilder request = post("/campaigns/new").with(actor.user()).with(csrf())
                .param("name", name).param("frameworkVersionId", String.valueOf(versionId))
                .param("deadline", deadline.toString());
        orgs.forEach(o -> request.param("organisationIds", String.valueOf(o.getId())));
        people.forEach(p -> request.param("personIds", String.valueOf(p.personId())));
        return request;
    }

    private String email(Actor actor) {
        return fixtures.people.findById(actor.personId()).orElseThrow().getEmail();
    }

    private String fullName(Actor actor) {
        return fixtures.people.findById(actor.personId()).orElseThrow().getFullName();
    }

    private List<String> subjects(Actor actor) {
        return jdbc.queryForList("select subject from outbox_message where recipient = ? order by id", String.class,
                email(actor));
    }

    @Test
    void aLaunchPreparesAssessmentsInvitesByMailTracksAndReminds() throws Exception {
        String location = mvc.perform(launchRequest(coordinator, LocalDate.now().plusDays(30),
                List.of(ministryA, ministryB), List.of(p1, p2, p3)))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
        long id = Long.parseLong(location.substring(location.lastIndexOf('/') + 1));

        // invitations, after commit, in the outbox
        assertThat(subjects(p1)).singleElement().asString().contains(name);
        assertThat(subjects(p3)).singleElement().asString().contains(name);
        assertThat(subjects(focalA)).singleElement().asString().contains(name);
        assertThat(subjects(stranger)).isEmpty();
        String body = jdbc.queryForObject("select body from outbox_message where recipient = ?", String.class,
                email(p1));
        assertThat(body).contains("/self-assessments").contains(fullName(p1));

        // the tracker: each organisation's assessment in draft, people done and not done
        var tracker = fixtures.as(coordinator, () -> campaigns.tracker(id));
        assertThat(tracker.rows()).hasSize(2);
        var rowA = tracker.rows().stream().filter(r -> r.organisationId() == ministryA.getId()).findFirst().orElseThrow();
        assertThat(rowA.assessmentState()).isEqualTo(AssessmentState.DRAFT);
        assertThat(rowA.peopleNotDone()).isEqualTo(2);
        assertThat(fixtures.as(focalA, () -> fixtures.service.detail(rowA.assessmentId())).heldOn())
                .isEqualTo(LocalDate.now().plusDays(30));

        // p1 self-assesses: done; the reminder goes to p2 and the focal points, not to p1
        fixtures.as(p1, () -> {
            long s = selfAssessments.start(versionId, null, null);
            Map<Long, RatingInput> ratings = new LinkedHashMap<>();
            selfAssessments.detail(s).ratings().forEach(r -> ratings.put(r.competencyId(),
                    new RatingInput(r.choices().get(0).levelId(), null, null)));
            selfAssessments.rate(s, ratings);
            selfAssessments.submit(s);
            return null;
        });
        mvc.perform(get("/campaigns/" + id).with(coordinator.user())).andExpect(status().isOk())
                .andExpect(content().string(containsString(fullName(p1))))
                .andExpect(content().string(containsString(fullName(p2))));
        var after = fixtures.as(coordinator, () -> campaigns.tracker(id)).rows().stream()
                .filter(r -> r.organisationId() == ministryA.getId()).findFirst().orElseThrow();
        assertThat(after.peopleDone()).isEqualTo(1);
        assertThat(after.peopleNotDone()).isEqualTo(1);
        assertThat(after.people()).anySatisfy(p -> {
            assertThat(p.personId()).isEqualTo(p1.personId());
            assertThat(p.done()).isTrue();
        });

        mvc.perform(post("/campaigns/" + id + "/remind").with(coordinator.user()).with(csrf()))
                .andExpect(status().is3xxRedirection());
        assertThat(subjects(p2)).hasSize(2).last().asString().startsWith("Reminder");
        assertThat(subjects(p1)).hasSize(1);
        assertThat(subjects(focalB)).hasSize(2);
        // the daily job does not remind again within the day
        AuditContext.run("test", AuditContext.Channel.JOB, campaigns::remindAllDue);
        assertThat(subjects(p2)).hasSize(2);
        mvc.perform(get("/campaigns").with(coordinator.user())).andExpect(status().isOk())
                .andExpect(content().string(containsString(name)));
    }

    @Test
    void refusals() throws Exception {
        long before = jdbc.queryForObject("select count(*) from campaign", Long.class);
        // not a coordinator: 403
        mvc.perform(get("/campaigns/new").with(p1.user())).andExpect(status().isForbidden());
        mvc.perform(launchRequest(p1, LocalDate.now().plusDays(5), List.of(ministryA), List.of()))
                .andExpect(status().isForbidden());
        // organisations or people they do not coordinate, a past deadline, nobody: form errors, nothing stored
        mvc.perform(launchRequest(coordinator, LocalDate.now().plusDays(5), List.of(ministryA, elsewhere), List.of()))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("organisations you coordinate")));
        mvc.perform(launchRequest(coordinator, LocalDate.now().plusDays(5), List.of(ministryA), List.of(stranger)))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("people of organisations you coordinate")));
        mvc.perform(launchRequest(coordinator, LocalDate.now().minusDays(1), List.of(ministryA), List.of(p1)))
                .andExpect(status().isBadRequest()).andExpect(content().string(containsString("in the past")));
        mvc.perform(launchRequest(coordinator, LocalDate.now().plusDays(5), List.of(), List.of()))
                .andExpect(status().isBadRequest());
        mvc.perform(post("/campaigns/new").with(coordinator.user()).with(csrf()).param("name", name)
                .param("frameworkVersionId", String.valueOf(versionId)).param("deadline", "not a date"))
                .andExpect(status().isBadRequest());
        assertThat(jdbc.queryForObject("select count(*) from campaign", Long.class)).isEqualTo(before);
        assertThat(fixtures.as(focalA, () -> fixtures.service.visibleAssessments()).stream()
                .filter(a -> a.organisationId() == ministryA.getId())).isEmpty();
        assertThat(subjects(p1)).isEmpty();

        // someone else's campaign: 404 (tracker, reminders)
        String location = mvc.perform(launchRequest(coordinator, LocalDate.now().plusDays(5), List.of(ministryA),
                List.of(p1))).andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
        String tracker = location.substring(location.indexOf("/campaigns/"));
        for (Actor other : List.of(focalA, p1, stranger)) {
            mvc.perform(get(tracker).with(other.user())).andExpect(status().isNotFound());
            mvc.perform(post(tracker + "/remind").with(other.user()).with(csrf())).andExpect(status().isNotFound());
        }
    }

    @Test
    void theLauncherAddsOrganisationsAndPeopleFromTheTracker() throws Exception {
        String location = mvc.perform(launchRequest(coordinator, LocalDate.now().plusDays(10), List.of(ministryA),
                List.of(p1))).andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
        String tracker = location.substring(location.indexOf("/campaigns/"));
        long id = Long.parseLong(tracker.substring(tracker.lastIndexOf('/') + 1));
        mvc.perform(get(tracker).with(coordinator.user())).andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"add-participants\"")));
        // the form lists only what is not in the campaign yet
        String form = mvc.perform(get(tracker + "/add").with(coordinator.user())).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(form).contains("id=\"add-form\"").contains(">" + ministryB.getName() + "</label>").contains(fullName(p3))
                .doesNotContain(">" + ministryA.getName() + "</label>").doesNotContain(fullName(p1));

        // bad input: form errors, nothing added
        mvc.perform(post(tracker + "/add").with(coordinator.user()).with(csrf())
                        .param("organisationIds", String.valueOf(elsewhere.getId())))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("organisations you coordinate")));
        mvc.perform(post(tracker + "/add").with(coordinator.user()).with(csrf())).andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("at least one organisation or person")));
        mvc.perform(post(tracker + "/add").with(coordinator.user()).with(csrf()).param("personIds", "abc"))
                .andExpect(status().isBadRequest());
        assertThat(fixtures.as(coordinator, () -> campaigns.tracker(id)).rows()).hasSize(1);
        assertThat(subjects(focalB)).isEmpty();

        // someone else: 404
        for (Actor other : List.of(focalA, focalB, stranger)) {
            mvc.perform(get(tracker + "/add").with(other.user())).andExpect(status().isNotFound());
            mvc.perform(post(tracker + "/add").with(other.user()).with(csrf())
                    .param("organisationIds", String.valueOf(ministryB.getId()))).andExpect(status().isNotFound());
        }

        mvc.perform(post(tracker + "/add").with(coordinator.user()).with(csrf())
                        .param("organisationIds", String.valueOf(ministryB.getId()))
                        .param("personIds", String.valueOf(p3.personId())))
                .andExpect(status().is3xxRedirection());
        mvc.perform(get(tracker).with(coordinator.user()).flashAttr("added", 2)).andExpect(status().isOk())
                .andExpect(content().string(containsString("2 invitations are in the outbox")));
        var rows = fixtures.as(coordinator, () -> campaigns.tracker(id)).rows();
        assertThat(rows).hasSize(2).anySatisfy(r -> {
            assertThat(r.organisationId()).isEqualTo(ministryB.getId());
            assertThat(r.assessmentState()).isEqualTo(AssessmentState.DRAFT);
            assertThat(r.peopleNotDone()).isEqualTo(1);
        });
        assertThat(subjects(focalB)).singleElement().asString().contains(name);
        assertThat(subjects(p3)).singleElement().asString().contains(name);

        // once the deadline has passed: no link, a note on the page, and a refusal (409)
        jdbc.update("update campaign set deadline = ? where id = ?", LocalDate.now().minusDays(1), id);
        mvc.perform(get(tracker).with(coordinator.user()))
                .andExpect(content().string(org.hamcrest.Matchers.not(containsString("id=\"add-participants\""))));
        mvc.perform(get(tracker + "/add").with(coordinator.user())).andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"campaign-over\"")));
        mvc.perform(post(tracker + "/add").with(coordinator.user()).with(csrf())
                .param("personIds", String.valueOf(p2.personId()))).andExpect(status().isConflict());
        assertThat(subjects(p2)).isEmpty();
    }
}
