package org.capacityhub.matching.domain;

import org.capacityhub.assessment.AssessmentSubmitted;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Keeps each submitted assessment that has gaps (against the target profile for its kind of organisation), so
 * that the organisation's focal point can turn them into needs or requests: nothing becomes a need without them.
 */
@Component
class GapListener {

    private final GapReportRepository reports;

    GapListener(GapReportRepository reports) {
        this.reports = reports;
    }

    @TransactionalEventListener(fallbackExecution = true)
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    void on(AssessmentSubmitted event) {
        if (event.gaps() == null || reports.findByAssessmentId(event.assessmentId()).isPresent()) {
            return;
        }
        reports.save(new GapReport(event.assessmentId(), event.organisationId(), event.gaps().targetProfileId(),
                event.submittedAt()));
    }
}
