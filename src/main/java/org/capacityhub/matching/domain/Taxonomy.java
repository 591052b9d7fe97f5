package org.capacityhub.matching.domain;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.capacityhub.framework.Frameworks;
import org.capacityhub.framework.Frameworks.Competency;
import org.capacityhub.matching.ranking.Need;
import org.capacityhub.matching.ranking.Proximity;
import org.springframework.stereotype.Component;

/**
 * The competencies that answer a request, by CASE identifier, with their taxonomy distance: the competency itself
 * (in any version), its sub-competencies, crosswalked competencies of other frameworks, its parent, and the other
 * competencies of its area (its top-level node); each keeps the closest relation found.
 */
@Component
public class Taxonomy {

    private final Frameworks frameworks;

    Taxonomy(Frameworks frameworks) {
        this.frameworks = frameworks;
    }

    public Map<String, Need.Target> targets(List<HelpRequest.Wanted> wanted) {
        Map<String, Need.Target> result = new HashMap<>();
        walk(wanted, (n, p, w, target) -> put(result, n, p, w, target));
        return result;
    }

    /**
     * The ids of the competencies that answer a request (those of {@link #targets}, in the versions the walk
     * meets: the requested competency's version and the crosswalked frameworks'), each with its CASE identifier.
     */
    public Map<Long, String> competencyIds(List<HelpRequest.Wanted> wanted) {
        Map<Long, String> result = new HashMap<>();
        walk(wanted, (n, p, w, target) -> result.put(n.id(), n.identifier().toString()));
        return result;
    }

    private interface Visitor {
        void visit(Competency competency, Proximity proximity, HelpRequest.Wanted wanted, double target);
    }

    private void walk(List<HelpRequest.Wanted> wanted, Visitor visitor) {
        for (HelpRequest.Wanted w : wanted) {
            Competency c = frameworks.competency(w.getCompetencyId()).orElse(null);
            if (c == null) {
                continue;
            }
            double target = w.getScaleSize() <= 1 ? 1 : (double) w.getTargetRank() / (w.getScaleSize() - 1);
            List<Competency> tree = frameworks.tree(c.versionId());
            Map<Long, Competency> byId = new HashMap<>();
            tree.forEach(n -> byId.put(n.id(), n));
            Long root = rootOf(c.id(), byId);
            for (Competency n : tree) {
                if (root != null && root.equals(rootOf(n.id(), byId))) {
                    visitor.visit(n, Proximity.SAME_AREA, w, target);
                }
            }
            if (c.parentId() != null && byId.containsKey(c.parentId())) {
                visitor.visit(byId.get(c.parentId()), Proximity.PARENT, w, target);
            }
            for (Competency d : frameworks.descendants(c.id())) {
                visitor.visit(d, Proximity.SUB_COMPETENCY, w, target);
            }
            for (Frameworks.Related r : frameworks.related(c.id())) {
                visitor.visit(r.related(), Proximity.CROSSWALK, w, target);
            }
            visitor.visit(c, Proximity.SAME, w, target);
        }
    }

    private static Long rootOf(long id, Map<Long, Competency> byId) {
        Competency n = byId.get(id);
        int guard = 0;
        while (n != null && n.parentId() != null && guard++ < 100) {
            n = byId.get(n.parentId());
        }
        return n == null ? null : n.id();
    }

    private static void put(Map<String, Need.Target> into, Competency c, Proximity p, HelpRequest.Wanted w,
            double target) {
        String key = c.identifier().toString();
        Need.Target existing = into.get(key);
        if (existing == null || existing.proximity().value() < p.value()) {
            into.put(key, new Need.Target(p, w.getCompetencyId(), target));
        }
    }
}
