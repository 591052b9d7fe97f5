package org.capacityhub.assessment;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.capacityhub.assessment.AssessmentFixtures.Actor;
import org.capacityhub.assessment.campaign.CampaignService;
import org.capacityhub.assessment.domain.TargetProfileService;
import org.capacityhub.assessment.individual.RaterRole;
import org.capacityhub.assessment.individual.RatingInput;
import org.capacityhub.assessment.individual.SelfAssessmentService;
import org.capacityhub.directory.organisation.Organisation;
import org.capacityhub.framework.Frameworks;
import org.capacityhub.support.PostgresIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/** The V3_10 and V3_11 migrations and their mappings on a real PostgreSQL server: self-assessment and campaign. */
@PostgresIntegrationTest
class SelfAssessmentPostgresTest {

    @Autowired
    ApplicationContext context;

    @Test
    void aSelfAssessmentWithASecondRatingAndACampaignRoundTripThroughPostgres() {
        AssessmentFixtures fixtures = new AssessmentFixtures(context);
        SelfAssessmentService service = context.getBean(SelfAssessmentService.class);
        Organisation ministry = fixtures.ministry("Ministry of Postgres");
        Actor person = fixtures.person("Civil servant", ministry);
        Actor peer = fixtures.person("Peer", ministry);
        Actor coordinator = fixtures.coordinatorOf(ministry);
        long versionId = fixtures.unesco().versionId();
        List<Frameworks.ScaleLevel> scale = fixtures.frameworks.levels(versionId);
        Frameworks.Competency domain = fixtures.frameworks.tree(versionId).get(0);
        long profile = fixtures.as(coordinator, () -> context.getBean(TargetProfileService.class).create(versionId,
                "PG " + AssessmentFixtures.unique(), "MINISTRY", null, Map.of(domain.id(), scale.get(2).id()),
                Map.of(domain.id(), 4)));

        long id = fixtures.as(person, () -> service.start(versionId, peer.personId(), RaterRole.PEER));
        fixtures.as(person, () -> {
            Map<Long, RatingInput> ratings = new LinkedHashMap<>();
            service.detail(id).ratings().forEach(r -> ratings.put(r.competencyId(),
                    new RatingInput(scale.get(0).id(), "Mine", List.of("https://example.org/x"))));
            service.rate(id, ratings);
            service.submit(id);
            return null;
        });
        fixtures.as(peer, () -> {
            Map<Long, RatingInput> ratings = new LinkedHashMap<>();
            service.detail(id).ratings().forEach(r -> ratings.put(r.competencyId(),
                    new RatingInput(scale.get(1).id(), "Theirs", null)));
            service.rateAsRater(id, ratings);
            service.submitAsRater(id);
            return null;
        });
        var read = fixtures.as(person, () -> service.detail(id));
        assertThat(read.ratings()).hasSize(14).allSatisfy(r -> {
            assertThat(r.rank()).isZero();
            assertThat(r.raterRank()).isEqualTo(1);
            assertThat(r.evidence()).containsExactly("https://example.org/x");
        });
        var current = fixtures.as(person, () -> service.profile(versionId, profile));
        assertThat(current.rows().get(0).gap()).isEqualTo(2);
        assertThat(current.rows().get(0).weight()).isEqualTo(4);

        CampaignService campaigns = context.getBean(CampaignService.class);
        long campaign = fixtures.as(coordinator, () -> campaigns.launch("PG campaign", versionId,
                LocalDate.now().plusDays(3), Set.of(ministry.getId()), Set.of(person.personId(), peer.personId())));
        var tracker = fixtures.as(coordinator, () -> campaigns.tracker(campaign));
        assertThat(tracker.rows()).singleElement().satisfies(r -> {
            assertThat(r.assessmentId()).isNotNull();
            assertThat(r.peopleNotDone()).isEqualTo(2);
        });
        assertThat(fixtures.as(coordinator, () -> campaigns.remind(campaign))).isEqualTo(2);
    }
}
