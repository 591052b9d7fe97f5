package org.capacityhub.planning;

import static org.assertj.core.api.Assertions.assertThat;

import org.capacityhub.planning.domain.PlanService;
import org.capacityhub.planning.domain.PlanState;
import org.capacityhub.planning.domain.PlanViews;
import org.capacityhub.platform.demo.DemoDataset;
import org.capacityhub.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.context.support.WithUserDetails;

/** The demo dataset still loads, with the agreed plan of the demo ministry made from its demo assessment. */
@IntegrationTest
@WithUserDetails("admin")
class PlanDemoTest {

    @Autowired
    DemoDataset demoDataset;
    @Autowired
    PlanService plans;

    @Test
    void theDemoMinistryHasAnAgreedPlanMadeFromItsAssessment() {
        demoDataset.load("admin");
        PlanViews.Summary demo = plans.visiblePlans().stream().filter(PlanViews.Summary::demo)
                .filter(p -> p.organisationName().startsWith("Ministry of Digital Economy")).findFirst().orElseThrow();
        PlanViews.PlanView plan = plans.view(demo.id());
        assertThat(plan.state()).isEqualTo(PlanState.AGREED);
        assertThat(plan.gaps()).isNotEmpty().allSatisfy(g -> assertThat(g.objective()).isNotBlank());
        assertThat(plan.assessmentId()).isNotNull();
        assertThat(plan.expectations()).isNotEmpty();
        assertThat(plan.gaps().stream().flatMap(g -> g.items().stream()))
                .anySatisfy(i -> assertThat(i.intervention()).isNotNull());
    }
}
