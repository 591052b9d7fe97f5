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
