package org.capacityhub.assessment.survey;

import java.util.Arrays;

/**
 * The small-numbers rule of anonymous surveys: no figure based on fewer than {@link #THRESHOLD} respondents is
 * shown, including figures that could be derived by subtracting shown figures from a shown total (complementary
 * suppression). A pure function over one table of counts, used by every output (pages, API, CSV).
 * <p>
 * The table: one row per respondent group, one column per level of the scale; {@code counts[g][l]} respondents of
 * group {@code g} chose level {@code l}. Shown beside it: each group's size (its row total), the "all respondents"
 * row (column totals) and its size (the grand total). The rules, applied until nothing changes:
 * <ol>
 * <li>a group with 1 to 4 respondents is hidden whole (size, counts, median, comments); a group with none shows
 * that it has none;</li>
 * <li>a count of 1 to 4 is hidden (a 0 is shown: it is about nobody);</li>
 * <li>in every sum whose total is shown (a group's counts and its size; the total row's counts and its size; one
 * level's counts over the groups and that level's total; the groups' sizes and the grand total), the hidden
 * figures must add up to 0 or to at least 5, so that subtracting reveals nothing about fewer than 5 people.
 * Otherwise more is hidden: in a group's row or the total row, the smallest other non-zero count; for one
 * level, that level's total; for the groups' sizes, the whole "all respondents" row;</li>
 * <li>the "all respondents" row is hidden when there are fewer than 5 respondents in all.</li>
 * </ol>
 * A hidden figure is never shown as a number, not even as "fewer than 5" for a count (group sizes of 1 to 4 are
 * reported as "fewer than 5", which reveals no answer).
 */
public final class Suppression {

    /** The least number of respondents a shown figure may be based on. */
    public static final int THRESHOLD = 5;

    private Suppression() {}

    /**
     * What may be shown of one table.
     *
     * @param groupShown  per group: its size, counts and median may be shown (false for groups of 1 to 4 and
     *                    for empty groups, which have no figures)
     * @param cellShown   per group and level: the count may be shown
     * @param totalShown  the "all respondents" row (its size and median) may be shown
     * @param totalCellShown per level: the all-respondents count may be shown
     */
    public record Mask(boolean[] groupShown, boolean[][] cellShown, boolean totalShown, boolean[] totalCellShown) {

        public boolean groupShown(int group) {
            return groupShown[group];
        }

        public boolean cellShown(int group, int level) {
            return cellShown[group][level];
        }

        public boolean totalCellShown(int level) {
            return totalCellShown[level];
        }
    }

    /** The mask for {@code counts} (groups × levels; every row has the same length). */
    public static Mask apply(int[][] counts) {
        int groups = counts.length;
        int levels = groups == 0 ? 0 : counts[0].length;
        int[] size = new int[groups];
        int[] levelTotal = new int[levels];
        int grand = 0;
        for (int g = 0; g < groups; g++) {
            if (counts[g].length != levels) {
                throw new IllegalArgumentException("Every group needs a count per level");
            }
            for (int l = 0; l < levels; l++) {
                if (counts[g][l] < 0) {
                    throw new IllegalArgumentException("Counts cannot be negative");
                }
                size[g] += counts[g][l];
                levelTotal[l] += counts[g][l];
            }
            grand += size[g];
        }
        boolean[] groupShown = new boolean[groups];
        boolean[][] cellShown = new boolean[groups][levels];
        boolean[] totalCellShown = new boolean[levels];
        boolean totalShown = grand >= THRESHOLD;
        for (int g = 0; g < groups; g++) {
            groupShown[g] = size[g] >= THRESHOLD;
            for (int l = 0; l < levels; l++) {
                cellShown[g][l] = groupShown[g] && !small(counts[g][l]);
            }
        }
        for (int l = 0; l < levels; l++) {
            totalCellShown[l] = totalShown && !small(levelTotal[l]);
        }

        boolean changed = true;
        while (changed) {
            changed = false;
            // the groups' sizes against the grand total
            if (totalShown) {
                int hidden = 0;
                for (int g = 0; g < groups; g++) {
                    if (!groupShown[g]) {
                        hidden += size[g];
                    }
                }
                if (small(hidden)) {
                    totalShown = false;
                    Arrays.fill(totalCellShown, false);
                    changed = true;
                }
            }
            // each group's counts against its size
            for (int g = 0; g < groups; g++) {
                if (groupShown[g]) {
                    changed |= protectRow(counts[g], cellShown[g]);
                }
            }
            // the total row's counts against the grand total
            if (totalShown) {
                changed |= protectRow(levelTotal, totalCellShown);
            }
            // each level's counts over the groups against that level's total
            for (int l = 0; l < levels; l++) {
                if (totalCellShown[l]) {
                    int hidden = 0;
                    for (int g = 0; g < groups; g++) {
                        if (!cellShown[g][l]) {
                            hidden += counts[g][l];
                        }
                    }
                    if (small(hidden)) {
                        totalCellShown[l] = false;
                        changed = true;
                    }
                }
            }
        }
        return new Mask(groupShown, cellShown, totalShown, totalCellShown);
    }

    /** Hides the smallest shown non-zero counts of a row until its hidden counts add up to 0 or ≥ 5. */
    private static boolean protectRow(int[] row, boolean[] shown) {
        boolean changed = false;
        while (true) {
            int hidden = 0;
            for (int l = 0; l < row.length; l++) {
                if (!shown[l]) {
                    hidden += row[l];
                }
            }
            if (!small(hidden)) {
                return changed;
            }
            int smallest = -1;
            for (int l = 0; l < row.length; l++) {
                if (shown[l] && row[l] > 0 && (smallest < 0 || row[l] < row[smallest])) {
                    smallest = l;
                }
            }
            if (smallest < 0) {
                return changed; // cannot happen for a row whose total is ≥ 5
            }
            shown[smallest] = false;
            changed = true;
        }
    }

    /** 1 to 4: a figure about fewer than 5 people. */
    static boolean small(int count) {
        return count > 0 && count < THRESHOLD;
    }
}
