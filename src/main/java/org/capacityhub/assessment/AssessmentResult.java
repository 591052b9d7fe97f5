package org.capacityhub.assessment;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * The results of one organisational assessment: its state and the level found per competency (section).
 *
 * @param state one of DRAFT, IN_PROGRESS, SUBMITTED, VALIDATED, REOPENED; only SUBMITTED and VALIDATED results
 *              are final
 */
public record AssessmentResult(long assessmentId, long organisationId, long frameworkVersionId, String state,
        LocalDate heldOn, Instant submittedAt, Instant validatedAt, List<CompetencyLevel> levels) {

    public AssessmentResult {
        levels = List.copyOf(levels);
    }

    public boolean isFinal() {
        return "SUBMITTED".equals(state) || "VALIDATED".equals(state);
    }
}
