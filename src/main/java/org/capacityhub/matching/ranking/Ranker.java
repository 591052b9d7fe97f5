package org.capacityhub.matching.ranking;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Ranks helpers for a need: every offer on a competency that answers it, visible to the viewer and passing the
 * filter, scored; each profile counted once (its best offer); best first, ties by profile id.
 */
public final class Ranker {

    /** Best first; equal scores in profile order, so that a ranking is repeatable. */
    public static final Comparator<Scored> BEST_FIRST = Comparator.comparingDouble(Scored::score).reversed()
            .thenComparingLong(s -> s.candidate().profileId());

    private final Scorer scorer;

    public Ranker(Scorer scorer) {
        this.scorer = scorer;
    }

    /**
     * The best {@code limit} helpers, scanning for each competency of the need its offers sorted by
     * {@link Scorer#helperPart} (best first, as {@link OfferIndex} keeps them) and stopping as soon as no further
     * offer can enter the top: the same result as scoring every offer, with far fewer scored.
     *
     * @param offersOf the offers on a competency (by CASE identifier), sorted by helper part, best first
     */
    public List<Scored> rankSorted(Need need, java.util.function.Function<String, List<Candidate>> offersOf,
            Viewer viewer, Predicate<Candidate> filter, int limit) {
        List<Map.Entry<String, Need.Target>> order = new ArrayList<>(need.targets().entrySet());
        order.sort(Comparator.comparingDouble((Map.Entry<String, Need.Target> e) -> e.getValue().proximity().value())
                .reversed().thenComparing(Map.Entry::getKey));
        Map<Long, double[]> best = new HashMap<>(); // profile -> {value}
        java.util.PriorityQueue<long[]> top = new java.util.PriorityQueue<>(
                Comparator.comparingDouble((long[] e) -> Double.longBitsToDouble(e[0])).thenComparing(e -> -e[1]));
        Map<Long, Candidate> chosen = new HashMap<>();
        double sum = scorer.weightSum();
        for (Map.Entry<String, Need.Target> entry : order) {
            List<Candidate> offers = offersOf.apply(entry.getKey());
            if (offers == null || offers.isEmpty()) {
                continue;
            }
            double needMax = scorer.needPartMax(entry.getValue().proximity());
            for (Candidate c : offers) {
                if (top.size() >= limit) {
                    double bound = (needMax + scorer.helperPart(c)) / sum;
                    if (bound < Double.longBitsToDouble(top.peek()[0])) {
                        break; // sorted: no later offer on this competency can enter the top
                    }
                }
                if (need.requesterProfileId() != null && need.requesterProfileId() == c.profileId()
                        || !viewer.canSee(c) || !filter.test(c)) {
                    continue;
                }
                double value = scorer.value(need, c);
                if (value < 0) {
                    continue;
                }
                double[] previous = best.get(c.profileId());
                if (previous != null && (previous[0] > value || previous[0] == value)) {
                    continue;
                }
                if (previous != null) {
                    top.removeIf(e -> e[1] == c.profileId());
                }
                best.put(c.profileId(), new double[] {value});
                chosen.put(c.profileId(), c);
                top.add(new long[] {Double.doubleToLongBits(value), c.profileId()});
                if (top.size() > limit) {
                    top.poll();
                }
            }
        }
        List<Scored> result = new ArrayList<>();
        for (long[] e : top) {
            result.add(scorer.score(need, chosen.get(e[1])));
        }
        result.sort(BEST_FIRST);
        return result;
    }

    public List<Scored> rank(Need need, List<Candidate> offers, Viewer viewer, Predicate<Candidate> filter,
            int limit) {
        Map<Long, Scored> best = new HashMap<>();
        for (Candidate c : offers) {
            if (need.requesterProfileId() != null && need.requesterProfileId() == c.profileId()) {
                continue;
            }
            if (!viewer.canSee(c) || !filter.test(c)) {
                continue;
            }
            Scored s = scorer.score(need, c);
            if (s == null) {
                continue;
            }
            best.merge(c.profileId(), s, (a, b) -> BEST_FIRST.compare(a, b) <= 0 ? a : b);
        }
        List<Scored> all = new ArrayList<>(best.values());
        all.sort(BEST_FIRST);
        return all.size() > limit ? List.copyOf(all.subList(0, limit)) : all;
    }
}
