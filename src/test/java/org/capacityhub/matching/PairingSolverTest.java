package org.capacityhub.matching;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;

import org.capacityhub.matching.pairing.CandidateGraph;
import org.capacityhub.matching.pairing.PairingSolver;
import org.junit.jupiter.api.Test;

/**
 * The pairing places the most mentees, then the best total score, exactly (checked by brute force on small
 * cases), never uses a forbidden pair, and its bound is that of the unpruned problem.
 */
class PairingSolverTest {

    /** The best (placed, total) over every assignment, by brute force. */
    private static long[] bruteForce(int[][] scores, int[] capacity) {
        return search(scores, capacity.clone(), 0);
    }

    private static long[] search(int[][] scores, int[] left, int i) {
        if (i == scores.length) {
            return new long[] {0, 0};
        }
        long[] best = search(scores, left, i + 1); // unassigned
        for (int j = 0; j < left.length; j++) {
            if (scores[i][j] < 0 || left[j] == 0) {
                continue;
            }
            left[j]--;
            long[] rest = search(scores, left, i + 1);
            left[j]++;
            long[] with = {rest[0] + 1, rest[1] + scores[i][j]};
            if (with[0] > best[0] || with[0] == best[0] && with[1] > best[1]) {
                best = with;
            }
        }
        return best;
    }

    @Test
    void placesTheMostMenteesThenTheBestTotalScoreOnRandomSmallCases() {
        Random random = new Random(20261123);
        for (int round = 0; round < 300; round++) {
            int n = 1 + random.nextInt(7);
            int m = 1 + random.nextInt(4);
            int[][] scores = new int[n][m];
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < m; j++) {
                    scores[i][j] = random.nextInt(4) == 0 ? -1 : random.nextInt(1001);
                }
            }
            int[] capacity = new int[m];
            for (int j = 0; j < m; j++) {
                capacity[j] = 1 + random.nextInt(2);
            }
            CandidateGraph graph = CandidateGraph.build(n, capacity, (i, j) -> scores[i][j], m);
            PairingSolver.Result result = PairingSolver.solve(graph);
            long[] expected = bruteForce(scores, capacity);
            assertThat(new long[] {result.placed(), result.totalScore()}).as("case %d", round).containsExactly(expected);
            int[] used = new int[m];
            long total = 0;
            for (int i = 0; i < n; i++) {
                int j = result.mentorOf()[i];
                if (j >= 0) {
                    assertThat(scores[i][j]).as("a forbidden pair is never used").isGreaterThanOrEqualTo(0);
                    used[j]++;
                    total += scores[i][j];
                }
            }
            for (int j = 0; j < m; j++) {
                assertThat(used[j]).isLessThanOrEqualTo(capacity[j]);
            }
            assertThat(total).isEqualTo(result.totalScore());
        }
    }

    @Test
    void placingOneMoreMenteeAlwaysWinsOverAHigherScore() {
        // mentee 0 fits both mentors, mentee 1 only mentor 0; the best score alone would give mentor 0 to mentee 0
        int[][] scores = {{1000, 1}, {1, -1}};
        CandidateGraph graph = CandidateGraph.build(2, new int[] {1, 1}, (i, j) -> scores[i][j], 2);
        PairingSolver.Result result = PairingSolver.solve(graph);
        assertThat(result.placed()).isEqualTo(2);
        assertThat(result.mentorOf()).containsExactly(1, 0);
    }

    @Test
    void thePrunedResultIsWithinTheBoundAndTheExactBoundIsTheUnprunedOptimum() {
        Random random = new Random(7);
        for (int round = 0; round < 100; round++) {
            int n = 2 + random.nextInt(6);
            int m = 2 + random.nextInt(3);
            int[][] scores = new int[n][m];
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < m; j++) {
                    scores[i][j] = random.nextInt(5) == 0 ? -1 : random.nextInt(1001);
                }
            }
            int[] capacity = new int[m];
            java.util.Arrays.fill(capacity, 1);
            CandidateGraph.PairScore pairs = (i, j) -> scores[i][j];
            CandidateGraph pruned = CandidateGraph.build(n, capacity, pairs, 1);
            PairingSolver.Result result = PairingSolver.solve(pruned);
            PairingSolver.Bound exact = PairingSolver.bound(n, capacity, pairs, pruned, Long.MAX_VALUE);
            PairingSolver.Bound upper = PairingSolver.bound(n, capacity, pairs, pruned, 0);
            long[] optimum = bruteForce(scores, capacity);
            assertThat(exact.exact()).isTrue();
            assertThat(new long[] {exact.placed(), exact.totalScore()}).containsExactly(optimum);
            assertThat(upper.exact()).isFalse();
            assertThat(upper.placed()).isGreaterThanOrEqualTo(exact.placed());
            assertThat(upper.totalScore()).isGreaterThanOrEqualTo(exact.totalScore());
            assertThat(result.placed()).isLessThanOrEqualTo(exact.placed());
            if (result.placed() == exact.placed()) {
                assertThat(result.totalScore()).isLessThanOrEqualTo(exact.totalScore());
            }
        }
    }

    @Test
    void theCandidateGraphKeepsEachMenteesBestFeasibleMentors() {
        int[][] scores = {{10, 50, -1, 30}};
        CandidateGraph graph = CandidateGraph.build(1, new int[] {1, 1, 1, 1}, (i, j) -> scores[i][j], 2);
        assertThat(graph.arcMentor()[0]).containsExactly(1, 3);
        assertThat(graph.arcScore()[0]).containsExactly(50, 30);
        assertThat(graph.bestScore()[0]).isEqualTo(50);
    }

    @Test
    void wideningTheCandidateGraphPlacesMenteesWhoseBestMentorsAreFull() {
        // everyone's best mentor is mentor 0 (capacity 1); mentors 1 and 2 fit too
        int[][] scores = {{900, 500, 400}, {900, 450, 300}, {900, 100, 200}};
        int[] capacity = {1, 1, 1};
        CandidateGraph.PairScore pairs = (i, j) -> scores[i][j];
        PairingSolver.Result once = PairingSolver.solve(CandidateGraph.build(3, capacity, pairs, 1));
        assertThat(once.placed()).isEqualTo(1);
        PairingSolver.Pairing widened = PairingSolver.pair(3, capacity, pairs, 1);
        assertThat(widened.result().placed()).isEqualTo(3);
        assertThat(widened.augmentations()).isPositive();
        long[] optimum = bruteForce(scores, capacity);
        assertThat(widened.result().placed()).isEqualTo((int) optimum[0]);

        Random random = new Random(99);
        for (int round = 0; round < 100; round++) {
            int n = 2 + random.nextInt(6);
            int m = 1 + random.nextInt(4);
            int[][] s = new int[n][m];
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < m; j++) {
                    s[i][j] = random.nextInt(4) == 0 ? -1 : random.nextInt(1001);
                }
            }
            int[] caps = new int[m];
            java.util.Arrays.fill(caps, 1 + random.nextInt(2));
            CandidateGraph.PairScore p = (i, j) -> s[i][j];
            PairingSolver.Result single = PairingSolver.solve(CandidateGraph.build(n, caps, p, 1));
            PairingSolver.Result wide = PairingSolver.pair(n, caps, p, 1).result();
            long[] best = bruteForce(s, caps);
            assertThat(wide.placed()).isBetween(single.placed(), (int) best[0]);
            for (int i = 0; i < n; i++) {
                if (wide.mentorOf()[i] >= 0) {
                    assertThat(s[i][wide.mentorOf()[i]]).isGreaterThanOrEqualTo(0);
                }
            }
        }
    }
}
