package org.capacityhub.assessment;

import static org.assertj.core.api.Assertions.assertThat;

import org.capacityhub.assessment.individual.SelfAssessmentService;
import org.capacityhub.assessment.individual.SelfAssessmentState;
import org.capacityhub.platform.demo.DemoDataset;
import org.capacityhub.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.security.core.userdetails.UserDetailsService;

/** The demo dataset includes self-assessments: the demo civil servant's two, the latest rated by her supervisor. */
@IntegrationTest
class SelfAssessmentDemoTest {

    @Autowired
    ApplicationContext context;
    @Autowired
    DemoDataset demoDataset;

    @Test
    void theDemoCivilServantHasTwoSubmittedSelfAssessmentsAndGaps() {
        AssessmentFixtures fixtures = new AssessmentFixtures(context);
        AssessmentFixtures.Actor admin = new AssessmentFixtures.Actor(0, 0, "admin",
                context.getBean(UserDetailsService.class).loadUserByUsername("admin"));
        fixtures.as(admin, () -> {
            demoDataset.load("admin");
            return null;
        });
        var civil = context.getBean(UserDetailsService.class).loadUserByUsername("demo.civilservant");
        AssessmentFixtures.Actor fatuma = new AssessmentFixtures.Actor(0, 0, "demo.civilservant", civil);
        SelfAssessmentService service = context.getBean(SelfAssessmentService.class);
        var mine = fixtures.as(fatuma, service::mine);
        assertThat(mine).hasSizeGreaterThanOrEqualTo(2)
                .allSatisfy(s -> assertThat(s.state()).isEqualTo(SelfAssessmentState.SUBMITTED));
        assertThat(mine.get(0).raterSubmittedAt()).isNotNull();
        long versionId = fixtures.unesco().versionId();
        var profile = fixtures.as(fatuma, () -> service.profile(versionId, null));
        assertThat(profile.targetProfileId()).isNotNull();
        assertThat(profile.rows()).anySatisfy(r -> assertThat(r.gap()).isPositive());
        assertThat(fixtures.as(fatuma, () -> service.history(versionId)).columns()).hasSizeGreaterThanOrEqualTo(2);
    }
}
