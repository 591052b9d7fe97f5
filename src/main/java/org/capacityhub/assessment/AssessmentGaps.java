package org.capacityhub.assessment;

import java.util.List;

/** The gaps of one assessment against one target profile of the same framework version, per competency. */
public record AssessmentGaps(long assessmentId, long organisationId, long targetProfileId, String targetProfileName,
        long frameworkVersionId, List<CompetencyGap> gaps) {

    public AssessmentGaps {
        gaps = List.copyOf(gaps);
    }
}
