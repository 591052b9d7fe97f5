package org.capacityhub.library.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.capacityhub.framework.Frameworks;
import org.capacityhub.framework.Frameworks.Competency;
import org.capacityhub.framework.Frameworks.FrameworkVersionRef;
import org.springframework.stereotype.Component;

/** Competencies and levels offered in forms and facets. */
@Component
class Choices {

    record Group(String framework, List<Option> options) {}

    record Option(long id, String label) {}

    private final Frameworks frameworks;

    Choices(Frameworks frameworks) {
        this.frameworks = frameworks;
    }

    /** The competencies of the latest published version of each framework, indented by depth. */
    List<Group> competencies() {
        List<Group> groups = new ArrayList<>();
        for (FrameworkVersionRef v : frameworks.publishedFrameworks()) {
            List<Option> options = new ArrayList<>();
            for (Competency c : frameworks.tree(v.versionId())) {
                options.add(new Option(c.id(), "\u00a0\u00a0".repeat(Math.max(0, c.depth())) + label(c)));
            }
            groups.add(new Group(v.title(), options));
        }
        return groups;
    }

    static String label(Competency c) {
        return (c.code() == null || c.code().isBlank() ? "" : c.code() + " ") + c.title();
    }

    /** Level ranks with the titles the published frameworks give them, e.g. 0 → "Basic". */
    Map<Integer, String> levels() {
        Map<Integer, List<String>> titles = new TreeMap<>();
        for (FrameworkVersionRef v : frameworks.publishedFrameworks()) {
            frameworks.levels(v.versionId()).forEach(l -> {
                List<String> list = titles.computeIfAbsent(l.rank(), k -> new ArrayList<>());
                if (!list.contains(l.title())) {
                    list.add(l.title());
                }
            });
        }
        Map<Integer, String> result = new LinkedHashMap<>();
        titles.forEach((rank, list) -> result.put(rank, String.join(" / ", list)));
        return result;
    }

    String competencyLabel(long id) {
        return frameworks.competency(id).map(Choices::label).orElse("#" + id);
    }
}
