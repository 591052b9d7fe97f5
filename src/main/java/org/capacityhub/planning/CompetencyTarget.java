package org.capacityhub.planning;

/**
 * A competency that answers a gap, with the gap's current and target level expressed as ranks (0 is the lowest)
 * on this competency's own framework scale: the gap's competency itself, one of its descendants, or a crosswalked
 * competency of another framework (whose ranks the planner maps proportionally onto that framework's scale).
 *
 * @param competencyId  a competency id (one exact framework version)
 * @param currentRank   the level found, as a rank on this competency's scale
 * @param targetRank    the level wanted, as a rank on this competency's scale
 * @param scaleSize     the number of levels of this competency's scale
 */
public record CompetencyTarget(long competencyId, int currentRank, int targetRank, int scaleSize) {

    /**
     * Whether learning content at this level fits the gap: its level lies above the current level and at most at
     * the target level. Content without a level (made for all levels) fits.
     */
    public boolean fitsContentAt(Integer rank) {
        return rank == null || (rank > currentRank && rank <= targetRank);
    }

    /**
     * Whether a helper (mentor, trainer, peer) at this level fits the gap: at or above the target level. A helper
     * whose level is unknown does not fit.
     */
    public boolean fitsHelperAt(Integer rank) {
        return rank != null && rank >= targetRank;
    }
}
