package org.capacityhub.assessment.domain;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.capacityhub.directory.Directory;
import org.capacityhub.directory.DirectoryAccess;
import org.capacityhub.framework.Frameworks;
import org.capacityhub.framework.Frameworks.FrameworkVersionRef;
import org.capacityhub.framework.Frameworks.ScaleLevel;
import org.capacityhub.platform.NotFoundException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A programme's heat map: its member organisations × the sections of one framework version, each cell the level
 * of the organisation's latest final (submitted or validated) assessment against that version. For the programme's
 * coordinators and administrators (others: 403; unknown programme or version: 404). Filters by country and
 * organisation type. Reads the directory through its API (one query for the members, one for their summaries)
 * and the ratings with one aggregate query ({@link HeatMapQuery}).
 */
@Service
@Transactional(readOnly = true)
public class HeatMapService {

    private final Directory directory;
    private final DirectoryAccess access;
    private final Frameworks frameworks;
    private final HeatMapQuery query;

    HeatMapService(Directory directory, DirectoryAccess access, Frameworks frameworks, HeatMapQuery query) {
        this.directory = directory;
        this.access = access;
        this.frameworks = frameworks;
        this.query = query;
    }

    public record Option(String value, String label) {}

    public record Section(long competencyId, String code, String title) {

        public String label() {
            return code != null && !code.isBlank() ? code : title;
        }
    }

    /** One cell: the level (title, rank) or null when the section was not rated or the organisation not assessed. */
    public record Cell(Long levelId, String levelTitle, Integer rank, int tone) {}

    public record Row(long organisationId, String organisationName, String countryCode, String type,
            Long assessmentId, LocalDate heldOn, List<Cell> cells) {

        public boolean assessed() {
            return assessmentId != null;
        }
    }

    public record LevelKey(String title, int rank, int tone) {}

    /**
     * The heat map.
     *
     * @param countries countries present among the members (for the filter)
     * @param types     organisation types present among the members (for the filter)
     */
    public record HeatMap(Directory.ProgrammeSummary programme, long frameworkVersionId, String frameworkTitle,
            String country, String type, List<Section> sections, List<LevelKey> levels, List<Row> rows,
            List<String> countries, List<String> types, int members) {

        public long assessedCount() {
            return rows.stream().filter(Row::assessed).count();
        }
    }

    /** The programmes the current user may see a heat map of. */
    public List<Directory.ProgrammeSummary> programmes() {
        access.requireUser();
        return directory.coordinatedProgrammes();
    }

    public List<FrameworkVersionRef> frameworkVersions() {
        return frameworks.publishedFrameworks();
    }

    public HeatMap heatMap(long programmeId, long frameworkVersionId, String country, String type) {
        Directory.ProgrammeSummary programme = directory.programme(programmeId)
                .orElseThrow(() -> new NotFoundException("Programme", programmeId));
        if (!access.isAdministrator() && !access.isCoordinatorOf(programmeId)) {
            throw new AccessDeniedException("Only the programme's coordinators see its heat map");
        }
        FrameworkVersionRef version = frameworks.version(frameworkVersionId).filter(FrameworkVersionRef::published)
                .orElseThrow(() -> new NotFoundException("FrameworkVersion", frameworkVersionId));
        String countryFilter = blankToNull(country);
        String typeFilter = blankToNull(type);

        List<Directory.OrganisationSummary> members = directory.organisations(
                directory.programmeMemberIds(programmeId));
        List<String> countries = members.stream().map(Directory.OrganisationSummary::countryCode)
                .collect(Collectors.toCollection(TreeSet::new)).stream().toList();
        List<String> types = members.stream().map(Directory.OrganisationSummary::type)
                .collect(Collectors.toCollection(TreeSet::new)).stream().toList();
        List<Directory.OrganisationSummary> shown = members.stream()
                .filter(o -> countryFilter == null || countryFilter.equalsIgnoreCase(o.countryCode()))
                .filter(o -> typeFilter == null || typeFilter.equals(o.type()))
                .sorted(Comparator.comparing(Directory.OrganisationSummary::label, String.CASE_INSENSITIVE_ORDER))
                .toList();

        List<Section> sections = frameworks.tree(frameworkVersionId).stream().filter(c -> c.parentId() == null)
                .map(c -> new Section(c.id(), c.code(), c.title())).toList();
        List<ScaleLevel> scale = frameworks.levels(frameworkVersionId);
        Map<Long, ScaleLevel> levels = scale.stream().collect(Collectors.toMap(ScaleLevel::id, Function.identity()));
        int top = Math.max(1, scale.size() - 1);

        Map<Long, Map<Long, HeatMapQuery.Cell>> byOrganisation = new HashMap<>();
        for (HeatMapQuery.Cell cell : query.cells(frameworkVersionId,
                shown.stream().map(Directory.OrganisationSummary::id).toList())) {
            byOrganisation.computeIfAbsent(cell.organisationId(), k -> new HashMap<>()).put(cell.competencyId(), cell);
        }
        List<Row> rows = new ArrayList<>();
        for (Directory.OrganisationSummary o : shown) {
            Map<Long, HeatMapQuery.Cell> found = byOrganisation.getOrDefault(o.id(), Map.of());
            HeatMapQuery.Cell any = found.values().stream().findFirst().orElse(null);
            List<Cell> cells = sections.stream().map(s -> {
                HeatMapQuery.Cell c = found.get(s.competencyId());
                ScaleLevel l = c == null || c.levelId() == null ? null : levels.get(c.levelId());
                return l == null ? new Cell(null, null, null, -1)
                        : new Cell(l.id(), l.title(), l.rank(), tone(l.rank(), top));
            }).toList();
            rows.add(new Row(o.id(), o.label(), o.countryCode(), o.type(), any == null ? null : any.assessmentId(),
                    any == null ? null : any.heldOn(), cells));
        }
        return new HeatMap(programme, frameworkVersionId, version.title() + " (" + (version.versionLabel() == null
                || version.versionLabel().isBlank() ? "v" + version.number() : version.versionLabel()) + ")",
                countryFilter == null ? null : countryFilter.toUpperCase(Locale.ROOT), typeFilter, sections,
                scale.stream().map(l -> new LevelKey(l.title(), l.rank(), tone(l.rank(), top))).toList(), rows,
                countries, types, members.size());
    }

    /** The colour step (0 lowest … 4 highest) of a rank on a scale whose highest rank is {@code top}. */
    static int tone(int rank, int top) {
        return (int) Math.round(4.0 * rank / top);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

}
