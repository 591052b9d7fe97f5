package org.capacityhub.assessment;

import java.time.Instant;
import java.util.List;

/**
 * Published (as a Spring application event) when an organisational assessment is submitted: the level found per
 * competency of the framework version, for the capabilities that build on results (gaps, plans, matching).
 */
public record AssessmentSubmitted(long assessmentId, long organisationId, long frameworkVersionId,
        Instant submittedAt, List<CompetencyLevel> levels) {

    public AssessmentSubmitted {
        levels = List.copyOf(levels);
    }
}
