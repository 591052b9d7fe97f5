package org.capacityhub.planning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.capacityhub.planning.PlanningFixtures.as;
import static org.capacityhub.support.DirectoryFixtures.as;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import org.capacityhub.framework.Frameworks;
import org.capacityhub.planning.domain.GapTargets;
import org.capacityhub.planning.domain.Intervention;
import org.capacityhub.planning.domain.ItemDetails;
import org.capacityhub.planning.domain.ItemKind;
import org.capacityhub.planning.domain.ItemStatus;
import org.capacityhub.planning.domain.PlanService;
import org.capacityhub.planning.domain.PlanState;
import org.capacityhub.planning.domain.PlanViews;
import org.capacityhub.support.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

/**
 * From a submitted seed-001 (GovStack) assessment of a ministry to a plan: the gaps list, "Generate a plan", the fit
 * rule on every suggestion the installed sources make, uncovered gaps, interventions for barriers, edits, life and
 * progress, and who may do what.
 */
@IntegrationTest
class PlanFlowTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    ApplicationContext context;
    @Autowired
    PlanService plans;
    @Autowired
    GapTargets gapTargets;
    @Autowired
    Frameworks frameworks;

    PlanningFixtures f;
    long profile;
    long assessment;

    /** Ranks: 0 basic, 1 moderate, 2 high; target high everywhere: section 4 (index 3) has no gap. */
    static final int[] RANKS = {0, 1, 0, 2, 0, 1, 0, 0};

    @BeforeEach
    void setUp() {
        f = new PlanningFixtures(context, "Ministry of Plans");
        profile = f.profileAllHigh();
        assessment = f.submitted(f.ministry, RANKS);
    }

    private long generate() {
        return as(f.focal, () -> plans.generate(new PlanService.GenerateInput(assessment, profile,
                f.ministry.getId(), null, Set.of(), Set.of("en", "fr"), PlanConstraints.NONE)));
    }

    @Test
    void gapsAreListedByPriorityWithTheirBarriersAndTheOrderingExplained() throws Exception {
        PlanViews.GapsView gaps = as(f.focal, () -> plans.gaps(assessment, profile));
        assertThat(gaps.gaps()).hasSize(7);
        assertThat(gaps.gaps()).extracting(PlanViews.GapRow::gap).containsExactly(2, 2, 2, 2, 2, 1, 1);
        assertThat(gaps.met()).extracting(PlanViews.GapRow::competencyId).containsExactly(f.sections().get(3).id());
        assertThat(gaps.gaps().stream().filter(g -> g.competencyId() == f.sections().get(2).id()).findFirst()
                .orElseThrow().barriers()).extracting(PlanViews.BarrierView::kind).containsExactly("BUDGET");

        mvc.perform(get("/plans/gaps").param("assessmentId", "" + assessment).param("targetProfileId", "" + profile)
                        .with(as(f.focal)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"ordering\"")))
                .andExpect(content().string(containsString("No budget line for training")))
                .andExpect(content().string(containsString("id=\"generate-plan\"")));
        // a member sees the gaps but may not generate
        mvc.perform(get("/plans/gaps").param("assessmentId", "" + assessment).with(as(f.member)))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.not(containsString("id=\"generate-plan\""))));
        mvc.perform(get("/plans/gaps").param("assessmentId", "" + assessment).with(as(f.outsider)))
                .andExpect(status().isNotFound());
    }

    @Test
    void oneClickGivesADraftPlanCoveringTheBiggestGapsWithFittingSuggestionsOrShowingThemUncovered()
            throws Exception {
        String location = mvc.perform(post("/plans/generate").with(as(f.focal)).with(csrf())
                        .param("assessmentId", "" + assessment).param("targetProfileId", "" + profile)
                        .param("organisationId", "" + f.ministry.getId()).param("languages", "en"))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
        long id = Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
        PlanViews.PlanView plan = as(f.focal, () -> plans.view(id));

        assertThat(plan.state()).isEqualTo(PlanState.DRAFT);
        assertThat(plan.gaps()).hasSize(7);
        // the biggest gaps first
        assertThat(plan.gaps().subList(0, 5)).allSatisfy(g -> assertThat(g.gap()).isEqualTo(2));
        var sections = f.sections();
        var lookup = gapTargets.lookup();
        for (PlanViews.GapView g : plan.gaps()) {
            // a learning objective in plain words, saying why (the target level's benchmark)
            assertThat(g.objective()).contains(g.title()).contains("Why:");
            SuggestionRequest request = new SuggestionRequest(g.competencyId(),
                    lookup.targets(g.competencyId(), g.currentRank(), g.targetRank(), 3), Set.of("en"),
                    PlanConstraints.NONE, f.ministry.getId(), null, 5);
            List<PlanViews.ItemView> learning = g.items().stream().filter(i -> i.kind() != ItemKind.INTERVENTION)
                    .toList();
            assertThat(g.covered()).isEqualTo(!learning.isEmpty());
            for (PlanViews.ItemView i : learning) {
                // every suggestion of the installed sources passes the fit rule
                assertThat(i.source()).isNotNull();
                assertThat(request.competencyIds()).contains(i.competencyId());
                CompetencyTarget target = request.target(i.competencyId());
                assertThat(i.kind() == ItemKind.MENTOR || i.kind() == ItemKind.PEER
                        ? target.fitsHelperAt(i.levelRank()) : target.fitsContentAt(i.levelRank())).isTrue();
                assertThat(i.languages()).contains("en");
                assertThat(i.costAmount() == null || i.costAmount().signum() >= 0).isTrue();
            }
        }
        // the barrier recorded on section 3 gets a non-learning intervention with an owner
        PlanViews.GapView third = plan.gaps().stream().filter(g -> g.competencyId() == sections.get(2).id())
                .findFirst().orElseThrow();
        assertThat(third.items()).anySatisfy(i -> {
            assertThat(i.kind()).isEqualTo(ItemKind.INTERVENTION);
            assertThat(i.intervention()).isEqualTo(Intervention.POLICY);
            assertThat(i.owner()).isNotBlank();
        });
        assertThat(third.barriers()).isNotEmpty();

        mvc.perform(get("/plans/{id}", id).with(as(f.focal))).andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"plan-title\"")))
                .andExpect(content().string(containsString("Policy, mandate or budget line")));
    }

    @Test
    void plannerEditsFreelyThenTheFocalPointAgreesAndProgressIsReported() throws Exception {
        long id = generate();
        PlanViews.PlanView plan = as(f.focal, () -> plans.view(id));
        long firstGap = plan.gaps().get(0).id();
        long secondGap = plan.gaps().get(1).id();

        // reorder gaps, add a custom activity with owner, dates, effort and cost, remove an intervention
        as(f.coordinator, () -> {
            plans.moveGap(id, secondGap, -1);
            long item = plans.addItem(id, firstGap, ItemKind.CUSTOM, null, new ItemDetails("Job shadowing",
                    "https://example.org/shadowing", "Head of ICT", f.memberPerson.getId(), LocalDate.now().minusDays(20),
                    LocalDate.now().minusDays(1), 6, new java.math.BigDecimal("120.50"), "kes", null));
            assertThat(item).isPositive();
            return null;
        });
        plan = as(f.focal, () -> plans.view(id));
        assertThat(plan.gaps().get(0).id()).isEqualTo(secondGap);
        PlanViews.ItemView custom = plan.gaps().get(1).items().stream().filter(i -> i.title().equals("Job shadowing"))
                .findFirst().orElseThrow();
        assertThat(custom.costCurrency()).isEqualTo("KES");
        assertThat(custom.ownerName()).isEqualTo(f.memberPerson.getFullName());
        assertThat(plan.gaps().get(1).covered()).isTrue();
        long interventionId = plan.gaps().stream().flatMap(g -> g.items().stream())
                .filter(i -> i.kind() == ItemKind.INTERVENTION).findFirst().orElseThrow().id();
        mvc.perform(post("/plans/{id}/items/{item}/remove", id, interventionId).with(as(f.focal)).with(csrf()))
                .andExpect(status().is3xxRedirection());

        // bad input: a due date before the start is a form error on the page; nothing is stored
        mvc.perform(post("/plans/{id}/items/{item}", id, custom.id()).with(as(f.focal)).with(csrf())
                        .param("title", "Job shadowing").param("startsOn", "2026-05-02").param("dueOn", "2026-05-01"))
                .andExpect(status().isBadRequest()).andExpect(content().string(containsString("id=\"form-error\"")));
        mvc.perform(post("/plans/{id}/items/{item}", id, custom.id()).with(as(f.focal)).with(csrf())
                        .param("title", "Job shadowing").param("dueOn", "tomorrow"))
                .andExpect(status().isBadRequest());

        // a member gives expectations but may not edit or move the plan on
        mvc.perform(post("/plans/{id}/expectations", id).with(as(f.member)).with(csrf())
                .param("expectations", "Hands-on practice").param("motivations", "Better services"))
                .andExpect(status().is3xxRedirection());
        mvc.perform(post("/plans/{id}/items/{item}/remove", id, custom.id()).with(as(f.member)).with(csrf()))
                .andExpect(status().isForbidden());
        mvc.perform(post("/plans/{id}/state", id).with(as(f.member)).with(csrf()).param("action", "review"))
                .andExpect(status().isForbidden());

        // review, then only the focal point signs off (not the programme coordinator)
        as(f.coordinator, () -> { plans.submitForReview(id); return null; });
        mvc.perform(post("/plans/{id}/state", id).with(as(f.coordinator)).with(csrf()).param("action", "agree"))
                .andExpect(status().isForbidden());
        mvc.perform(post("/plans/{id}/state", id).with(as(f.focal)).with(csrf()).param("action", "agree")
                .param("note", "Agreed at the management meeting")).andExpect(status().is3xxRedirection());
        plan = as(f.focal, () -> plans.view(id));
        assertThat(plan.state()).isEqualTo(PlanState.AGREED);
        assertThat(plan.agreedBy()).isEqualTo(f.focal.username());
        assertThat(plan.history()).anySatisfy(t -> {
            assertThat(t.to()).isEqualTo(PlanState.AGREED);
            assertThat(t.note()).isEqualTo("Agreed at the management meeting");
        });
        assertThat(plan.expectations()).extracting(PlanViews.ExpectationView::expectations)
                .containsExactly("Hands-on practice");
        // overdue: due yesterday and not done
        assertThat(plan.overdue()).isEqualTo(1);

        // an agreed plan's content does not change (409); the activity's owner reports progress
        mvc.perform(post("/plans/{id}/items/{item}/remove", id, custom.id()).with(as(f.focal)).with(csrf()))
                .andExpect(status().isConflict());
        mvc.perform(post("/plans/{id}/items/{item}/report", id, custom.id()).with(as(f.member)).with(csrf())
                .param("status", "DONE").param("progress", "40")).andExpect(status().is3xxRedirection());
        plan = as(f.focal, () -> plans.view(id));
        assertThat(plan.state()).isEqualTo(PlanState.IN_PROGRESS);
        assertThat(plan.overdue()).isZero();
        assertThat(plan.progress()).isPositive();
        mvc.perform(post("/plans/{id}/items/{item}/report", id, custom.id()).with(as(f.focal)).with(csrf())
                .param("status", "IN_PROGRESS").param("progress", "140")).andExpect(status().isBadRequest());

        // reopening needs a reason
        mvc.perform(post("/plans/{id}/state", id).with(as(f.focal)).with(csrf()).param("action", "reopen"))
                .andExpect(status().isBadRequest());
        as(f.focal, () -> { plans.complete(id); plans.reopen(id, "New staff joined"); return null; });
        assertThat(as(f.focal, () -> plans.view(id)).state()).isEqualTo(PlanState.DRAFT);
    }

    @Test
    void plansAreSeenOnlyByThoseEntitledToTheOrganisation() throws Exception {
        long id = generate();
        mvc.perform(get("/plans/{id}", id).with(as(f.outsider))).andExpect(status().isNotFound());
        mvc.perform(get("/plans/{id}/export.csv", id).with(as(f.outsider))).andExpect(status().isNotFound());
        mvc.perform(post("/plans/{id}/expectations", id).with(as(f.outsider)).with(csrf())
                .param("expectations", "x")).andExpect(status().isNotFound());
        mvc.perform(get("/plans/{id}", id).with(as(f.member))).andExpect(status().isOk());
        mvc.perform(get("/api/v1/plans/{id}", id).header(HttpHeaders.AUTHORIZATION, f.directory.bearer(f.outsider)))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        mvc.perform(get("/api/v1/plans/{id}", id).header(HttpHeaders.AUTHORIZATION, f.directory.bearer(f.member)))
                .andExpect(status().isOk()).andExpect(jsonPath("$.gaps.length()").value(7));
        mvc.perform(post("/api/v1/plans/{id}/transitions", id).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"action\":\"review\"}")
                        .header(HttpHeaders.AUTHORIZATION, f.directory.bearer(f.member)))
                .andExpect(status().isForbidden());
        mvc.perform(get("/plans").with(as(f.outsider))).andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.not(containsString("data-plan-id=\"" + id + "\""))));
        // an outsider cannot generate a plan for the ministry: its assessment does not exist for them
        mvc.perform(post("/api/v1/plans").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"assessmentId\":" + assessment + ",\"organisationId\":" + f.ministry.getId()
                                + ",\"languages\":[\"en\"]}")
                        .header(HttpHeaders.AUTHORIZATION, f.directory.bearer(f.outsider)))
                .andExpect(status().isNotFound());
    }

    @Test
    void theApiGeneratesAndRefusesBadInputWithProblemDocuments() throws Exception {
        String bearer = f.directory.bearer(f.focal);
        mvc.perform(post("/api/v1/plans").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"assessmentId\":" + assessment + ",\"targetProfileId\":" + profile
                                + ",\"organisationId\":" + f.ministry.getId() + ",\"languages\":[\"en\"],"
                                + "\"constraints\":{\"maxCost\":10}}")
                        .header(HttpHeaders.AUTHORIZATION, bearer))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        mvc.perform(post("/api/v1/plans").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"assessmentId\":" + assessment + ",\"organisationId\":" + f.ministry.getId()
                                + ",\"languages\":[\"xx\"]}")
                        .header(HttpHeaders.AUTHORIZATION, bearer))
                .andExpect(status().isBadRequest());
        mvc.perform(post("/api/v1/plans").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"assessmentId\":" + assessment + ",\"targetProfileId\":" + profile
                                + ",\"organisationId\":" + f.ministry.getId() + ",\"languages\":[\"en\"]}")
                        .header(HttpHeaders.AUTHORIZATION, bearer))
                .andExpect(status().isCreated()).andExpect(jsonPath("$.state").value("DRAFT"))
                .andExpect(jsonPath("$.gaps[0].objective").isNotEmpty());
        // the page: no language chosen is a form error, not a plan
        mvc.perform(post("/plans/generate").with(as(f.focal)).with(csrf()).param("assessmentId", "" + assessment)
                        .param("targetProfileId", "" + profile).param("organisationId", "" + f.ministry.getId()))
                .andExpect(status().isBadRequest()).andExpect(content().string(containsString("id=\"form-error\"")));
    }

    @Test
    void exportsAsCsvAndPdf() throws Exception {
        long id = generate();
        mvc.perform(get("/plans/{id}/export.csv", id).with(as(f.member))).andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith("text/csv"))
                .andExpect(content().string(containsString("uncovered")));
        byte[] pdf = mvc.perform(get("/plans/{id}/export.pdf", id).with(as(f.member))).andExpect(status().isOk())
                .andExpect(content().contentType(MediaType.APPLICATION_PDF)).andReturn().getResponse()
                .getContentAsByteArray();
        assertThat(new String(pdf, 0, 5, java.nio.charset.StandardCharsets.ISO_8859_1)).isEqualTo("%PDF-");
    }

    @Test
    void uncoveredGapsRollUpIntoTheProgrammesUnmetDemand() throws Exception {
        long id = generate();
        PlanViews.PlanView plan = as(f.focal, () -> plans.view(id));
        mvc.perform(get("/plans/demand").param("programmeId", "" + f.programmeId).with(as(f.coordinator)))
                .andExpect(status().isOk()).andExpect(content().string(containsString("id=\"demand\"")));
        String csv = mvc.perform(get("/plans/demand.csv").param("programmeId", "" + f.programmeId)
                .with(as(f.coordinator))).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        for (PlanViews.GapView g : plan.gaps()) {
            if (!g.covered()) {
                assertThat(csv).contains(g.title());
            }
        }
        mvc.perform(get("/plans/demand").param("programmeId", "" + f.programmeId).with(as(f.outsider)))
                .andExpect(status().isNotFound());
    }

    @Test
    void unitsGetTheirOwnPlanFromTheirOrganisationsAssessment() {
        var unit = f.directory.unit("PMO", f.ministry);
        long id = as(f.focal, () -> plans.generate(new PlanService.GenerateInput(assessment, profile, unit.getId(),
                "PMO plan", Set.of(f.sections().get(0).id()), Set.of("en"), PlanConstraints.NONE)));
        PlanViews.PlanView plan = as(f.focal, () -> plans.view(id));
        assertThat(plan.organisationId()).isEqualTo(unit.getId());
        assertThat(plan.gaps()).hasSize(1);
        var elsewhere = f.directory.ministry("Not a unit");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> as(f.directory.admin(), () -> plans.generate(
                new PlanService.GenerateInput(assessment, profile, elsewhere.getId(), null, Set.of(), Set.of("en"),
                        PlanConstraints.NONE)))).isInstanceOf(org.capacityhub.platform.InvalidInputException.class);
        assertThat(ItemStatus.DONE.closed()).isTrue();
    }
}
