package org.capacityhub.assessment;

/**
 * Current against target level for one competency (section) of an assessment.
 *
 * @param currentLevelId the level the assessment found, or null when the section was not rated
 * @param currentRank    its rank (0 is the lowest), or null
 * @param targetLevelId  the target profile's level, or null when the profile sets none for this competency
 * @param targetRank     its rank, or null
 * @param gap            target rank − current rank, 0 when at or above target; null when the section was not rated
 *                       or has no target (never counted as a gap)
 * @param weight         how much this competency counts in the target profile (1 unless the profile says more),
 *                       for ordering gaps
 */
public record CompetencyGap(long competencyId, Long currentLevelId, Integer currentRank, Long targetLevelId,
        Integer targetRank, Integer gap, int weight) {

    /** The gap for one competency: null when either side is missing, never negative. */
    public static Integer gap(Integer currentRank, Integer targetRank) {
        if (currentRank == null || targetRank == null) {
            return null;
        }
        return Math.max(0, targetRank - currentRank);
    }

    public boolean rated() {
        return currentRank != null;
    }
}
