package org.capacityhub.assessment;

import java.time.Instant;
import java.util.List;

/**
 * Published (as a Spring application event) when a person submits a self-assessment: their level per competency
 * and their gaps against the target profile that applies to them (null when none), for the capabilities that
 * build on results (plans, matching). It says nothing about the second rating, which the rater gives later.
 */
public record SelfAssessmentSubmitted(long selfAssessmentId, long personId, long frameworkVersionId,
        Instant submittedAt, List<CompetencyLevel> levels, PersonGaps gaps) {

    public SelfAssessmentSubmitted {
        levels = List.copyOf(levels);
    }
}
