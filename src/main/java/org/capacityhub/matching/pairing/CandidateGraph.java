package org.capacityhub.matching.pairing;

import java.util.Arrays;

/**
 * The candidate graph of a pairing (docs/matching.md): for each mentee, its {@code topK} best feasible mentors by
 * score (an arc is feasible when the hard constraints hold: a shared language and, when asked, not the same
 * organisation; the score function answers -1 otherwise), plus, on the side, each mentee's best feasible score
 * over all mentors (for the bound of the unpruned problem).
 *
 * @param arcMentor  per mentee, its candidate mentors, best first
 * @param arcScore   per mentee, the scores (0 to 1000) of those arcs
 * @param bestScore  per mentee, the best feasible score over all mentors, or -1 when no mentor is feasible
 */
public record CandidateGraph(int mentors, int[] capacity, int[][] arcMentor, int[][] arcScore, int[] bestScore) {

    /** A pair's score, 0 to 1000, or -1 when a hard constraint forbids the pair. */
    @FunctionalInterface
    public interface PairScore {
        int score(int mentee, int mentor);
    }

    public int mentees() {
        return arcMentor.length;
    }

    public static CandidateGraph build(int mentees, int[] capacity, PairScore pairs, int topK) {
        int mentors = capacity.length;
        int k = Math.max(1, topK);
        int[][] arcMentor = new int[mentees][];
        int[][] arcScore = new int[mentees][];
        int[] best = new int[mentees];
        int[] heapMentor = new int[k];
        int[] heapScore = new int[k];
        for (int i = 0; i < mentees; i++) {
            int size = 0;
            best[i] = -1;
            for (int j = 0; j < mentors; j++) {
                if (capacity[j] <= 0) {
                    continue;
                }
                int s = pairs.score(i, j);
                if (s < 0) {
                    continue;
                }
                best[i] = Math.max(best[i], s);
                if (size < k) {
                    heapMentor[size] = j;
                    heapScore[size] = s;
                    siftUp(heapMentor, heapScore, size++);
                } else if (worse(heapScore[0], heapMentor[0], s, j)) {
                    heapMentor[0] = j;
                    heapScore[0] = s;
                    siftDown(heapMentor, heapScore, size);
                }
            }
            Integer[] order = new Integer[size];
            for (int a = 0; a < size; a++) {
                order[a] = a;
            }
            Arrays.sort(order, (a, b) -> heapScore[a] != heapScore[b] ? Integer.compare(heapScore[b], heapScore[a])
                    : Integer.compare(heapMentor[a], heapMentor[b]));
            arcMentor[i] = new int[size];
            arcScore[i] = new int[size];
            for (int a = 0; a < size; a++) {
                arcMentor[i][a] = heapMentor[order[a]];
                arcScore[i][a] = heapScore[order[a]];
            }
        }
        return new CandidateGraph(mentors, capacity.clone(), arcMentor, arcScore, best);
    }

    /** (score a, mentor ma) ranks below (score b, mentor mb): lower score, or equal score and higher mentor index. */
    private static boolean worse(int a, int ma, int b, int mb) {
        return a < b || a == b && ma > mb;
    }

    // a min-heap on (score, -mentor): the root is the worst kept arc
    private static void siftUp(int[] m, int[] s, int i) {
        while (i > 0) {
            int parent = (i - 1) / 2;
            if (!worse(s[i], m[i], s[parent], m[parent])) {
                return;
            }
            swap(m, s, i, parent);
            i = parent;
        }
    }

    private static void siftDown(int[] m, int[] s, int size) {
        int i = 0;
        while (true) {
            int l = 2 * i + 1;
            int r = l + 1;
            int smallest = i;
            if (l < size && worse(s[l], m[l], s[smallest], m[smallest])) {
                smallest = l;
            }
            if (r < size && worse(s[r], m[r], s[smallest], m[smallest])) {
                smallest = r;
            }
            if (smallest == i) {
                return;
            }
            swap(m, s, i, smallest);
            i = smallest;
        }
    }

    private static void swap(int[] m, int[] s, int a, int b) {
        int t = m[a];
        m[a] = m[b];
        m[b] = t;
        t = s[a];
        s[a] = s[b];
        s[b] = t;
    }
}
