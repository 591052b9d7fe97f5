package org.capacityhub.planning.domain;

import java.time.Instant;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.capacityhub.assessment.AssessmentSubmitted;
import org.capacityhub.assessment.CompetencyLevel;
import org.capacityhub.assessment.SelfAssessmentSubmitted;
import org.capacityhub.directory.Directory;
import org.capacityhub.planning.SuggestionsChanged;
import org.capacityhub.platform.AuditContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * What other capabilities tell planning:
 * <ul>
 * <li>an organisation was assessed again ({@link AssessmentSubmitted}): its agreed, running and completed plans
 * record the level now found per gap (which gaps closed), and every completed activity becomes evidence of how its
 * gap changed;</li>
 * <li>a source has new activities ({@link SuggestionsChanged}): open plans with uncovered gaps that they answer get
 * them as new suggestions.</li>
 * </ul>
 * Both run after the announcing transaction committed, in their own transaction; a failure here never undoes the
 * submission or the publication.
 */
@Component
class PlanEvents {

    private static final Logger log = LoggerFactory.getLogger(PlanEvents.class);

    private final PlanRepository plans;
    private final PlanOutcomeRepository outcomes;
    private final PlanService service;
    private final Directory directory;

    PlanEvents(PlanRepository plans, PlanOutcomeRepository outcomes, PlanService service, Directory directory) {
        this.plans = plans;
        this.outcomes = outcomes;
        this.service = service;
        this.directory = directory;
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void reassessed(AssessmentSubmitted event) {
        Levels levels = Levels.of(event.levels());
        String type = directory.organisation(event.organisationId()).map(Directory.OrganisationSummary::type)
                .orElse(null);
        // the organisation's plans and its units' plans (made from its assessments)
        List<Plan> affected = new java.util.ArrayList<>();
        for (Long organisationId : directory.organisationAndUnits(event.organisationId())) {
            affected.addAll(plans.findByOrganisationIdAndStateIn(organisationId,
                    EnumSet.of(PlanState.AGREED, PlanState.IN_PROGRESS, PlanState.COMPLETED)));
        }
        for (Plan p : affected) {
            if (p.getPersonId() != null
                    || (p.getAssessmentId() != null && p.getAssessmentId() == event.assessmentId())) {
                continue; // a person's plan follows their own self-assessments, not the organisation's
            }
            p.reassessed(event.assessmentId(), levels.byIdentifier(), levels.byId());
            recordOutcomes(p, type, event.submittedAt());
        }
    }

    /**
     * A person submitted a new self-assessment: their agreed, running and completed plans record the level they now
     * give themselves per gap (matched by CASE identifier), so the plan shows which gaps closed. A self-rating is not
     * evidence for other organisations: no outcome is recorded.
     */
    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void selfReassessed(SelfAssessmentSubmitted event) {
        Levels levels = Levels.of(event.levels());
        for (Plan p : plans.findByPersonIdAndStateIn(event.personId(),
                EnumSet.of(PlanState.AGREED, PlanState.IN_PROGRESS, PlanState.COMPLETED))) {
            if (p.getSelfAssessmentId() == null || p.getSelfAssessmentId() == event.selfAssessmentId()) {
                continue;
            }
            p.reassessed(event.selfAssessmentId(), levels.byIdentifier(), levels.byId());
        }
    }

    /** Each completed activity with a source, linked to how its gap changed. */
    private void recordOutcomes(Plan p, String organisationType, Instant at) {
        for (PlanItem i : p.getItems()) {
            PlanGap g = i.getGap();
            if (g == null || i.getStatus() != ItemStatus.DONE || i.getSource() == null || i.getReference() == null
                    || g.getReassessedRank() == null) {
                continue;
            }
            if (!outcomes.existsByPlanIdAndSourceAndReferenceAndCompetencyId(p.getId(), i.getSource(),
                    i.getReference(), g.getCompetencyId())) {
                outcomes.save(new PlanOutcome(p.getId(), organisationType, g.getCompetencyId(), i.getSource(),
                        i.getReference(), g.getCurrentRank(), g.getReassessedRank(), g.getTargetRank(), at));
            }
        }
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void suggestionsChanged(SuggestionsChanged event) {
        AuditContext.run("system", AuditContext.Channel.SYSTEM, () -> {
            int added = 0;
            for (Plan p : plans.findOpenWithUncoveredGaps()) {
                if (!p.getState().editable() && p.getState() != PlanState.AGREED
                        && p.getState() != PlanState.IN_PROGRESS) {
                    continue;
                }
                try {
                    added += service.resuggest(p, event.competencyIds());
                } catch (RuntimeException e) {
                    log.warn("New suggestions for plan {} failed: {}", p.getId(), e.toString());
                }
            }
            log.info("Source '{}' announced new activities: {} suggestions added to plans.", event.source(), added);
        });
    }

    /** The ranks an assessment found, by CASE identifier (to match other framework versions) and by competency id. */
    private record Levels(Map<UUID, Integer> byIdentifier, Map<Long, Integer> byId) {

        static Levels of(List<CompetencyLevel> levels) {
            Map<UUID, Integer> byIdentifier = new HashMap<>();
            Map<Long, Integer> byId = new HashMap<>();
            for (CompetencyLevel l : levels) {
                if (l.rank() != null) {
                    byId.put(l.competencyId(), l.rank());
                    if (l.competencyIdentifier() != null) {
                        byIdentifier.put(l.competencyIdentifier(), l.rank());
                    }
                }
            }
            return new Levels(byIdentifier, byId);
        }
    }
}
