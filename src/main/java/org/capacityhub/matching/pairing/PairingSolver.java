package org.capacityhub.matching.pairing;

import java.util.Arrays;

import com.google.ortools.graph.MinCostFlow;
import com.google.ortools.graph.MinCostFlowBase;

/**
 * Assigns mentees to mentors over a {@link CandidateGraph} as one min-cost flow (OR-Tools' SimpleMinCostFlow):
 * source → each mentee (capacity 1); mentee → each candidate mentor (capacity 1, cost 1000 − score); mentor → sink
 * (its capacity); solved as the maximum flow of minimum cost ({@code SolveMaxFlowWithMinCost}). The optimum first
 * places as many mentees as possible, then maximises the total score, exactly, on the candidate graph: the same as
 * giving each mentee an "unassigned" arc to the sink costing more than any difference in scores (1000 × mentees + 1
 * more than an assignment), without its large cost range.
 */
public final class PairingSolver {

    /**
     * The assignment found.
     *
     * @param mentorOf   per mentee, the mentor's index or -1 when unassigned
     * @param placed     mentees assigned
     * @param totalScore sum of the assigned pairs' scores (0 to 1000 each)
     */
    public record Result(int[] mentorOf, int placed, long totalScore) {}

    /**
     * The bound of the unpruned problem (every feasible pair, not only the top k).
     *
     * @param placed     most mentees any assignment can place
     * @param totalScore most total score any assignment placing that many can reach
     * @param exact      true when the unpruned problem was solved (the bound is its optimum), false when it is an
     *                   upper bound: mentees with a feasible mentor (at most the total capacity), each with their
     *                   best feasible score
     */
    public record Bound(int placed, long totalScore, boolean exact) {}

    /** The final candidate graph and the assignment found on it. */
    public record Pairing(CandidateGraph graph, Result result, int augmentations) {}

    /** Most times the candidate graph is widened for mentees left unassigned. */
    public static final int MAX_AUGMENTATIONS = 5;

    private PairingSolver() {}

    /**
     * Solves over the top-k candidate graph; while mentees are left unassigned although a feasible mentor has room,
     * adds arcs from them to their best such mentors and solves again (at most {@link #MAX_AUGMENTATIONS} times).
     * Each solve is exact on its graph, and each graph contains the previous one.
     */
    public static Pairing pair(int mentees, int[] capacity, CandidateGraph.PairScore pairs, int topK) {
        CandidateGraph graph = CandidateGraph.build(mentees, capacity, pairs, topK);
        Result result = solve(graph);
        int rounds = 0;
        while (rounds < MAX_AUGMENTATIONS && result.placed() < mentees) {
            CandidateGraph wider = graph.augment(result.mentorOf(), pairs, topK);
            if (wider == null) {
                break;
            }
            rounds++;
            graph = wider;
            Result better = solve(graph);
            if (better.placed() == result.placed() && better.totalScore() == result.totalScore()) {
                result = better;
                break;
            }
            result = better;
        }
        return new Pairing(graph, result, rounds);
    }

    public static Result solve(CandidateGraph graph) {
        NativeSolver.load();
        int n = graph.mentees();
        int m = graph.mentors();
        int source = 0;
        int sink = 1 + n + m;
        MinCostFlow flow = new MinCostFlow();
        try {
            int[][] arcs = new int[n][];
            for (int i = 0; i < n; i++) {
                flow.addArcWithCapacityAndUnitCost(source, 1 + i, 1, 0);
                int[] mentors = graph.arcMentor()[i];
                arcs[i] = new int[mentors.length];
                for (int a = 0; a < mentors.length; a++) {
                    arcs[i][a] = flow.addArcWithCapacityAndUnitCost(1 + i, 1 + n + mentors[a], 1,
                            1000 - graph.arcScore()[i][a]);
                }
            }
            for (int j = 0; j < m; j++) {
                flow.addArcWithCapacityAndUnitCost(1 + n + j, sink, Math.max(0, graph.capacity()[j]), 0);
            }
            flow.setNodeSupply(source, n);
            flow.setNodeSupply(sink, -n);
            // the maximum flow (most mentees placed) of minimum cost (best total score): the same optimum as an
            // "unassigned" arc per mentee whose cost exceeds any difference in scores, with a smaller cost range
            MinCostFlowBase.Status status = n == 0 ? MinCostFlowBase.Status.OPTIMAL : flow.solveMaxFlowWithMinCost();
            int[] mentorOf = new int[n];
            Arrays.fill(mentorOf, -1);
            int placed = 0;
            long total = 0;
            for (int i = 0; i < n; i++) {
                for (int a = 0; a < arcs[i].length; a++) {
                    if (flow.getFlow(arcs[i][a]) > 0) {
                        mentorOf[i] = graph.arcMentor()[i][a];
                        placed++;
                        total += graph.arcScore()[i][a];
                        break;
                    }
                }
            }
            return new Result(mentorOf, placed, total);
        } finally {
            flow.delete();
        }
    }

    /**
     * The bound of the unpruned problem: solved exactly when it has at most {@code exactLimit} feasible pairs,
     * otherwise an upper bound from each mentee's best feasible score.
     */
    public static Bound bound(int mentees, int[] capacity, CandidateGraph.PairScore pairs, CandidateGraph pruned,
            long exactLimit) {
        if ((long) mentees * capacity.length <= exactLimit) {
            Result full = solve(CandidateGraph.build(mentees, capacity, pairs, Math.max(1, capacity.length)));
            return new Bound(full.placed(), full.totalScore(), true);
        }
        int[] best = pruned.bestScore().clone();
        long totalCapacity = Arrays.stream(capacity).mapToLong(c -> Math.max(0, c)).sum();
        int feasible = (int) Arrays.stream(best).filter(s -> s >= 0).count();
        int placed = (int) Math.min(feasible, totalCapacity);
        Arrays.sort(best);
        long total = 0;
        for (int i = best.length - 1, taken = 0; i >= 0 && taken < placed; i--, taken++) {
            total += best[i];
        }
        return new Bound(placed, total, false);
    }
}
