package org.capacityhub.assessment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.capacityhub.assessment.AssessmentFixtures.Actor;
import org.capacityhub.assessment.domain.TargetProfileService;
import org.capacityhub.assessment.individual.RaterRole;
import org.capacityhub.assessment.individual.RatingInput;
import org.capacityhub.assessment.individual.SelfAssessmentService;
import org.capacityhub.assessment.individual.SelfAssessmentState;
import org.capacityhub.directory.organisation.Organisation;
import org.capacityhub.framework.Frameworks;
import org.capacityhub.platform.ConflictException;
import org.capacityhub.support.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Individual self-assessments: history (nothing overwritten), visibility (only the person and their named rater),
 * bad input, person gaps and the submission event, and an organisation's aggregate (suppression below 5 people,
 * retention risk).
 */
@IntegrationTest
@RecordApplicationEvents
class SelfAssessmentTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    ApplicationContext context;
    @Autowired
    ApplicationEvents events;

    AssessmentFixtures fixtures;
    SelfAssessmentService service;
    TargetProfileService targets;
    Assessments assessments;
    long versionId;
    List<Frameworks.Competency> competencies;
    List<Frameworks.Competency> domains;
    List<Frameworks.ScaleLevel> scale;

    @BeforeEach
    void setUp() {
        fixtures = new AssessmentFixtures(context);
        service = context.getBean(SelfAssessmentService.class);
        targets = context.getBean(TargetProfileService.class);
        assessments = context.getBean(Assessments.class);
        versionId = fixtures.unesco().versionId();
        List<Frameworks.Competency> tree = fixtures.frameworks.tree(versionId);
        domains = tree.stream().filter(c -> c.parentId() == null).toList();
        competencies = tree.stream().filter(c -> c.parentId() != null).toList();
        scale = fixtures.frameworks.levels(versionId);
    }

    private void position(Actor actor, String title) {
        fixtures.transaction.executeWithoutResult(s -> {
            var p = fixtures.people.findById(actor.personId()).orElseThrow();
            p.describeRole(title, null, p.getOrganisation());
        });
    }

    /** Starts, rates every competency at {@code rank} (the first at {@code firstRank}) and submits. */
    private long selfAssess(Actor actor, int firstRank, int rank, Actor rater) {
        return fixtures.as(actor, () -> {
            long id = service.start(versionId, rater == null ? null : rater.personId(), RaterRole.SUPERVISOR);
            Map<Long, RatingInput> ratings = new LinkedHashMap<>();
            for (int i = 0; i < competencies.size(); i++) {
                ratings.put(competencies.get(i).id(), new RatingInput(scale.get(i == 0 ? firstRank : rank).id(),
                        "Comment " + i, List.of("https://example.org/evidence/" + i)));
            }
            service.rate(id, ratings);
            service.submit(id);
            return id;
        });
    }

    @Test
    void everySnapshotIsKeptAndTheLatestSubmittedIsCurrent() throws Exception {
        Organisation ministry = fixtures.ministry("Ministry of History");
        Actor person = fixtures.person("Civil servant", ministry);
        long first = selfAssess(person, 0, 0, null);
        long second = selfAssess(person, 2, 1, null);
        // a draft started afterwards does not change the current ratings
        long draft = fixtures.as(person, () -> service.start(versionId, null, null));

        var history = fixtures.as(person, () -> service.history(versionId));
        assertThat(history.columns()).extracting(c -> c.selfAssessmentId()).containsExactly(first, second);
        assertThat(history.rows().get(0).levels()).containsExactly(scale.get(0).title(), scale.get(2).title());
        // change over time: +2 for the first competency, +1 for the others, drawn as one line per competency
        assertThat(history.trend().get(0).cells()).extracting(c -> c.change()).containsExactly(null, 2);
        assertThat(history.trend().get(1).cells()).extracting(c -> c.change()).containsExactly(null, 1);
        assertThat(history.chart()).isNotNull();
        assertThat(history.chart().lines()).hasSize(competencies.size());
        assertThat(history.chart().dates()).hasSize(2);
        mvc.perform(get("/self-assessments/history").param("framework", String.valueOf(versionId)).with(person.user()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"trend-chart\"")))
                .andExpect(content().string(containsString("(+2)")));
        assertThat(fixtures.as(person, () -> service.detail(first)).ratings().get(0).rank()).isZero();

        var profile = fixtures.as(person, () -> service.profile(versionId, null));
        assertThat(profile.selfAssessmentId()).isEqualTo(second);
        assertThat(profile.rows()).hasSize(competencies.size());
        assertThat(profile.rows().get(0).rank()).isEqualTo(2);
        assertThat(profile.rows().get(1).rank()).isEqualTo(1);

        // a submitted snapshot never changes
        assertThatThrownBy(() -> fixtures.as(person, () -> {
            service.rate(first, Map.of(competencies.get(0).id(), new RatingInput(scale.get(2).id(), null, null)));
            return null;
        })).isInstanceOf(ConflictException.class);
        assertThat(fixtures.as(person, () -> service.detail(draft)).state()).isEqualTo(SelfAssessmentState.DRAFT);
    }

    @Test
    void onlyThePersonAndTheirNamedRaterSeeTheRatings() throws Exception {
        Organisation ministry = fixtures.ministry("Ministry of Privacy");
        Actor person = fixtures.person("Civil servant", ministry);
        Actor supervisor = fixtures.person("Supervisor", ministry);
        Actor colleague = fixtures.person("Colleague", ministry);
        Actor focal = fixtures.focalPoint(ministry);
        long draft = fixtures.as(person, () -> service.start(versionId, supervisor.personId(), RaterRole.SUPERVISOR));

        mvc.perform(get("/self-assessments/" + draft).with(person.user())).andExpect(status().isOk());
        // the rater sees it only once submitted; others never (not even the organisation's focal point)
        for (Actor other : List.of(supervisor, colleague, focal)) {
            mvc.perform(get("/self-assessments/" + draft).with(other.user())).andExpect(status().isNotFound());
            mvc.perform(get("/api/v1/self-assessments/" + draft)
                    .header(HttpHeaders.AUTHORIZATION, fixtures.bearer(other))).andExpect(status().isNotFound());
        }
        mvc.perform(post("/self-assessments/" + draft + "/pages/1").with(colleague.user()).with(csrf())
                .param("ratings[" + competencies.get(0).id() + "].levelId", String.valueOf(scale.get(0).id())))
                .andExpect(status().isNotFound());

        long submitted = selfAssess(person, 1, 1, supervisor);
        mvc.perform(get("/self-assessments/" + submitted).with(supervisor.user())).andExpect(status().isOk())
                .andExpect(content().string(containsString(competencies.get(0).title())));
        mvc.perform(get("/self-assessments/inbox").with(supervisor.user())).andExpect(status().isOk())
                .andExpect(content().string(containsString("data-id=\"" + submitted + "\"")));
        mvc.perform(get("/self-assessments/" + submitted).with(colleague.user())).andExpect(status().isNotFound());
        // the rater may not submit or change the person's own ratings (403); the person may not rate as rater
        mvc.perform(post("/self-assessments/" + submitted + "/submit").with(supervisor.user()).with(csrf()))
                .andExpect(status().isForbidden());
        mvc.perform(post("/api/v1/self-assessments/" + submitted + "/rater-submit")
                .header(HttpHeaders.AUTHORIZATION, fixtures.bearer(person))).andExpect(status().isForbidden());
        mvc.perform(put("/api/v1/self-assessments/" + submitted + "/ratings")
                .header(HttpHeaders.AUTHORIZATION, fixtures.bearer(supervisor)).contentType(MediaType.APPLICATION_JSON)
                .content("{\"ratings\":{\"" + competencies.get(0).id() + "\":{\"levelId\":" + scale.get(0).id() + "}}}"))
                .andExpect(status().isForbidden());

        // the rater's rating is kept beside the person's, never replacing it
        mvc.perform(put("/api/v1/self-assessments/" + submitted + "/rater-ratings")
                .header(HttpHeaders.AUTHORIZATION, fixtures.bearer(supervisor)).contentType(MediaType.APPLICATION_JSON)
                .content(allRatings(2))).andExpect(status().isOk());
        mvc.perform(post("/api/v1/self-assessments/" + submitted + "/rater-submit")
                .header(HttpHeaders.AUTHORIZATION, fixtures.bearer(supervisor))).andExpect(status().isOk());
        var detail = fixtures.as(person, () -> service.detail(submitted));
        assertThat(detail.ratings()).allSatisfy(r -> {
            assertThat(r.rank()).isEqualTo(1);
            assertThat(r.raterRank()).isEqualTo(2);
        });
        var profile = fixtures.as(person, () -> service.profile(versionId, null));
        assertThat(profile.rows().get(0).rank()).isEqualTo(1);
        assertThat(profile.rows().get(0).raterRank()).isEqualTo(2);
        // profile, history and gaps are the person's own: others see nothing of them
        mvc.perform(get("/self-assessments/profile").param("framework", String.valueOf(versionId))
                .with(colleague.user())).andExpect(status().isNotFound());
        assertThat(fixtures.as(colleague, () -> assessments.personGaps(person.personId()))).isEmpty();
        assertThat(fixtures.as(focal, () -> assessments.personGaps(person.personId()))).isEmpty();
    }

    private String allRatings(int rank) {
        StringBuilder json = new StringBuilder("{\"ratings\":{");
        for (int i = 0; i < competencies.size(); i++) {
            json.append(i == 0 ? "" : ",").append('"').append(competencies.get(i).id()).append("\":{\"levelId\":")
                    .append(scale.get(rank).id()).append(",\"comment\":\"Seen at work\"}");
        }
        return json.append("}}").toString();
    }

    @Test
    void badInputIsRefusedClearlyAndNothingTypedIsLost() throws Exception {
        Organisation ministry = fixtures.ministry("Ministry of Errors");
        Actor person = fixtures.person("Civil servant", ministry);
        String token = fixtures.bearer(person);
        long id = fixtures.as(person, () -> service.start(versionId, null, null));
        long foreignLevel = fixtures.frameworks.levels(fixtures.govstack().versionId()).get(0).id();
        long foreignCompetency = fixtures.frameworks.tree(fixtures.govstack().versionId()).get(0).id();
        long c0 = competencies.get(0).id();

        mvc.perform(put("/api/v1/self-assessments/" + id + "/ratings").header(HttpHeaders.AUTHORIZATION, token)
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"ratings\":{\"" + c0 + "\":{\"levelId\":" + scale.get(1).id() + "},\"" + competencies.get(1).id()
                        + "\":{\"levelId\":" + foreignLevel + "}}}"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(content().string(containsString("scale")));
        mvc.perform(put("/api/v1/self-assessments/" + id + "/ratings").header(HttpHeaders.AUTHORIZATION, token)
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"ratings\":{\"" + foreignCompetency + "\":{\"levelId\":" + scale.get(0).id() + "}}}"))
                .andExpect(status().isBadRequest()).andExpect(content().string(containsString("not part of")));
        // all or none: the valid rating of the refused request was not stored
        assertThat(fixtures.as(person, () -> service.detail(id)).ratings().get(0).levelId()).isNull();

        // the page keeps what was typed beside the error
        mvc.perform(post("/self-assessments/" + id + "/pages/1").with(person.user()).with(csrf())
                .param("action", "next")
                .param("ratings[" + c0 + "].levelId", String.valueOf(foreignLevel))
                .param("ratings[" + c0 + "].comment", "My typed comment")
                .param("ratings[" + c0 + "].evidence", "https://example.org/certificate"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("not a level of this framework version")))
                .andExpect(content().string(containsString("My typed comment")))
                .andExpect(content().string(containsString("https://example.org/certificate")));
        mvc.perform(post("/self-assessments/" + id + "/pages/1").with(person.user()).with(csrf())
                .param("ratings[" + c0 + "].levelId", String.valueOf(scale.get(0).id()))
                .param("ratings[" + c0 + "].comment", "Kept too")
                .param("ratings[" + c0 + "].evidence", "javascript:alert(1)"))
                .andExpect(status().isBadRequest()).andExpect(content().string(containsString("Kept too")))
                .andExpect(content().string(containsString("is not an http or https address")));
        mvc.perform(post("/self-assessments/" + id + "/pages/1").with(person.user()).with(csrf())
                .param("ratings[" + c0 + "].levelId", "high").param("ratings[" + c0 + "].comment", "Typed"))
                .andExpect(status().isBadRequest()).andExpect(content().string(containsString("Typed")));
        // submitting with competencies not rated is refused; an unpublished or unknown version too
        mvc.perform(post("/api/v1/self-assessments/" + id + "/submit").header(HttpHeaders.AUTHORIZATION, token))
                .andExpect(status().isBadRequest()).andExpect(content().string(containsString("not rated")));
        mvc.perform(post("/api/v1/self-assessments").header(HttpHeaders.AUTHORIZATION, token)
                .contentType(MediaType.APPLICATION_JSON).content("{\"frameworkVersionId\": 987654321}"))
                .andExpect(status().isBadRequest());
        mvc.perform(post("/api/v1/self-assessments").header(HttpHeaders.AUTHORIZATION, token)
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"frameworkVersionId\": " + versionId + ", \"raterPersonId\": " + person.personId() + "}"))
                .andExpect(status().isBadRequest()).andExpect(content().string(containsString("someone else")));
        // the valid page is saved and moves on
        mvc.perform(post("/self-assessments/" + id + "/pages/1").with(person.user()).with(csrf())
                .param("action", "next")
                .param("ratings[" + c0 + "].levelId", String.valueOf(scale.get(2).id())))
                .andExpect(status().is3xxRedirection());
        assertThat(fixtures.as(person, () -> service.detail(id)).ratings().get(0).rank()).isEqualTo(2);
        mvc.perform(get("/api/v1/self-assessments").header(HttpHeaders.AUTHORIZATION, token))
                .andExpect(status().isOk()).andExpect(jsonPath("$[0].id").value(id));
    }

    @Test
    void personGapsFollowThePositionProfileAndArePublishedOnSubmission() throws Exception {
        Organisation ministry = fixtures.ministry("Ministry of Gaps for people");
        Actor person = fixtures.person("Analyst", ministry);
        Actor coordinator = fixtures.coordinatorOf(ministry);
        String position = "Data analyst " + AssessmentFixtures.unique();
        position(person, position);
        // target High on domain 1 (inherited by its competencies), Moderate on competency 2.1 with weight 3
        Frameworks.Competency c21 = competencies.stream().filter(c -> c.parentId() == domains.get(1).id()).findFirst()
                .orElseThrow();
        long profile = fixtures.as(coordinator, () -> targets.create(versionId, "Analyst " + position, null, position,
                Map.of(domains.get(0).id(), scale.get(2).id(), c21.id(), scale.get(1).id()), Map.of(c21.id(), 3)));

        events.clear();
        long id = selfAssess(person, 0, 0, null);
        assertThat(events.stream(SelfAssessmentSubmitted.class)).singleElement().satisfies(e -> {
            assertThat(e.selfAssessmentId()).isEqualTo(id);
            assertThat(e.personId()).isEqualTo(person.personId());
            assertThat(e.levels()).hasSize(competencies.size());
            assertThat(e.gaps().targetProfileId()).isEqualTo(profile);
        });
        List<PersonGaps> gaps = fixtures.as(person, () -> assessments.personGaps(person.personId()));
        assertThat(gaps).singleElement().satisfies(g -> {
            assertThat(g.frameworkVersionId()).isEqualTo(versionId);
            CompetencyGap first = g.gaps().get(0);
            assertThat(first.competencyId()).isEqualTo(competencies.get(0).id());
            assertThat(first.gap()).isEqualTo(2);
            CompetencyGap gap21 = g.gaps().stream().filter(x -> x.competencyId() == c21.id()).findFirst().orElseThrow();
            assertThat(gap21.gap()).isEqualTo(1);
            assertThat(gap21.weight()).isEqualTo(3);
            assertThat(first.weight()).isEqualTo(1);
            assertThat(g.gaps().stream().filter(x -> x.targetRank() == null)).isNotEmpty()
                    .allSatisfy(x -> assertThat(x.gap()).isNull());
        });
        mvc.perform(get("/self-assessments/profile").param("framework", String.valueOf(versionId))
                .with(person.user())).andExpect(status().isOk())
                .andExpect(content().string(containsString(position)));
        var view = fixtures.as(person, () -> service.profile(versionId, null));
        assertThat(view.rows().stream().filter(r -> r.competencyId() == c21.id()).findFirst().orElseThrow().weight())
                .isEqualTo(3);
        // 4 competencies of domain 1 with gap 2 (weight 1), 2.1 with gap 1 (weight 3)
        assertThat(view.weightedGap()).isEqualTo(4 * 2 + 3);
        mvc.perform(get("/api/v1/self-assessments/gaps").header(HttpHeaders.AUTHORIZATION, fixtures.bearer(person)))
                .andExpect(status().isOk()).andExpect(jsonPath("$[0].targetProfileId").value(profile));
        // a profile of another version asked for is "not found"
        long govstackProfile = fixtures.as(coordinator, () -> targets.create(fixtures.govstack().versionId(),
                "Other " + position, "MINISTRY", null,
                Map.of(fixtures.frameworks.tree(fixtures.govstack().versionId()).get(0).id(),
                        fixtures.frameworks.levels(fixtures.govstack().versionId()).get(0).id())));
        mvc.perform(get("/self-assessments/profile").param("framework", String.valueOf(versionId))
                .param("targetProfile", String.valueOf(govstackProfile)).with(person.user()))
                .andExpect(status().isNotFound());
    }

    @Test
    void targetProfilesTakeCompetenciesAtAnyDepthAndWeights() throws Exception {
        Actor coordinator = fixtures.coordinatorOf(fixtures.ministry("Ministry of Weights"));
        long c11 = competencies.get(0).id();
        mvc.perform(get("/target-profiles/new").param("frameworkVersionId", String.valueOf(versionId))
                .with(coordinator.user())).andExpect(status().isOk())
                .andExpect(content().string(containsString("name=\"levels[" + c11 + "]\"")))
                .andExpect(content().string(containsString("name=\"weights[" + c11 + "]\"")));
        mvc.perform(post("/target-profiles/new").with(coordinator.user()).with(csrf())
                .param("frameworkVersionId", String.valueOf(versionId)).param("name", "Weighted")
                .param("positionTitle", "Analyst").param("levels[" + c11 + "]", String.valueOf(scale.get(2).id()))
                .param("weights[" + c11 + "]", "0"))
                .andExpect(status().isBadRequest()).andExpect(content().string(containsString("from 1 to 100")));
        mvc.perform(post("/target-profiles/new").with(coordinator.user()).with(csrf())
                .param("frameworkVersionId", String.valueOf(versionId)).param("name", "Weighted")
                .param("positionTitle", "Analyst").param("levels[" + c11 + "]", String.valueOf(scale.get(2).id()))
                .param("weights[" + c11 + "]", "five"))
                .andExpect(status().isBadRequest()).andExpect(content().string(containsString("from 1 to 100")));
        String location = mvc.perform(post("/target-profiles/new").with(coordinator.user()).with(csrf())
                .param("frameworkVersionId", String.valueOf(versionId)).param("name", "Weighted")
                .param("positionTitle", "Analyst").param("levels[" + c11 + "]", String.valueOf(scale.get(2).id()))
                .param("weights[" + c11 + "]", "5"))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
        long id = Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
        var profile = fixtures.as(coordinator, () -> targets.profile(id));
        var target = profile.sections().stream().filter(s -> s.competencyId() == c11).findFirst().orElseThrow();
        assertThat(target.rank()).isEqualTo(2);
        assertThat(target.weight()).isEqualTo(5);
        assertThat(target.depth()).isEqualTo(1);
    }

    @Test
    void organisationsSeeOnlyAggregatesWithSuppressionAndTheRetentionFlag() throws Exception {
        Organisation ministry = fixtures.ministry("Ministry of Aggregates");
        Organisation small = fixtures.ministry("Ministry of Few");
        Actor focal = fixtures.focalPoint(ministry);
        Actor coordinator = fixtures.coordinatorOf(ministry, small);
        Actor outsider = fixtures.focalPoint(fixtures.ministry("Ministry of Elsewhere"));
        String position = "ICT officer " + AssessmentFixtures.unique();
        fixtures.as(coordinator, () -> targets.create(versionId, "ICT " + position, null, position,
                Map.of(domains.get(0).id(), scale.get(1).id()), Map.of()));
        // six people: one at High on competency 1.1, five at Basic everywhere
        Actor star = fixtures.person("Star", ministry);
        position(star, position);
        selfAssess(star, 2, 0, null);
        for (int i = 0; i < 5; i++) {
            Actor p = fixtures.person("Officer", ministry);
            position(p, position);
            selfAssess(p, 0, 0, null);
        }
        for (int i = 0; i < 3; i++) {
            selfAssess(fixtures.person("Few", small), 1, 1, null);
        }

        var aggregate = fixtures.as(focal, () -> service.aggregate(ministry.getId(), versionId));
        assertThat(aggregate.people()).isEqualTo(6);
        var first = aggregate.rows().get(0);
        assertThat(first.rated()).isEqualTo(6);
        assertThat(first.retentionRisk()).isTrue();
        assertThat(first.levels().get(2)).as("one person at High: hidden").isNull();
        assertThat(first.levels().get(0)).as("its complement: hidden too").isNull();
        assertThat(first.levels().get(1)).isZero();
        assertThat(first.atOrAboveTarget()).as("1 at target: hidden").isNull();
        var second = aggregate.rows().get(1);
        assertThat(second.levels()).containsExactly(6, 0, 0);
        assertThat(second.atOrAboveTarget()).isZero();
        assertThat(second.retentionRisk()).isFalse();
        // fewer than 5 people: every figure hidden
        var few = fixtures.as(coordinator, () -> service.aggregate(small.getId(), versionId));
        assertThat(few.rows()).allSatisfy(r -> {
            assertThat(r.suppressed()).isTrue();
            assertThat(r.rated()).isNull();
            assertThat(r.levels()).containsOnlyNulls();
        });

        mvc.perform(get("/self-assessments/organisations").param("organisation", String.valueOf(ministry.getId()))
                .param("framework", String.valueOf(versionId)).with(focal.user()))
                .andExpect(status().isOk()).andExpect(content().string(containsString("held by one person")))
                .andExpect(content().string(not(containsString("Star "))));
        mvc.perform(get("/self-assessments/organisations").param("organisation", String.valueOf(ministry.getId()))
                .param("framework", String.valueOf(versionId)).with(outsider.user()))
                .andExpect(status().isNotFound());
        // the organisation's focal point never sees a person's own ratings
        long someone = fixtures.as(star, () -> service.mine().get(0).id());
        mvc.perform(get("/self-assessments/" + someone).with(focal.user())).andExpect(status().isNotFound());
    }
}
