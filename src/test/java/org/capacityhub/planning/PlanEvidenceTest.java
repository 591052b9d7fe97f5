package org.capacityhub.planning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.capacityhub.planning.PlanningFixtures.as;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.capacityhub.framework.Frameworks;
import org.capacityhub.planning.domain.GapTargets;
import org.capacityhub.planning.domain.ItemDetails;
import org.capacityhub.planning.domain.ItemKind;
import org.capacityhub.planning.domain.ItemStatus;
import org.capacityhub.planning.domain.PlanOutcomeRepository;
import org.capacityhub.planning.domain.PlanRepository;
import org.capacityhub.planning.domain.PlanService;
import org.capacityhub.planning.domain.PlanViews;
import org.capacityhub.planning.domain.Planner;
import org.capacityhub.planning.domain.Reminders;
import org.capacityhub.planning.domain.TemplateService;
import org.capacityhub.support.DirectoryFixtures;
import org.capacityhub.support.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Crosswalks with the real frameworks, the evidence loop after a re-assessment, templates applied by a background
 * job, and reminders.
 */
@IntegrationTest
class PlanEvidenceTest {

    @Autowired
    ApplicationContext context;
    @Autowired
    PlanService plans;
    @Autowired
    TemplateService templates;
    @Autowired
    GapTargets gapTargets;
    @Autowired
    Frameworks frameworks;
    @Autowired
    PlanRepository planRepository;
    @Autowired
    PlanOutcomeRepository outcomes;
    @Autowired
    TransactionTemplate transaction;
    @Autowired
    Reminders reminders;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    org.springframework.test.web.servlet.MockMvc mvc;

    PlanningFixtures f;
    long profile;

    @BeforeEach
    void setUp() {
        f = new PlanningFixtures(context, "Ministry of Evidence");
        profile = f.profileAllHigh();
    }

    private Frameworks.Competency unescoRelatedTo(Frameworks.Competency section) {
        return frameworks.related(section.id()).stream().map(Frameworks.Related::related)
                .filter(c -> c.frameworkIdentifier().equals(Frameworks.UNESCO_DIGITAL_COMPETENCIES)).findFirst()
                .orElseThrow();
    }

    @Test
    void aUnescoResourceIsSuggestedForACrosswalkedGovStackGapAndAGapWithNothingFittingStaysUncovered() {
        var sections = f.sections();
        Frameworks.Competency crosswalked = sections.stream().filter(s -> !frameworks.related(s.id()).isEmpty())
                .findFirst().orElseThrow();
        Frameworks.Competency unesco = unescoRelatedTo(crosswalked);
        var lookup = gapTargets.lookup();
        var targets = lookup.targets(crosswalked.id(), 0, 2, 3);
        assertThat(targets).extracting(CompetencyTarget::competencyId).contains(crosswalked.id(), unesco.id());

        Frameworks.Competency other = sections.stream().filter(s -> s.id() != crosswalked.id()).filter(s -> lookup
                .targets(s.id(), 0, 2, 3).stream().noneMatch(t -> t.competencyId() == unesco.id())).findFirst()
                .orElseThrow();
        Frameworks.Competency unrelated = frameworks.tree(unesco.versionId()).stream()
                .filter(c -> targets.stream().noneMatch(t -> t.competencyId() == c.id()))
                .filter(c -> lookup.targets(other.id(), 0, 2, 3).stream().noneMatch(t -> t.competencyId() == c.id()))
                .findFirst().orElseThrow();

        Suggestion unescoResource = new Suggestion("library", SuggestionKind.RESOURCE, "resource/unesco",
                "UNESCO-tagged guide", "/library/resources/1", unesco.id(), 1, Set.of("en"), DeliveryMode.ONLINE, 3,
                Cost.FREE, null, "Tagged with " + unesco.title(), 0.7);
        Suggestion unrelatedResource = new Suggestion("library", SuggestionKind.RESOURCE, "resource/other",
                "Unrelated guide", "/library/resources/2", unrelated.id(), 1, Set.of("en"), DeliveryMode.ONLINE, 3,
                Cost.FREE, null, "Tagged with " + unrelated.title(), 0.9);
        SuggestionSource catalogue = new PlannerTest.Catalogue("library", List.of(unescoResource, unrelatedResource));
        Planner planner = new Planner(List.of(catalogue), Planner.Evidence.NONE);

        var answers = planner.answer(List.of(
                new Planner.GapInput(crosswalked.id(), targets, 2, 1, null),
                new Planner.GapInput(other.id(), lookup.targets(other.id(), 0, 2, 3), 2, 1, null)),
                Set.of("en"), PlanConstraints.NONE, f.ministry.getId(), null, 5);

        assertThat(answers.get(0).suggestions()).extracting(r -> r.suggestion().reference())
                .containsExactly("resource/unesco");
        assertThat(answers.get(1).covered()).isFalse();
    }

    @Test
    void reassessmentShowsWhichGapsClosedAndCompletedActivitiesBecomeEvidence() {
        long first = f.submitted(f.ministry, 0, 0, 0, 0, 0, 0, 0, 0);
        long id = as(f.focal, () -> plans.generate(new PlanService.GenerateInput(first, profile, f.ministry.getId(),
                null, Set.of(f.sections().get(0).id(), f.sections().get(1).id()), Set.of("en"),
                PlanConstraints.NONE)));
        Frameworks.Competency section = f.sections().get(0);
        String reference = "resource/evidence-" + DirectoryFixtures.unique();
        Suggestion done = new Suggestion("library", SuggestionKind.RESOURCE, reference, "Design thinking course",
                "/library/resources/9", section.id(), 1, Set.of("en"), DeliveryMode.ONLINE, 4, Cost.FREE, null,
                "fits", 0.5);
        transaction.executeWithoutResult(s -> {
            var plan = planRepository.findById(id).orElseThrow();
            var gap = plan.getGaps().stream().filter(g -> g.getCompetencyId() == section.id()).findFirst()
                    .orElseThrow();
            plan.addSuggestion(gap, done, 0, false);
        });
        long itemId = as(f.focal, () -> plans.view(id)).gaps().stream().flatMap(g -> g.items().stream())
                .filter(i -> reference.equals(i.reference())).findFirst().orElseThrow().id();
        as(f.focal, () -> {
            plans.submitForReview(id);
            plans.agree(id, null);
            plans.report(id, itemId, ItemStatus.DONE, 100);
            return null;
        });

        // re-assessed: section 1 now high (closed), section 2 moderate (still open)
        f.submitted(f.ministry, 2, 1, 0, 0, 0, 0, 0, 0);

        PlanViews.PlanView plan = as(f.focal, () -> plans.view(id));
        assertThat(plan.reassessed()).isTrue();
        assertThat(plan.closed()).isEqualTo(1);
        PlanViews.GapView closed = plan.gaps().stream().filter(g -> g.competencyId() == section.id()).findFirst()
                .orElseThrow();
        assertThat(closed.closed()).isTrue();
        assertThat(plan.gaps().stream().filter(g -> g.competencyId() != section.id()).findFirst().orElseThrow()
                .closed()).isFalse();
        assertThat(outcomes.countClosed("library", reference, section.id(), "MINISTRY")).isEqualTo(1);
        assertThat(outcomes.countClosed("library", reference, section.id(), "NGO")).isZero();

        // the same resource now ranks first for the same gap in another ministry, with its evidence
        Suggestion other = new Suggestion("library", SuggestionKind.RESOURCE, "resource/no-evidence", "Other",
                "/library/resources/10", section.id(), 1, Set.of("en"), DeliveryMode.ONLINE, 4, Cost.FREE, null,
                "fits", 0.99);
        Planner planner = new Planner(List.of(new PlannerTest.Catalogue("library", List.of(other, done))),
                (s, r, c) -> (int) outcomes.countClosed(s, r, c, "MINISTRY"));
        var ranked = planner.suggest(new SuggestionRequest(section.id(), gapTargets.lookup().targets(section.id(), 0,
                2, 3), Set.of("en"), PlanConstraints.NONE, 1L, null, 5), 5);
        assertThat(ranked.get(0).suggestion().reference()).isEqualTo(reference);
        assertThat(ranked.get(0).evidence()).isEqualTo(1);
    }

    @Test
    void aTemplateIsAppliedToManyOrganisationsByABackgroundJobWithProgress() throws Exception {
        long assessment = f.submitted(f.ministry, 0, 1, 0, 2, 0, 1, 0, 0);
        long id = as(f.focal, () -> plans.generate(new PlanService.GenerateInput(assessment, profile,
                f.ministry.getId(), null, Set.of(), Set.of("en"), PlanConstraints.NONE)));
        long templateId = as(f.focal, () -> templates.saveAsTemplate(id, "PMO staff", "For every PMO"));
        List<Long> units = List.of(f.directory.unit("Unit A", f.ministry).getId(),
                f.directory.unit("Unit B", f.ministry).getId(), f.directory.unit("Unit C", f.ministry).getId());
        long run = as(f.focal, () -> templates.apply(templateId, Set.copyOf(units)));

        Instant until = Instant.now().plus(Duration.ofSeconds(90));
        PlanViews.RunView view = as(f.focal, () -> templates.run(templateId, run));
        while (!"FINISHED".equals(view.state()) && Instant.now().isBefore(until)) {
            Thread.sleep(250);
            view = as(f.focal, () -> templates.run(templateId, run));
        }
        assertThat(view.state()).isEqualTo("FINISHED");
        assertThat(view.done()).isEqualTo(3);
        assertThat(view.percent()).isEqualTo(100);
        Set<Long> planned = transaction.execute(s -> planRepository.findByTemplateId(templateId).stream()
                .map(p -> p.getOrganisationId()).collect(Collectors.toSet()));
        assertThat(planned).containsExactlyInAnyOrderElementsOf(units);
        PlanViews.PlanView made = as(f.focal, () -> plans.view(planRepository.findByTemplateId(templateId).get(0)
                .getId()));
        assertThat(made.gaps()).hasSize(7).allSatisfy(g -> assertThat(g.currentRank()).isNull());

        // the pages show the template and the run's progress
        mvc.perform(get("/plans/templates/{id}", templateId).with(DirectoryFixtures.as(f.focal)))
                .andExpect(status().isOk()).andExpect(content().string(containsString("id=\"apply-form\"")));
        mvc.perform(get("/plans/templates/{id}/runs/{run}", templateId, run).with(DirectoryFixtures.as(f.focal)))
                .andExpect(status().isOk()).andExpect(content().string(containsString("id=\"run-progress\"")))
                .andExpect(content().string(containsString("aria-valuenow=\"100\"")));
        mvc.perform(get("/plans/templates/{id}/runs/{run}", templateId, run).with(DirectoryFixtures.as(f.outsider)))
                .andExpect(status().isForbidden());
        mvc.perform(post("/plans/templates/{id}/apply", templateId).with(DirectoryFixtures.as(f.focal)).with(csrf()))
                .andExpect(status().isBadRequest()).andExpect(content().string(containsString("id=\"form-error\"")));

        // only organisations one coordinates
        var elsewhere = f.directory.ministry("Not mine");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> as(f.focal,
                () -> templates.apply(templateId, Set.of(elsewhere.getId()))))
                .isInstanceOf(org.springframework.security.access.AccessDeniedException.class);
    }

    @Test
    void ownersOfActivitiesDueSoonAreRemindedOnceAWeek() {
        long assessment = f.submitted(f.ministry, 0, 1, 0, 2, 0, 1, 0, 0);
        long id = as(f.focal, () -> plans.generate(new PlanService.GenerateInput(assessment, profile,
                f.ministry.getId(), null, Set.of(f.sections().get(0).id()), Set.of("en"), PlanConstraints.NONE)));
        LocalDate today = LocalDate.now();
        as(f.focal, () -> {
            plans.addItem(id, null, ItemKind.CUSTOM, null, new ItemDetails("Write the PMO charter", null, null,
                    f.memberPerson.getId(), null, today.plusDays(3), null, null, null, null));
            plans.submitForReview(id);
            plans.agree(id, null);
            return null;
        });
        String email = f.memberPerson.getEmail();
        reminders.send(today);
        assertThat(jdbc.queryForObject("select count(*) from outbox_message where recipient = ?", Integer.class,
                email)).isEqualTo(1);
        reminders.send(today.plusDays(1));
        assertThat(jdbc.queryForObject("select count(*) from outbox_message where recipient = ?", Integer.class,
                email)).as("not again within a week").isEqualTo(1);
        reminders.send(today.plusDays(8));
        assertThat(jdbc.queryForObject("select subject from outbox_message where recipient = ? order by id desc "
                + "limit 1", String.class, email)).startsWith("Overdue");
    }
}
