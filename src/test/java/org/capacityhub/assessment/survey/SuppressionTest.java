package org.capacityhub.assessment.survey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/**
 * The small-numbers rule, on its own: no figure about 1 to 4 respondents, and none that subtracting shown figures
 * from a shown total would reveal. Each test also checks the invariant on every sum with a shown total.
 */
class SuppressionTest {

    @Test
    void largeGroupsWithLargeCountsShowEverything() {
        int[][] counts = {{5, 10, 5}, {6, 6, 8}};
        Suppression.Mask m = check(counts);
        assertThat(m.groupShown(0)).isTrue();
        assertThat(m.groupShown(1)).isTrue();
        assertThat(m.totalShown()).isTrue();
        for (int l = 0; l < 3; l++) {
            assertThat(m.cellShown(0, l)).isTrue();
            assertThat(m.cellShown(1, l)).isTrue();
            assertThat(m.totalCellShown(l)).isTrue();
        }
    }

    @Test
    void aSingleSmallGroupIsHiddenAndSoIsTheTotalThatWouldRevealIt() {
        // group 1 has 3 respondents: all respondents (23) minus group 0 (20) would reveal it
        int[][] counts = {{5, 10, 5}, {1, 2, 0}};
        Suppression.Mask m = check(counts);
        assertThat(m.groupShown(0)).isTrue();
        assertThat(m.groupShown(1)).isFalse();
        assertThat(m.totalShown()).isFalse();
        assertThat(m.totalCellShown()).containsOnly(false);
        assertThat(m.cellShown()[1]).containsOnly(false);
    }

    @Test
    void twoSmallGroupsTogetherAtLeastFiveKeepTheTotal() {
        // groups of 3 and 4: subtracting reveals only the 7 of them together, a figure about 7 people
        int[][] counts = {{5, 10, 5}, {1, 2, 0}, {0, 2, 2}};
        Suppression.Mask m = check(counts);
        assertThat(m.groupShown(1)).isFalse();
        assertThat(m.groupShown(2)).isFalse();
        assertThat(m.totalShown()).isTrue();
    }

    @Test
    void twoSmallGroupsTogetherUnderFiveHideTheTotal() {
        int[][] counts = {{5, 10, 5}, {1, 0, 0}, {0, 2, 0}};
        Suppression.Mask m = check(counts);
        assertThat(m.groupShown(1)).isFalse();
        assertThat(m.groupShown(2)).isFalse();
        assertThat(m.totalShown()).isFalse();
    }

    @Test
    void aSmallCountInAShownGroupTakesASecondCountWithIt() {
        // 1 respondent chose level 0: hiding it alone, 8 − (4 + 3)... n − the others would reveal it
        int[][] counts = {{1, 3, 6}};
        Suppression.Mask m = check(counts);
        assertThat(m.groupShown(0)).isTrue();
        assertThat(m.cellShown(0, 0)).isFalse();
        assertThat(m.cellShown(0, 1)).isFalse();
        // hidden 1 + 3 = 4 < 5: a third count goes too
        assertThat(m.cellShown(0, 2)).isFalse();
    }

    @Test
    void secondaryHidingStopsOnceTheHiddenCountsReachFive() {
        int[][] counts = {{2, 5, 9}};
        Suppression.Mask m = check(counts);
        assertThat(m.cellShown(0, 0)).isFalse();
        assertThat(m.cellShown(0, 1)).isFalse(); // smallest other non-zero: 2 + 5 = 7
        assertThat(m.cellShown(0, 2)).isTrue();
    }

    @Test
    void zeroCountsAreShownAndNeverUsedAsCover() {
        // a 0 says nothing about anybody; hiding it would not protect the 4 either (the hidden sum stays 4)
        int[][] counts = {{0, 4, 6}};
        Suppression.Mask m = check(counts);
        assertThat(m.cellShown(0, 0)).isTrue();
        assertThat(m.cellShown(0, 1)).isFalse();
        assertThat(m.cellShown(0, 2)).isFalse();
    }

    @Test
    void aTotalCellIsHiddenWhenShownGroupCountsWouldRevealAHiddenOne() {
        // group 0: (2, 8, 5) hides the 2 and the 5; group 1: (10, 10, 10) all shown. All respondents at level 0:
        // 12 − 10 would reveal group 0's 2, so that total cell goes; at level 2, 15 − 10 reveals only a 5 (fine),
        // and the total row's hidden 12 is enough cover.
        int[][] counts = {{2, 8, 5}, {10, 10, 10}};
        Suppression.Mask m = check(counts);
        assertThat(m.cellShown(0, 0)).isFalse();
        assertThat(m.cellShown(0, 2)).isFalse();
        assertThat(m.totalShown()).isTrue();
        assertThat(m.totalCellShown(0)).isFalse();
        assertThat(m.totalCellShown(1)).isTrue();
        assertThat(m.totalCellShown(2)).isTrue();
    }

    @Test
    void fewerThanFiveInAllShowsNothing() {
        int[][] counts = {{1, 1, 0}, {0, 2, 0}};
        Suppression.Mask m = check(counts);
        assertThat(m.groupShown(0)).isFalse();
        assertThat(m.groupShown(1)).isFalse();
        assertThat(m.totalShown()).isFalse();
    }

    @Test
    void emptyGroupsHideNothingElse() {
        int[][] counts = {{5, 5, 5}, {0, 0, 0}};
        Suppression.Mask m = check(counts);
        assertThat(m.groupShown(1)).isFalse();
        assertThat(m.totalShown()).isTrue();
        assertThat(m.totalCellShown()).containsOnly(true);
    }

    @Test
    void participationCountsUseTheSameRule() {
        // one column: respondents per group
        Suppression.Mask m = check(new int[][] {{12}, {3}, {9}});
        assertThat(m.groupShown(1)).isFalse();
        assertThat(m.totalShown()).isFalse();
        Suppression.Mask none = check(new int[][] {});
        assertThat(none.totalShown()).isFalse();
    }

    @Test
    void badTablesAreRefused() {
        assertThatThrownBy(() -> Suppression.apply(new int[][] {{1, 2}, {3}}))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Suppression.apply(new int[][] {{-1, 2}}))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void exhaustivelyNoSumWithAShownTotalHidesFewerThanFive() {
        // every 2-group × 3-level table with counts 0..6
        int[] c = new int[6];
        int tables = 0;
        for (int i = 0; i < Math.pow(7, 6); i++) {
            int x = i;
            for (int k = 0; k < 6; k++) {
                c[k] = x % 7;
                x /= 7;
            }
            check(new int[][] {{c[0], c[1], c[2]}, {c[3], c[4], c[5]}});
            tables++;
        }
        assertThat(tables).isEqualTo(117_649);
    }

    /** Applies the rule and checks the invariants: nothing small shown, no sum with a shown total hides 1 to 4. */
    private static Suppression.Mask check(int[][] counts) {
        Suppression.Mask m = Suppression.apply(counts);
        int groups = counts.length;
        int levels = groups == 0 ? 0 : counts[0].length;
        int grand = 0;
        int hiddenSizes = 0;
        int[] levelTotal = new int[levels];
        for (int g = 0; g < groups; g++) {
            int size = 0;
            int hidden = 0;
            for (int l = 0; l < levels; l++) {
                size += counts[g][l];
                levelTotal[l] += counts[g][l];
                if (m.cellShown(g, l)) {
                    assertThat(Suppression.small(counts[g][l])).as("small count shown").isFalse();
                    assertThat(m.groupShown(g)).isTrue();
                } else {
                    hidden += counts[g][l];
                }
            }
            grand += size;
            if (m.groupShown(g)) {
                assertThat(size).isGreaterThanOrEqualTo(Suppression.THRESHOLD);
                assertThat(Suppression.small(hidden)).as("row %d reveals hidden counts", g).isFalse();
            } else {
                hiddenSizes += size;
            }
        }
        if (m.totalShown()) {
            assertThat(grand).isGreaterThanOrEqualTo(Suppression.THRESHOLD);
            assertThat(Suppression.small(hiddenSizes)).as("total reveals hidden groups").isFalse();
            int hidden = 0;
            for (int l = 0; l < levels; l++) {
                if (!m.totalCellShown(l)) {
                    hidden += levelTotal[l];
                } else {
                    assertThat(Suppression.small(levelTotal[l])).isFalse();
                    int hiddenInColumn = 0;
                    for (int g = 0; g < groups; g++) {
                        if (!m.cellShown(g, l)) {
                            hiddenInColumn += counts[g][l];
                        }
                    }
                    assertThat(Suppression.small(hiddenInColumn)).as("level %d total reveals", l).isFalse();
                }
            }
            assertThat(Suppression.small(hidden)).as("total row reveals hidden totals").isFalse();
        } else {
            for (int l = 0; l < levels; l++) {
                assertThat(m.totalCellShown(l)).isFalse();
            }
        }
        return m;
    }
}
