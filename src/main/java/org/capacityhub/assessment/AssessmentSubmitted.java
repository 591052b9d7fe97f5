package org.capacityhub.assessment;

import java.time.Instant;
import java.util.List;

/**
 * Published (as a Spring application event) when an organisational assessment is submitted: the level found per
 * competency of the framework version, for the capabilities that build on results (gaps, plans, matching).
 *
 * @param gaps the organisation's gaps against the target profile of the same version for its kind of organisation,
 *             or null when there is none
 */
public record AssessmentSubmitted(long assessmentId, long organisationId, long frameworkVersionId,
        Instant submittedAt, List<CompetencyLevel> levels, AssessmentGaps gaps) {

    public AssessmentSubmitted {
        levels = List.copyOf(levels);
    }
}
