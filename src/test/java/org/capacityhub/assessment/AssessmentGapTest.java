package org.capacityhub.assessment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.Map;

import org.capacityhub.assessment.AssessmentFixtures.Actor;
import org.capacityhub.assessment.domain.AnswerInput;
import org.capacityhub.assessment.domain.TargetProfileService;
import org.capacityhub.directory.organisation.Organisation;
import org.capacityhub.directory.organisation.OrganisationType;
import org.capacityhub.framework.Frameworks;
import org.capacityhub.support.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpHeaders;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.test.web.servlet.MockMvc;

/** Gaps between an assessment and a target profile: arithmetic, report, API, access and the submission event. */
@IntegrationTest
@RecordApplicationEvents
class AssessmentGapTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    ApplicationContext context;
    @Autowired
    ApplicationEvents events;

    AssessmentFixtures fixtures;
    TargetProfileService targets;
    Assessments assessments;
    Organisation ministry;
    Actor focal;
    Actor coordinator;
    Actor outsider;
    List<Frameworks.Competency> sections;
    List<Frameworks.ScaleLevel> scale;

    @BeforeEach
    void setUp() {
        fixtures = new AssessmentFixtures(context);
        targets = context.getBean(TargetProfileService.class);
        assessments = context.getBean(Assessments.class);
        ministry = fixtures.ministry("Ministry of Gaps");
        focal = fixtures.focalPoint(ministry);
        coordinator = fixtures.coordinatorOf(ministry);
        outsider = fixtures.focalPoint(fixtures.ministry("Ministry elsewhere"));
        long versionId = fixtures.govstack().versionId();
        sections = fixtures.frameworks.tree(versionId).stream().filter(c -> c.parentId() == null).toList();
        scale = fixtures.frameworks.levels(versionId);
    }

    /** Target: s1 medium, s2 medium, s3 high, s4 high; none for the others. */
    private long profile(String type) {
        return fixtures.as(coordinator, () -> targets.create(fixtures.govstack().versionId(),
                "Gap profile " + AssessmentFixtures.unique(), type, null,
                Map.of(sections.get(0).id(), scale.get(1).id(), sections.get(1).id(), scale.get(1).id(),
                        sections.get(2).id(), scale.get(2).id(), sections.get(3).id(), scale.get(2).id())));
    }

    /** Rated: s1 high (above), s2 medium (at), s3 low (2 below), s4 not rated, s5 low (no target). */
    private void rate(long id) {
        fixtures.as(focal, () -> {
            int[] ranks = {2, 1, 0, -1, 0};
            for (int i = 0; i < ranks.length; i++) {
                if (ranks[i] < 0) {
                    continue;
                }
                long competency = sections.get(i).id();
                long version = fixtures.service.sectionView(id, competency).version();
                fixtures.service.answer(id, competency, version,
                        new AnswerInput(scale.get(ranks[i]).id(), "Notes", List.of(), null, List.of()));
            }
            return null;
        });
    }

    @Test
    void gapIsTargetMinusCurrentZeroAtOrAboveAndNothingWhenNotRated() throws Exception {
        long profile = profile("AGENCY");
        long id = fixtures.assessment(focal, ministry);
        rate(id);
        AssessmentGaps gaps = fixtures.as(focal, () -> assessments.gaps(id, profile)).orElseThrow();
        assertThat(gaps.targetProfileId()).isEqualTo(profile);
        assertThat(gaps.gaps()).hasSize(sections.size());
        CompetencyGap above = gaps.gaps().get(0);
        assertThat(above.currentRank()).isEqualTo(2);
        assertThat(above.targetRank()).isEqualTo(1);
        assertThat(above.gap()).isZero();
        assertThat(gaps.gaps().get(1).gap()).isZero();
        assertThat(gaps.gaps().get(2).gap()).isEqualTo(2);
        assertThat(gaps.gaps().get(2).targetLevelId()).isEqualTo(scale.get(2).id());
        CompetencyGap unrated = gaps.gaps().get(3);
        assertThat(unrated.rated()).isFalse();
        assertThat(unrated.targetRank()).isEqualTo(2);
        assertThat(unrated.gap()).isNull();
        assertThat(gaps.gaps().get(4).targetLevelId()).isNull();
        assertThat(gaps.gaps().get(4).gap()).isNull();

        // the report shows the table for the chosen profile, with "not rated" rather than a gap
        mvc.perform(get("/assessments/{id}/report", id).with(focal.user()).param("targetProfile",
                        String.valueOf(profile)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"gap-table\"")))
                .andExpect(content().string(containsString("data-target-profile-id=\"" + profile + "\"")))
                .andExpect(content().string(containsString("<td class=\"gap\">2</td>")))
                .andExpect(content().string(containsString("<td class=\"gap\">not rated</td>")))
                .andExpect(content().string(containsString("id=\"radar-target\"")));

        // and the API
        mvc.perform(get("/api/v1/assessments/{id}/gaps", id).param("targetProfile", String.valueOf(profile))
                        .header(HttpHeaders.AUTHORIZATION, fixtures.bearer(focal)))
                .andExpect(status().isOk()).andExpect(jsonPath("$.gaps[2].gap").value(2))
                .andExpect(jsonPath("$.gaps[0].gap").value(0))
                .andExpect(jsonPath("$.gaps[3].gap").doesNotExist());
    }

    @Test
    void onlyThoseWhoSeeTheAssessmentSeeItsGaps() throws Exception {
        long profile = profile("AGENCY");
        long id = fixtures.assessment(focal, ministry);
        rate(id);
        mvc.perform(get("/assessments/{id}/report", id).with(outsider.user()).param("targetProfile",
                String.valueOf(profile))).andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/assessments/{id}/gaps", id).param("targetProfile", String.valueOf(profile))
                .header(HttpHeaders.AUTHORIZATION, fixtures.bearer(outsider))).andExpect(status().isNotFound());
        assertThat(fixtures.as(outsider, () -> assessments.gaps(id, profile))).isEmpty();
        assertThat(fixtures.as(coordinator, () -> assessments.gaps(id, profile))).isPresent();

        // unknown profile, or one of another framework version: 404
        String token = fixtures.bearer(focal);
        mvc.perform(get("/api/v1/assessments/{id}/gaps", id).param("targetProfile", String.valueOf(Long.MAX_VALUE))
                .header(HttpHeaders.AUTHORIZATION, token)).andExpect(status().isNotFound());
        mvc.perform(get("/assessments/{id}/report", id).with(focal.user()).param("targetProfile",
                String.valueOf(Long.MAX_VALUE))).andExpect(status().isNotFound());
        var unesco = fixtures.unesco();
        long unescoSection = fixtures.frameworks.tree(unesco.versionId()).stream().filter(c -> c.parentId() == null)
                .findFirst().orElseThrow().id();
        long unescoProfile = fixtures.as(coordinator, () -> targets.create(unesco.versionId(),
                "UNESCO " + AssessmentFixtures.unique(), "AGENCY", null,
                Map.of(unescoSection, fixtures.frameworks.levels(unesco.versionId()).get(0).id())));
        mvc.perform(get("/api/v1/assessments/{id}/gaps", id).param("targetProfile", String.valueOf(unescoProfile))
                .header(HttpHeaders.AUTHORIZATION, token)).andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/assessments/{id}/gaps", id).param("targetProfile", "abc")
                .header(HttpHeaders.AUTHORIZATION, token)).andExpect(status().isBadRequest());
    }

    @Test
    void theSubmissionEventCarriesTheGapsAgainstTheProfileForTheOrganisationsType() throws Exception {
        Organisation centre = fixtures.organisations.save(new Organisation("Training centre "
                + AssessmentFixtures.unique(), OrganisationType.TRAINING_CENTRE, "KE"));
        Actor centreFocal = fixtures.focalPoint(centre);
        long none = fixtures.assessment(centreFocal, centre);
        fixtures.rateAll(centreFocal, none);
        events.clear();
        fixtures.as(centreFocal, () -> {
            fixtures.service.submit(none);
            return null;
        });
        assertThat(events.stream(AssessmentSubmitted.class)).singleElement()
                .satisfies(e -> assertThat(e.gaps()).isNull());

        long profile = profile("TRAINING_CENTRE");
        long id = fixtures.assessment(centreFocal, centre);
        fixtures.rateAll(centreFocal, id);
        // the report chooses the profile for the organisation's type by default
        mvc.perform(get("/assessments/{id}/report", id).with(centreFocal.user())).andExpect(status().isOk())
                .andExpect(content().string(containsString("data-target-profile-id=\"" + profile + "\"")));
        events.clear();
        mvc.perform(post("/assessments/{id}/submit", id).with(centreFocal.user()).with(csrf()))
                .andExpect(status().is3xxRedirection());
        assertThat(events.stream(AssessmentSubmitted.class)).singleElement().satisfies(e -> {
            assertThat(e.gaps()).isNotNull();
            assertThat(e.gaps().targetProfileId()).isEqualTo(profile);
            assertThat(e.gaps().organisationId()).isEqualTo(centre.getId());
            // all rated lowest: s1, s2 one below medium, s3, s4 two below high, no target elsewhere
            assertThat(e.gaps().gaps()).extracting(CompetencyGap::gap).startsWith(1, 1, 2, 2);
            assertThat(e.gaps().gaps().get(4).gap()).isNull();
        });
    }
}
