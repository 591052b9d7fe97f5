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
        // the civil servant's own plan, shared and waiting for the sign-off of the supervisor she named
        PlanViews.Summary own = plans.visiblePlans().stream().filter(PlanViews.Summary::demo)
                .filter(p -> p.personId() != null && p.title().equals("My learning plan 2026 (demo)")).findFirst()
                .orElseThrow();
        PlanViews.PlanView personal = plans.view(own.id());
        assertThat(personal.state()).isEqualTo(PlanState.IN_REVIEW);
        assertThat(personal.shared()).isTrue();
        assertThat(personal.reviewerSigns()).isTrue();
        assertThat(personal.reviewerName()).isEqualTo("Jean-Baptiste Moreau");
        assertThat(personal.selfAssessmentId()).isNotNull();
        assertThat(personal.gaps()).isNotEmpty();
    }
}
