package org.capacityhub.assessment;

import java.util.List;
import java.util.Optional;

import org.capacityhub.assessment.domain.AssessmentService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Results of organisational assessments, for other modules, always checked against the current user's access:
 * what they may not see does not exist for them.
 */
@Service
@Transactional(readOnly = true)
public class Assessments {

    private final AssessmentService service;

    Assessments(AssessmentService service) {
        this.service = service;
    }

    /** The results of an assessment the current user may see. */
    public Optional<AssessmentResult> result(long assessmentId) {
        return service.result(assessmentId);
    }

    /** The final (submitted or validated) results for an organisation the current user may see, newest first. */
    public List<AssessmentResult> finalResults(long organisationId) {
        return service.finalResults(organisationId);
    }
}
