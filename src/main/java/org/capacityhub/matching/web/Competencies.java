package org.capacityhub.matching.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.capacityhub.framework.Frameworks;
import org.springframework.stereotype.Component;

/** Competencies to choose from (the latest published version of each framework) and their levels, for forms. */
@Component
class Competencies {

    record Option(long id, String label) {}

    record Group(String framework, List<Option> options) {}

    record Level(int rank, String title) {}

    private final Frameworks frameworks;

    Competencies(Frameworks frameworks) {
        this.frameworks = frameworks;
    }

    List<Group> groups() {
        List<Group> result = new ArrayList<>();
        for (Frameworks.FrameworkVersionRef f : frameworks.publishedFrameworks()) {
            List<Option> options = new ArrayList<>();
            for (Frameworks.Competency c : frameworks.tree(f.versionId())) {
                options.add(new Option(c.id(), "\u00a0\u00a0".repeat(Math.max(0, c.depth()))
                        + (c.code() == null ? "" : c.code() + " ") + c.title()));
            }
            result.add(new Group(f.title(), options));
        }
        return result;
    }

    String title(long id) {
        return frameworks.competency(id).map(c -> (c.code() == null ? "" : c.code() + " ") + c.title()).orElse("?");
    }

    Optional<Frameworks.Competency> competency(long id) {
        return frameworks.competency(id);
    }

    List<Level> levels(long competencyId) {
        return frameworks.competency(competencyId).map(c -> frameworks.levels(c.versionId()).stream()
                .map(l -> new Level(l.rank(), l.title())).toList()).orElse(List.of());
    }

    String levelTitle(long competencyId, Integer rank) {
        if (rank == null) {
            return null;
        }
        return levels(competencyId).stream().filter(l -> l.rank() == rank).map(Level::title).findFirst()
                .orElse(String.valueOf(rank + 1));
    }
}
