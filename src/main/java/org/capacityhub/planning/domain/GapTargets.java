package org.capacityhub.planning.domain;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.capacityhub.framework.Frameworks;
import org.capacityhub.framework.Frameworks.Competency;
import org.capacityhub.planning.CompetencyTarget;
import org.springframework.stereotype.Component;

/**
 * The competencies that answer a gap: the gap's own, its descendants (same scale) and the competencies crosswalked
 * to it in other frameworks (and their descendants), with the gap's ranks mapped proportionally onto each one's
 * scale (e.g. the middle of a 3-level scale is the middle of a 5-level one).
 */
@Component
public class GapTargets {

    private final Frameworks frameworks;

    GapTargets(Frameworks frameworks) {
        this.frameworks = frameworks;
    }

    /** A reusable lookup that remembers scales while one plan (or one job) is made. */
    public Lookup lookup() {
        return new Lookup();
    }

    public final class Lookup {

        private final Map<Long, Integer> scaleSizes = new HashMap<>();
        private final Map<Long, List<Competency>> answering = new HashMap<>();

        public int scaleSize(long versionId) {
            return scaleSizes.computeIfAbsent(versionId, v -> frameworks.levels(v).size());
        }

        /**
         * The targets of a gap.
         *
         * @param currentRank the level found, or null when not known (then anything up to the target fits)
         */
        public List<CompetencyTarget> targets(long competencyId, Integer currentRank, int targetRank, int scaleSize) {
            Map<Long, CompetencyTarget> result = new LinkedHashMap<>();
            int current = currentRank == null ? -1 : currentRank;
            for (Competency c : answering(competencyId)) {
                int size = scaleSize(c.versionId());
                if (size == 0) {
                    continue;
                }
                result.putIfAbsent(c.id(), new CompetencyTarget(c.id(), map(current, scaleSize, size),
                        map(targetRank, scaleSize, size), size));
            }
            return new ArrayList<>(result.values());
        }

        private List<Competency> answering(long competencyId) {
            return answering.computeIfAbsent(competencyId, id -> {
                List<Competency> list = new ArrayList<>();
                frameworks.competency(id).ifPresent(c -> {
                    list.add(c);
                    list.addAll(frameworks.descendants(id));
                    for (Frameworks.Related r : frameworks.related(id)) {
                        list.add(r.related());
                        list.addAll(frameworks.descendants(r.related().id()));
                    }
                });
                return list;
            });
        }
    }

    /** A rank of a scale of {@code from} levels mapped onto a scale of {@code to} levels (-1 stays -1: nothing yet). */
    static int map(int rank, int from, int to) {
        if (rank < 0 || from == to || from <= 1) {
            return rank < 0 ? -1 : Math.min(rank, to - 1);
        }
        return (int) Math.round(rank * (to - 1) / (double) (from - 1));
    }
}
