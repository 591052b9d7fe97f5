package org.capacityhub.matching.ranking;

import java.util.List;
import java.util.Set;

/**
 * One offer of a helper's profile on one competency, with what the score needs of the profile.
 *
 * @param organisationId   the profile's organisation (for a person: theirs), or null
 * @param utcOffsetMinutes the helper's UTC offset now, or null when unknown
 * @param knowsRank        the helper's level as a rank on the competency's scale, or null when not given
 * @param offerHours       hours a month offered on it, or null when not said
 */
public record Candidate(long profileId, boolean organisation, Long personId, Long organisationId,
        String displayName, List<String> languages, String countryCode, Integer utcOffsetMinutes,
        Visibility visibility, int committedHours, int ratingSum, int ratingCount, long competencyId,
        String competencyIdentifier, Integer knowsRank, int scaleSize, Set<Role> roles, Integer offerHours,
        Set<Format> formats) {

    /** The helper's level as a fraction of the scale (0 lowest, 1 top), or -1 when unknown. */
    public double levelFraction() {
        if (knowsRank == null) {
            return -1;
        }
        return scaleSize <= 1 ? 1 : (double) knowsRank / (scaleSize - 1);
    }

    /** Hours a month still free: offered minus those of accepted and active exchanges; null when not said. */
    public Integer remainingHours() {
        return offerHours == null ? null : offerHours - committedHours;
    }

    /** The mean feedback (1 to 5), or null without feedback. */
    public Double averageRating() {
        return ratingCount == 0 ? null : (double) ratingSum / ratingCount;
    }
}
