package org.capacityhub.assessment.comparison;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.capacityhub.assessment.AssessmentResult;
import org.capacityhub.assessment.Assessments;
import org.capacityhub.assessment.CompetencyLevel;
import org.capacityhub.assessment.domain.AssessmentState;
import org.capacityhub.directory.Directory;
import org.capacityhub.framework.Frameworks;
import org.capacityhub.framework.Frameworks.Competency;
import org.capacityhub.framework.Frameworks.ScaleLevel;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The peer benchmark on an assessment's report: per programme the organisation belongs to, its level per section
 * beside the median and middle half (interquartile range) of the other member organisations' latest final
 * assessment against the same framework version. Shown only when at least {@link #MINIMUM_PEERS} other
 * organisations contributed; no list, no ranking, no organisation named.
 */
@Service("peerBenchmark")
@Transactional(readOnly = true)
public class PeerBenchmark {

    public static final int MINIMUM_PEERS = 5;

    private final Assessments assessments;
    private final Directory directory;
    private final Frameworks frameworks;
    private final PeerLevelRepository peers;

    PeerBenchmark(Assessments assessments, Directory directory, Frameworks frameworks, PeerLevelRepository peers) {
        this.assessments = assessments;
        this.directory = directory;
        this.frameworks = frameworks;
        this.peers = peers;
    }

    /**
     * One section: the organisation's level, and (when enough peers) the peers' median and quartiles as ranks and
     * level titles. {@code position}: ABOVE (above the upper quartile), WITHIN, BELOW, or null (not rated).
     */
    public record Row(long competencyId, String code, String title, String ownLevel, Integer ownRank,
            Double median, String medianLabel, Integer lowerQuartile, Integer upperQuartile, String middleHalfLabel,
            String position) {}

    /** The benchmark for one programme; {@code rows} empty when fewer than 5 other organisations contributed. */
    public record Benchmark(long programmeId, String programmeName, int contributors, boolean enough,
            List<Row> rows) {}

    /** The benchmarks for an assessment the current user may see (empty list otherwise or without programmes). */
    public List<Benchmark> forAssessment(long assessmentId) {
        Optional<AssessmentResult> found = assessments.result(assessmentId);
        if (found.isEmpty()) {
            return List.of();
        }
        AssessmentResult own = found.get();
        List<ScaleLevel> scale = frameworks.levels(own.frameworkVersionId());
        Map<Long, Integer> rankOf = scale.stream().collect(Collectors.toMap(ScaleLevel::id, ScaleLevel::rank));
        Map<Long, Competency> tree = frameworks.tree(own.frameworkVersionId()).stream()
                .collect(Collectors.toMap(Competency::id, c -> c));
        List<Benchmark> result = new ArrayList<>();
        for (Directory.ProgrammeSummary programme : directory.programmesOf(own.organisationId())) {
            Set<Long> others = new HashSet<>(programme.memberIds());
            others.remove(own.organisationId());
            Map<Long, Map<Long, Integer>> latest = latestLevels(others, own.frameworkVersionId(), rankOf);
            int contributors = latest.size();
            if (contributors < MINIMUM_PEERS) {
                result.add(new Benchmark(programme.id(), programme.name(), contributors, false, List.of()));
                continue;
            }
            List<Row> rows = new ArrayList<>();
            for (CompetencyLevel level : own.levels()) {
                List<Integer> ranks = latest.values().stream().map(m -> m.get(level.competencyId()))
                        .filter(java.util.Objects::nonNull).sorted().toList();
                Competency c = tree.get(level.competencyId());
                String ownTitle = level.rank() == null ? null : title(scale, level.rank());
                if (ranks.size() < MINIMUM_PEERS) {
                    rows.add(new Row(level.competencyId(), c == null ? null : c.code(),
                            c == null ? "#" + level.competencyId() : c.title(), ownTitle, level.rank(), null, null,
                            null, null, null, null));
                    continue;
                }
                int n = ranks.size();
                double median = (ranks.get((n - 1) / 2) + ranks.get(n / 2)) / 2.0;
                int q1 = ranks.get((int) Math.ceil(0.25 * n) - 1);
                int q3 = ranks.get((int) Math.ceil(0.75 * n) - 1);
                String position = level.rank() == null ? null
                        : level.rank() > q3 ? "ABOVE" : level.rank() < q1 ? "BELOW" : "WITHIN";
                rows.add(new Row(level.competencyId(), c == null ? null : c.code(),
                        c == null ? "#" + level.competencyId() : c.title(), ownTitle, level.rank(), median,
                        label(scale, median), q1, q3,
                        q1 == q3 ? title(scale, q1) : title(scale, q1) + " – " + title(scale, q3), position));
            }
            result.add(new Benchmark(programme.id(), programme.name(), contributors, true, rows));
        }
        return result;
    }

    /** Per other organisation, its latest final assessment's rank per competency (unrated sections left out). */
    private Map<Long, Map<Long, Integer>> latestLevels(Set<Long> organisations, long versionId,
            Map<Long, Integer> rankOf) {
        if (organisations.isEmpty()) {
            return Map.of();
        }
        List<Object[]> rows = peers.finalLevels(organisations, versionId,
                List.of(AssessmentState.SUBMITTED, AssessmentState.VALIDATED));
        // the latest assessment per organisation: the latest date, then the highest id
        Map<Long, long[]> latest = new HashMap<>();
        Map<Long, LocalDate> latestDate = new HashMap<>();
        for (Object[] r : rows) {
            long org = (Long) r[0];
            long id = (Long) r[1];
            LocalDate on = (LocalDate) r[2];
            LocalDate best = latestDate.get(org);
            if (best == null || on.isAfter(best) || (on.equals(best) && id > latest.get(org)[0])) {
                latest.put(org, new long[] {id});
                latestDate.put(org, on);
            }
        }
        Map<Long, Map<Long, Integer>> result = new HashMap<>();
        for (Object[] r : rows) {
            long org = (Long) r[0];
            if ((Long) r[1] != latest.get(org)[0]) {
                continue;
            }
            Map<Long, Integer> levels = result.computeIfAbsent(org, k -> new HashMap<>());
            Integer rank = r[4] == null ? null : rankOf.get((Long) r[4]);
            if (rank != null) {
                levels.put((Long) r[3], rank);
            }
        }
        return result;
    }

    private static String title(List<ScaleLevel> scale, int rank) {
        return scale.stream().filter(l -> l.rank() == rank).map(ScaleLevel::title).findFirst()
                .orElse(String.valueOf(rank));
    }

    private static String label(List<ScaleLevel> scale, double value) {
        int low = (int) Math.floor(value);
        int high = (int) Math.ceil(value);
        return low == high ? title(scale, low) : title(scale, low) + " – " + title(scale, high);
    }
}
