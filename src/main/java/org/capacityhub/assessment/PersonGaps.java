package org.capacityhub.assessment;

import java.time.Instant;
import java.util.List;

/**
 * A person's gaps against a target profile for one framework version: target − current per competency, the
 * current rating being the person's own from their latest submitted self-assessment of that version.
 *
 * @param selfAssessmentId  the latest submitted self-assessment the current ratings come from
 * @param targetProfileId   the profile applied (the person's choice, else the one for their position), or null
 *                          when none applies (every gap is then null)
 * @param gaps              one per competency rated (leaves of the version's tree, any depth); a target set on an
 *                          area applies to its competencies that have none of their own
 */
public record PersonGaps(long personId, long frameworkVersionId, long selfAssessmentId, Instant submittedAt,
        Long targetProfileId, String targetProfileName, List<CompetencyGap> gaps) {

    public PersonGaps {
        gaps = List.copyOf(gaps);
    }
}
