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

    /**
     * This graph plus, for each mentee the assignment left unassigned, arcs to its {@code topK} best feasible
     * mentors that still have room in the assignment (and are not candidates yet); null when there are none to add.
     */
    public CandidateGraph augment(int[] mentorOf, PairScore pairs, int topK) {
        int n = mentees();
        int[] used = new int[mentors];
        for (int j : mentorOf) {
            if (j >= 0) {
                used[j]++;
            }
        }
        int[] room = java.util.stream.IntStream.range(0, mentors).filter(j -> used[j] < capacity[j]).toArray();
        if (room.length == 0) {
            return null;
        }
        int[][] newMentor = arcMentor.clone();
        int[][] newScore = arcScore.clone();
        boolean added = false;
        for (int i = 0; i < n; i++) {
            if (mentorOf[i] >= 0 || bestScore[i] < 0) {
                continue;
            }
            java.util.Set<Integer> existing = new java.util.HashSet<>();
            for (int j : arcMentor[i]) {
                existing.add(j);
            }
            int[] heapMentor = new int[topK];
            int[] heapScore = new int[topK];
            int size = 0;
            for (int j : room) {
                if (existing.contains(j)) {
                    continue;
                }
                int s = pairs.score(i, j);
                if (s < 0) {
                    continue;
                }
                if (size < topK) {
                    heapMentor[size] = j;
                    heapScore[size] = s;
                    siftUp(heapMentor, heapScore, size++);
                } else if (worse(heapScore[0], heapMentor[0], s, j)) {
                    heapMentor[0] = j;
                    heapScore[0] = s;
                    siftDown(heapMentor, heapScore, size);
                }
            }
            if (size == 0) {
                continue;
            }
            added = true;
            int[] m = java.util.Arrays.copyOf(arcMentor[i], arcMentor[i].length + size);
            int[] sc = java.util.Arrays.copyOf(arcScore[i], arcScore[i].length + size);
            for (int a = 0; a < size; a++) {
                m[arcMentor[i].length + a] = heapMentor[a];
                sc[arcScore[i].length + a] = heapScore[a];
            }
            newMentor[i] = m;
            newScore[i] = sc;
        }
        return added ? new CandidateGraph(mentors, capacity, newMentor, newScore, bestScore) : null;
    }

    /** The number of mentee → mentor arcs. */
    public long arcs() {
        long count = 0;
        for (int[] a : arcMentor) {
            count += a.length;
        }
        return count;
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
