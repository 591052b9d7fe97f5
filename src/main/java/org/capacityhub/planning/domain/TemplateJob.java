package org.capacityhub.planning.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.capacityhub.platform.AuditContext;
import org.jobrunr.jobs.annotations.Job;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The background job that applies a template to many organisations: one draft plan per organisation, made in
 * batches (one transaction each), the run's progress stored after every batch so that the page shows it.
 * Organisations that already got a plan from this run's template while the job ran (a retry) are skipped.
 */
@Component
public class TemplateJob {

    static final int BATCH = 100;
    private static final Logger log = LoggerFactory.getLogger(TemplateJob.class);

    private final TemplateRunRepository runs;
    private final PlanTemplateRepository templates;
    private final PlanRepository plans;
    private final TemplateService service;
    private final TransactionTemplate transaction;

    TemplateJob(TemplateRunRepository runs, PlanTemplateRepository templates, PlanRepository plans,
            TemplateService service, TransactionTemplate transaction) {
        this.runs = runs;
        this.templates = templates;
        this.plans = plans;
        this.service = service;
        this.transaction = transaction;
    }

    @Job(name = "Apply a plan template (run %0)")
    public void apply(long runId) {
        TemplateRun start = transaction.execute(s -> {
            TemplateRun r = runs.findById(runId).orElse(null);
            if (r != null) {
                r.running();
                r.getOrganisationIds().size();
            }
            return r;
        });
        if (start == null || TemplateRun.FINISHED.equals(start.getState())) {
            return;
        }
        String actor = start.getStartedBy();
        List<Long> organisations = new ArrayList<>(start.getOrganisationIds());
        int[] counts = {0, 0};
        AuditContext.run(actor, AuditContext.Channel.JOB, () -> {
            java.util.Set<Long> already = transaction.execute(s -> plans.findByTemplateId(start.getTemplateId())
                    .stream().filter(p -> !p.getCreatedAt().isBefore(start.getStartedAt()))
                    .map(Plan::getOrganisationId).collect(java.util.stream.Collectors.toSet()));
            for (int from = 0; from < organisations.size(); from += BATCH) {
                List<Long> batch = organisations.subList(from, Math.min(organisations.size(), from + BATCH));
                try {
                    int made = transaction.execute(s -> {
                        PlanTemplate t = templates.findById(start.getTemplateId()).orElseThrow();
                        Instant now = Instant.now();
                        List<Plan> made2 = new ArrayList<>();
                        for (Long organisationId : batch) {
                            if (!already.contains(organisationId)) {
                                made2.add(service.planFrom(t, organisationId, actor, now));
                            }
                        }
                        service.saveAll(made2);
                        return batch.size();
                    });
                    counts[0] += made;
                } catch (RuntimeException e) {
                    log.warn("Template run {}: a batch of {} organisations failed: {}", runId, batch.size(),
                            e.toString());
                    counts[1] += batch.size();
                }
                transaction.executeWithoutResult(s -> runs.findById(runId)
                        .ifPresent(r -> r.progressed(counts[0], counts[1])));
            }
        });
        transaction.executeWithoutResult(s -> runs.findById(runId).ifPresent(r -> r.finished(Instant.now())));
    }
}
