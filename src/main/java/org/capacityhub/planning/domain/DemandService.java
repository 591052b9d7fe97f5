package org.capacityhub.planning.domain;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.capacityhub.directory.Directory;
import org.capacityhub.directory.DirectoryAccess;
import org.capacityhub.framework.Frameworks;
import org.capacityhub.platform.NotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Unmet demand: the uncovered gaps of the open plans of a programme's member organisations (and their units),
 * rolled up per competency × plan languages × level wanted, ranked by how many organisations and people need it,
 * for coordinators to hand to content creators.
 */
@Service
@Transactional(readOnly = true)
public class DemandService {

    private final PlanRepository plans;
    private final Directory directory;
    private final DirectoryAccess access;
    private final Frameworks frameworks;

    DemandService(PlanRepository plans, Directory directory, DirectoryAccess access, Frameworks frameworks) {
        this.plans = plans;
        this.directory = directory;
        this.access = access;
        this.frameworks = frameworks;
    }

    /** The programmes whose demand the current user may see (administrators: all; coordinators: theirs). */
    public List<Directory.ProgrammeSummary> programmes() {
        access.requireUser();
        return directory.coordinatedProgrammes();
    }

    public Directory.ProgrammeSummary programme(long id) {
        return programmes().stream().filter(p -> p.id() == id).findFirst()
                .orElseThrow(() -> new NotFoundException("Programme", id));
    }

    public List<PlanViews.DemandRow> demand(long programmeId) {
        Directory.ProgrammeSummary programme = programme(programmeId);
        Set<Long> organisations = new HashSet<>();
        for (Long member : programme.memberIds()) {
            organisations.addAll(directory.organisationAndUnits(member));
        }
        if (organisations.isEmpty()) {
            return List.of();
        }
        record Key(long competencyId, String languages, int levelRank) {}
        class Tally {
            final Set<Long> orgs = new HashSet<>();
            final Set<Long> persons = new HashSet<>();
            final Set<Long> planIds = new HashSet<>();
            int sharedBy;
        }
        Map<Key, Tally> tallies = new LinkedHashMap<>();
        for (PlanGap g : plans.findUncoveredGaps(organisations)) {
            Plan p = g.getPlan();
            Tally t = tallies.computeIfAbsent(new Key(g.getCompetencyId(), String.join(", ", p.languageSet()),
                    g.getTargetRank()), k -> new Tally());
            t.planIds.add(p.getId());
            if (p.getPersonId() != null) {
                t.persons.add(p.getPersonId());
            } else {
                t.orgs.add(p.getOrganisationId());
                if (g.getPeopleCount() != null) {
                    t.sharedBy += g.getPeopleCount();
                }
            }
        }
        Map<Long, Optional<Frameworks.Competency>> competencies = new HashMap<>();
        Map<Long, Map<Integer, String>> levels = new HashMap<>();
        Map<Long, String> frameworkTitles = new HashMap<>();
        List<PlanViews.DemandRow> rows = new ArrayList<>();
        tallies.forEach((k, t) -> {
            Optional<Frameworks.Competency> c = competencies.computeIfAbsent(k.competencyId(), frameworks::competency);
            Long versionId = c.map(Frameworks.Competency::versionId).orElse(null);
            String level = versionId == null ? null : levels.computeIfAbsent(versionId, v -> {
                Map<Integer, String> m = new HashMap<>();
                frameworks.levels(v).forEach(l -> m.put(l.rank(), l.title()));
                return m;
            }).get(k.levelRank());
            String framework = versionId == null ? null : frameworkTitles.computeIfAbsent(versionId,
                    v -> frameworks.version(v).map(Frameworks.FrameworkVersionRef::title).orElse(null));
            rows.add(new PlanViews.DemandRow(k.competencyId(), c.map(Frameworks.Competency::title)
                    .orElse("#" + k.competencyId()), framework, k.languages(), k.levelRank(),
                    level == null ? String.valueOf(k.levelRank()) : level, t.orgs.size(),
                    t.persons.size() + t.sharedBy, t.planIds.size()));
        });
        rows.sort(Comparator.comparingInt((PlanViews.DemandRow r) -> r.organisations() + r.people()).reversed()
                .thenComparing(PlanViews.DemandRow::competency, String.CASE_INSENSITIVE_ORDER));
        return rows;
    }
}
