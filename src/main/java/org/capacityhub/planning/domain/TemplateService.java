package org.capacityhub.planning.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.capacityhub.directory.DirectoryAccess;
import org.capacityhub.framework.Frameworks;
import org.capacityhub.planning.PlanConstraints;
import org.capacityhub.platform.AuditContext;
import org.capacityhub.platform.InvalidInputException;
import org.capacityhub.platform.NotFoundException;
import org.jobrunr.scheduling.JobScheduler;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Plan templates: saved from a plan by its coordinators, seen by everyone who plans, applied to many organisations
 * at once as a background job (JobRunr) whose progress is stored and shown.
 */
@Service
@Transactional
public class TemplateService {

    /** How many organisations one application may cover (far above Moodle's 50; the job makes them in batches). */
    public static final int MAX_ORGANISATIONS = 20_000;

    private final PlanTemplateRepository templates;
    private final TemplateRunRepository runs;
    private final PlanService plans;
    private final PlanRepository planRepository;
    private final DirectoryAccess access;
    private final Frameworks frameworks;
    private final JobScheduler jobs;
    private final org.capacityhub.directory.Directory directory;

    TemplateService(PlanTemplateRepository templates, TemplateRunRepository runs, PlanService plans,
            PlanRepository planRepository, DirectoryAccess access, Frameworks frameworks, JobScheduler jobs,
            org.capacityhub.directory.Directory directory) {
        this.directory = directory;
        this.templates = templates;
        this.runs = runs;
        this.plans = plans;
        this.planRepository = planRepository;
        this.access = access;
        this.frameworks = frameworks;
        this.jobs = jobs;
    }

    private void requirePlanner() {
        access.requireUser();
        if (!plans.canPlanAny()) {
            throw new AccessDeniedException("Only coordinators and focal points use plan templates");
        }
    }

    private PlanTemplate found(long id) {
        requirePlanner();
        return templates.findById(id).orElseThrow(() -> new NotFoundException("PlanTemplate", id));
    }

    /** Saves a plan the current user may edit as a template; returns its id. */
    public long saveAsTemplate(long planId, String name, String description) {
        Plan p = plans.visible(planId);
        if (!plans.canEdit(p)) {
            throw new AccessDeniedException("Not allowed to make a template of plan " + planId);
        }
        if (p.getPersonId() != null) {
            // a person's plan is theirs alone: templates are made from organisations' plans
            throw new org.capacityhub.platform.ConflictException("planId", "planning.template.personPlan",
                    "Templates are made from organisations' plans, not from a person's own plan.");
        }
        return templates.save(new PlanTemplate(name, description, p, AuditContext.currentActor(), Instant.now()))
                .getId();
    }

    @Transactional(readOnly = true)
    public List<PlanViews.TemplateView> list() {
        requirePlanner();
        return templates.findAllByOrderByNameAscIdAsc().stream().map(this::view).toList();
    }

    @Transactional(readOnly = true)
    public PlanViews.TemplateView template(long id) {
        return view(found(id));
    }

    @Transactional(readOnly = true)
    public List<PlanViews.RunView> runs(long templateId) {
        found(templateId);
        return runs.findByTemplateIdOrderByStartedAtDesc(templateId).stream().map(TemplateService::view).toList();
    }

    @Transactional(readOnly = true)
    public PlanViews.RunView run(long templateId, long runId) {
        found(templateId);
        TemplateRun run = runs.findById(runId).filter(r -> r.getTemplateId() == templateId)
                .orElseThrow(() -> new NotFoundException("TemplateRun", runId));
        return view(run);
    }

    private PlanViews.TemplateView view(PlanTemplate t) {
        return new PlanViews.TemplateView(t.getId(), t.getName(), t.getDescription(),
                List.of(t.getLanguages().split(",")), t.getGaps().size(), t.getItems().size(), t.getCreatedBy(),
                t.getCreatedAt(), t.getGaps().stream().map(g -> frameworks.competency(g.getCompetencyId())
                        .map(Frameworks.Competency::title).orElse("#" + g.getCompetencyId())).toList());
    }

    static PlanViews.RunView view(TemplateRun r) {
        return new PlanViews.RunView(r.getId(), r.getTemplateId(), r.getState(), r.getTotal(), r.getDone(),
                r.getFailed(), r.percent(), r.getStartedAt(), r.getFinishedAt());
    }

    /**
     * Applies a template to organisations the current user coordinates: a background job makes one draft plan per
     * organisation. Returns the run, whose progress pages show.
     */
    public long apply(long templateId, Set<Long> organisationIds) {
        found(templateId);
        if (organisationIds == null || organisationIds.isEmpty()) {
            throw new InvalidInputException("organisationIds", "planning.template.noOrganisation",
                    "Choose at least one organisation.");
        }
        if (organisationIds.size() > MAX_ORGANISATIONS) {
            throw new InvalidInputException("organisationIds", "planning.template.tooMany",
                    "At most " + MAX_ORGANISATIONS + " organisations at once.", MAX_ORGANISATIONS);
        }
        Set<Long> allowed = access.isAdministrator() ? null : access.coordinatableOrganisationIds();
        if (allowed != null && !allowed.containsAll(organisationIds)) {
            throw new AccessDeniedException("Templates are applied only to organisations one coordinates");
        }
        if (directory.organisations(organisationIds).size() != organisationIds.size()) {
            throw new InvalidInputException("organisationIds", "planning.organisation.unknown",
                    "Choose an organisation you coordinate.");
        }
        TemplateRun run = runs.save(new TemplateRun(templateId, new LinkedHashSet<>(organisationIds),
                AuditContext.currentActor(), Instant.now()));
        UUID jobId = UUID.randomUUID();
        run.queued(jobId);
        long runId = run.getId();
        // the job starts only once the run is committed, so that it finds it
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                jobs.<TemplateJob>enqueue(jobId, job -> job.apply(runId));
            }
        });
        return runId;
    }

    /** One plan from a template for one organisation (no access check: the job runs what was allowed). */
    Plan planFrom(PlanTemplate t, long organisationId, String actor, Instant now) {
        Plan p = new Plan(t.getName(), organisationId, null, new LinkedHashSet<>(List.of(t.getLanguages().split(","))),
                PlanConstraints.NONE, actor, now);
        p.fromTemplate(t.getId());
        List<PlanGap> gaps = new ArrayList<>();
        for (PlanTemplate.Gap g : t.getGaps()) {
            gaps.add(p.addGap(g.getCompetencyId(), g.getCompetencyIdentifier(), null, g.getTargetRank(),
                    g.getScaleSize(), g.getWeight(), null, g.getObjective()));
        }
        for (PlanTemplate.Item i : t.getItems()) {
            PlanGap gap = i.getGapPosition() == null || i.getGapPosition() >= gaps.size() ? null
                    : gaps.get(i.getGapPosition());
            p.addFromTemplate(gap, i);
        }
        return p;
    }

    void saveAll(List<Plan> made) {
        planRepository.saveAll(made);
    }
}
