package org.capacityhub.assessment;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.capacityhub.assessment.domain.AssessmentState;
import org.capacityhub.assessment.domain.Views;
import org.capacityhub.directory.organisation.Organisation;
import org.capacityhub.platform.demo.DemoDataset;
import org.capacityhub.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.security.test.context.support.WithUserDetails;

/** The demo contributor adds a submitted GovStack assessment of the demo ministry. */
@IntegrationTest
@WithUserDetails("admin")
class AssessmentDemoTest {

    @Autowired
    ApplicationContext context;
    @Autowired
    DemoDataset demoDataset;

    @Test
    void theDemoAssessmentIsASubmittedGovStackAssessmentOfTheDemoMinistry() {
        AssessmentFixtures fixtures = new AssessmentFixtures(context);
        // The whole demo dataset, as an administrator loads it: the directory's part first, then the assessment.
        demoDataset.load("admin");
        long ministry = fixtures.organisations.findAllByOrderByName().stream()
                .filter(o -> o.isDemo() && o.getName().equals("Ministry of Digital Economy")).map(Organisation::getId)
                .findFirst().orElseThrow();

        List<Views.Summary> demoAssessments = fixtures.service.visibleAssessments().stream()
                .filter(a -> a.organisationId() == ministry && a.demo()).toList();
        assertThat(demoAssessments).isNotEmpty();
        Views.Detail detail = fixtures.service.detail(demoAssessments.get(0).id());
        assertThat(detail.state()).isEqualTo(AssessmentState.SUBMITTED);
        assertThat(detail.frameworkVersionId()).isEqualTo(fixtures.govstack().versionId());
        assertThat(detail.sections()).hasSize(8).allSatisfy(s -> assertThat(s.levelId()).isNotNull());
        assertThat(detail.sections()).anySatisfy(s -> assertThat(s.barriers()).isNotEmpty());
        assertThat(detail.participants()).isNotEmpty();
    }
}
