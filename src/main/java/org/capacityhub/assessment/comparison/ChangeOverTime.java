package org.capacityhub.assessment.comparison;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.capacityhub.assessment.AssessmentResult;
import org.capacityhub.assessment.Assessments;
import org.capacityhub.assessment.CompetencyLevel;
import org.capacityhub.framework.Frameworks;
import org.capacityhub.framework.Frameworks.Competency;
import org.capacityhub.framework.Frameworks.ScaleLevel;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Change over time on an assessment's report: the organisation's final (submitted or validated) assessments
 * against the same framework — any version, sections matched by their CASE identifiers — in date order, the level
 * per section at each and the change between successive ones; with a small line chart drawn on the server.
 */
@Service("changeOverTime")
@Transactional(readOnly = true)
public class ChangeOverTime {

    private final Assessments assessments;
    private final Frameworks frameworks;

    ChangeOverTime(Assessments assessments, Frameworks frameworks) {
        this.assessments = assessments;
        this.frameworks = frameworks;
    }

    /** One assessment in the series. */
    public record Point(long assessmentId, LocalDate heldOn, boolean current) {}

    /** A level at one assessment: title and rank, or nulls when the section was not rated or not in that version. */
    public record Cell(String level, Integer rank, Integer change) {

        /** The cells of one row, each with its change since the last rated one before it. */
        public static List<Cell> series(List<String> levels, List<Integer> ranks) {
            List<Cell> cells = new ArrayList<>();
            Integer previous = null;
            for (int i = 0; i < ranks.size(); i++) {
                Integer rank = ranks.get(i);
                cells.add(new Cell(levels.get(i), rank, rank != null && previous != null ? rank - previous : null));
                if (rank != null) {
                    previous = rank;
                }
            }
            return cells;
        }
    }

    public record Row(String code, String title, List<Cell> cells) {}

    public record ChartAxis(String label, double x) {}

    public record ChartLevel(String label, double y) {}

    public record ChartPoint(double x, double y, String title) {}

    public record Chart(int width, int height, List<ChartAxis> dates, List<ChartLevel> levels,
            List<String> lines, List<String> labels, List<Double> labelY, List<ChartPoint> points, double labelX) {}

    public record Trend(List<Point> assessments, List<Row> rows, Chart chart) {}

    /**
     * The series for an assessment the current user may see: empty unless its organisation has at least two final
     * assessments (this one, if final, included) sharing sections with it.
     */
    public Optional<Trend> forAssessment(long assessmentId) {
        Optional<AssessmentResult> found = assessments.result(assessmentId);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        AssessmentResult current = found.get();
        Set<UUID> sections = current.levels().stream().map(CompetencyLevel::competencyIdentifier)
                .filter(java.util.Objects::nonNull).collect(Collectors.toSet());
        List<AssessmentResult> series = new ArrayList<>(assessments.finalResults(current.organisationId()).stream()
                .filter(r -> r.levels().stream().anyMatch(l -> sections.contains(l.competencyIdentifier())))
                .toList());
        // a draft or reopened assessment is not part of the series: its levels may still change
        series.sort(Comparator.comparing(AssessmentResult::heldOn).thenComparing(AssessmentResult::assessmentId));
        if (series.size() < 2) {
            return Optional.empty();
        }
        Map<Long, Map<Integer, String>> titles = new HashMap<>();
        for (AssessmentResult r : series) {
            titles.computeIfAbsent(r.frameworkVersionId(), v -> frameworks.levels(v).stream()
                    .collect(Collectors.toMap(ScaleLevel::rank, ScaleLevel::title)));
        }
        Map<UUID, Competency> currentSections = frameworks.tree(current.frameworkVersionId()).stream()
                .filter(c -> c.parentId() == null).collect(Collectors.toMap(Competency::identifier, c -> c));
        List<Row> rows = new ArrayList<>();
        for (CompetencyLevel section : current.levels()) {
            Competency c = currentSections.get(section.competencyIdentifier());
            List<String> levels = new ArrayList<>();
            List<Integer> ranks = new ArrayList<>();
            for (AssessmentResult r : series) {
                CompetencyLevel l = r.levels().stream()
                        .filter(x -> section.competencyIdentifier() != null
                                && section.competencyIdentifier().equals(x.competencyIdentifier()))
                        .findFirst().orElse(null);
                Integer rank = l == null ? null : l.rank();
                ranks.add(rank);
                levels.add(rank == null ? null : titles.get(r.frameworkVersionId()).get(rank));
            }
            rows.add(new Row(c == null ? null : c.code(), c == null ? "#" + section.competencyId() : c.title(),
                    Cell.series(levels, ranks)));
        }
        List<Point> points = series.stream().map(r -> new Point(r.assessmentId(), r.heldOn(),
                r.assessmentId() == current.assessmentId())).toList();
        return Optional.of(new Trend(points, rows, chart(points.stream().map(pt -> pt.heldOn().toString()).toList(),
                rows, titles.get(current.frameworkVersionId()))));
    }

    /**
     * A line chart of levels over time, one line per row, drawn on the server (also used for a person's
     * self-assessment history).
     *
     * @param dates       the label of each column (a date), in order
     * @param rows        one row per competency, with a cell per column
     * @param levelTitles the scale's level titles by rank
     */
    public static Chart chart(List<String> dates, List<Row> rows, Map<Integer, String> levelTitles) {
        int width = 560;
        int height = 300;
        double left = 110;
        double right = width - 70;
        double top = 20;
        double bottom = height - 40;
        int maxRank = Math.max(1, levelTitles.keySet().stream().mapToInt(Integer::intValue).max().orElse(1));
        List<ChartAxis> axis = new ArrayList<>();
        for (int i = 0; i < dates.size(); i++) {
            axis.add(new ChartAxis(dates.get(i), x(i, dates.size(), left, right)));
        }
        List<ChartLevel> levels = new ArrayList<>();
        for (int r = 0; r <= maxRank; r++) {
            levels.add(new ChartLevel(levelTitles.getOrDefault(r, String.valueOf(r)), y(r, maxRank, top, bottom)));
        }
        List<String> lines = new ArrayList<>();
        List<String> labels = new ArrayList<>();
        List<Double> labelY = new ArrayList<>();
        List<ChartPoint> marks = new ArrayList<>();
        for (int s = 0; s < rows.size(); s++) {
            Row row = rows.get(s);
            StringBuilder line = new StringBuilder();
            Double lastY = null;
            // a small vertical offset per section keeps equal lines apart
            double offset = (s - (rows.size() - 1) / 2.0) * 2.0;
            for (int i = 0; i < row.cells().size(); i++) {
                Cell cell = row.cells().get(i);
                if (cell.rank() == null) {
                    continue;
                }
                double px = x(i, dates.size(), left, right);
                double py = y(cell.rank(), maxRank, top, bottom) + offset;
                line.append(line.length() == 0 ? "" : " ").append(String.format(Locale.ROOT, "%.1f,%.1f", px, py));
                marks.add(new ChartPoint(round(px), round(py), (row.code() == null ? "" : row.code() + ". ")
                        + row.title() + ", " + dates.get(i) + ": " + cell.level()));
                lastY = py;
            }
            lines.add(line.toString());
            labels.add(row.code() != null && !row.code().isBlank() ? row.code() : String.valueOf(s + 1));
            labelY.add(lastY == null ? bottom : round(lastY + 4));
        }
        return new Chart(width, height, axis, levels, lines, labels, labelY, marks, right + 8);
    }

    private static double x(int i, int n, double left, double right) {
        return round(n <= 1 ? left : left + (right - left) * i / (n - 1));
    }

    private static double y(int rank, int maxRank, double top, double bottom) {
        return round(bottom - (bottom - top) * rank / maxRank);
    }

    private static double round(double v) {
        return Math.round(v * 10) / 10.0;
    }
}
