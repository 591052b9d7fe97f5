package org.capacityhub.planning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.capacityhub.planning.PlanningFixtures.as;

import java.util.Set;

import org.capacityhub.planning.domain.DemandService;
import org.capacityhub.planning.domain.ItemDetails;
import org.capacityhub.planning.domain.ItemKind;
import org.capacityhub.planning.domain.ItemStatus;
import org.capacityhub.planning.domain.PlanService;
import org.capacityhub.planning.domain.PlanState;
import org.capacityhub.planning.domain.PlanViews;
import org.capacityhub.planning.domain.Reminders;
import org.capacityhub.support.PostgresIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/** Plans on PostgreSQL: generation, edits, life, progress, re-assessment, unmet demand and reminder queries. */
@PostgresIntegrationTest
class PlanPostgresTest {

    @Autowired
    ApplicationContext context;
    @Autowired
    PlanService plans;
    @Autowired
    DemandService demand;
    @Autowired
    Reminders reminders;

    @Test
    void aPlanLivesItsWholeLifeOnPostgres() {
        PlanningFixtures f = new PlanningFixtures(context, "Ministry on Postgres");
        long profile = f.profileAllHigh();
        long assessment = f.submitted(f.ministry, 0, 1, 0, 2, 0, 1, 0, 0);
        long id = as(f.focal, () -> plans.generate(new PlanService.GenerateInput(assessment, profile,
                f.ministry.getId(), null, Set.of(), Set.of("en", "fr"), PlanConstraints.NONE)));
        PlanViews.PlanView plan = as(f.focal, () -> plans.view(id));
        assertThat(plan.gaps()).hasSize(7);
        long gap = plan.gaps().get(0).id();
        as(f.focal, () -> {
            long item = plans.addItem(id, gap, ItemKind.CUSTOM, null, new ItemDetails("Coaching", null, null,
                    f.memberPerson.getId(), null, java.time.LocalDate.now().plusDays(2), 4, null, null, null));
            plans.moveGap(id, plan.gaps().get(1).id(), -1);
            plans.submitForReview(id);
            plans.agree(id, "ok");
            plans.report(id, item, ItemStatus.DONE, 100);
            return null;
        });
        assertThat(as(f.focal, () -> plans.view(id)).state()).isEqualTo(PlanState.IN_PROGRESS);
        assertThat(as(f.coordinator, () -> demand.demand(f.programmeId))).isNotEmpty();
        reminders.send(java.time.LocalDate.now());

        f.submitted(f.ministry, 2, 2, 2, 2, 2, 2, 2, 2);
        PlanViews.PlanView after = as(f.focal, () -> plans.view(id));
        assertThat(after.reassessed()).isTrue();
        assertThat(after.closed()).isEqualTo(7);
    }
}
