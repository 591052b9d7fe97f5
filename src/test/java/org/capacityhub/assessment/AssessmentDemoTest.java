package org.capacityhub.assessment;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.capacityhub.assessment.domain.AssessmentState;
import org.capacityhub.assessment.domain.Views;
import org.capacityhub.directory.organisation.Organisation;
import org.capacityhub.directory.organisation.OrganisationType;
import org.capacityhub.platform.DemoContributor;
import org.capacityhub.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.security.test.context.support.WithUserDetails;
import org.springframework.transaction.support.TransactionTemplate;

/** The demo contributor adds a submitted GovStack assessment of the demo ministry. */
@IntegrationTest
@WithUserDetails("admin")
class AssessmentDemoTest {

    @Autowired
    ApplicationContext context;
    @Autowired
    List<DemoContributor> contributors;
    @Autowired
    TransactionTemplate transaction;

    @Test
    void theDemoAssessmentIsASubmittedGovStackAssessmentOfTheDemoMinistry() {
        AssessmentFixtures fixtures = new AssessmentFixtures(context);
        DemoContributor demo = contributors.stream().filter(c -> c.order() == 30).findFirst().orElseThrow();
        // the directory's demo ministry (created here when the directory's demo is not loaded in this context; not
        // in the demo country, whose organisations DirectoryDemoTest expects only once the demo is loaded)
        long ministry = fixtures.organisations.findAllByOrderByName().stream()
                .filter(o -> o.isDemo() && o.getName().equals("Ministry of Digital Economy")).map(Organisation::getId)
                .findFirst().orElseGet(() -> {
                    Organisation o = new Organisation("Ministry of Digital Economy", OrganisationType.MINISTRY, "KE");
                    o.markAsDemo();
                    return fixtures.organisations.save(o).getId();
                });

        transaction.executeWithoutResult(s -> demo.contribute());

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
