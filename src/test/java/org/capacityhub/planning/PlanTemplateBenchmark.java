package org.capacityhub.planning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.capacityhub.planning.PlanningFixtures.as;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.capacityhub.directory.organisation.Organisation;
import org.capacityhub.directory.organisation.OrganisationRepository;
import org.capacityhub.directory.organisation.OrganisationType;
import org.capacityhub.planning.domain.PlanRepository;
import org.capacityhub.planning.domain.PlanService;
import org.capacityhub.planning.domain.PlanViews;
import org.capacityhub.planning.domain.TemplateService;
import org.capacityhub.support.DirectoryFixtures;
import org.capacityhub.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Benchmark (not a test: its name does not end in Test, so {@code ./mvnw verify} never runs it): a plan template
 * applied to 1,000 organisations as a background job, timed from the request to the job's end. Run it with
 * {@code bench/planning/run.sh}; the target is under a minute. Results go to docs/benchmarks.md.
 */
@IntegrationTest
class PlanTemplateBenchmark {

    static final int ORGANISATIONS = Integer.getInteger("bench.organisations", 1000);

    @Autowired
    ApplicationContext context;
    @Autowired
    PlanService plans;
    @Autowired
    TemplateService templates;
    @Autowired
    OrganisationRepository organisations;
    @Autowired
    PlanRepository planRepository;
    @Autowired
    TransactionTemplate transaction;

    @Test
    void applyATemplateToAThousandOrganisations() throws Exception {
        PlanningFixtures f = new PlanningFixtures(context, "Benchmark ministry");
        long profile = f.profileAllHigh();
        long assessment = f.submitted(f.ministry, 0, 1, 0, 2, 0, 1, 0, 0);
        long planId = as(f.focal, () -> plans.generate(new PlanService.GenerateInput(assessment, profile,
                f.ministry.getId(), null, Set.of(), Set.of("en", "fr"), PlanConstraints.NONE)));
        // a realistic template: every gap covered by two activities (a course and a mentoring arrangement)
        as(f.focal, () -> {
            for (PlanViews.GapView g : plans.view(planId).gaps()) {
                plans.addItem(planId, g.id(), org.capacityhub.planning.domain.ItemKind.COURSE, null,
                        new org.capacityhub.planning.domain.ItemDetails("Course on " + g.title(), null, "Head of ICT",
                                null, null, null, 12, java.math.BigDecimal.ZERO, null, DeliveryMode.ONLINE));
                plans.addItem(planId, g.id(), org.capacityhub.planning.domain.ItemKind.MENTOR, null,
                        new org.capacityhub.planning.domain.ItemDetails("Mentoring on " + g.title(), null, "HR",
                                null, null, null, 4, null, null, DeliveryMode.BLENDED));
            }
            return null;
        });
        long templateId = as(f.focal, () -> templates.saveAsTemplate(planId, "Benchmark template", null));
        int activities = as(f.focal, () -> templates.template(templateId)).items();

        String suffix = DirectoryFixtures.unique();
        Set<Long> ids = transaction.execute(s -> {
            List<Organisation> made = new ArrayList<>();
            for (int i = 0; i < ORGANISATIONS; i++) {
                made.add(new Organisation("Benchmark ministry " + suffix + " " + i, OrganisationType.MINISTRY, "KE"));
            }
            Set<Long> saved = new LinkedHashSet<>();
            organisations.saveAll(made).forEach(o -> saved.add(o.getId()));
            return saved;
        });

        long start = System.nanoTime();
        long run = as(f.directory.admin(), () -> templates.apply(templateId, ids));
        PlanViews.RunView view;
        int lastPercent = -1;
        do {
            Thread.sleep(200);
            view = as(f.directory.admin(), () -> templates.run(templateId, run));
            if (view.percent() != lastPercent) {
                lastPercent = view.percent();
                System.out.printf("BENCHMARK planning.template progress %d%% (%d of %d) after %.1f s%n",
                        view.percent(), view.done(), view.total(), (System.nanoTime() - start) / 1e9);
            }
        } while (!"FINISHED".equals(view.state()) && System.nanoTime() - start < Duration.ofMinutes(5).toNanos());
        double seconds = (System.nanoTime() - start) / 1e9;
        long made = transaction.execute(s -> (long) planRepository.findByTemplateId(templateId).size());
        System.out.printf("BENCHMARK planning.template %d organisations, %d gaps and %d activities each: %d plans "
                + "in %.1f s (%.0f plans/s)%n", ORGANISATIONS, 7, activities, made, seconds, made / seconds);
        assertThat(view.state()).isEqualTo("FINISHED");
        assertThat(made).isEqualTo(ORGANISATIONS);
        assertThat(seconds).as("a minute at most").isLessThan(60);
    }
}
