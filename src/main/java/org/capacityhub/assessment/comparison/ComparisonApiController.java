package org.capacityhub.assessment.comparison;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.capacityhub.assessment.Assessments;
import org.capacityhub.platform.NotFoundException;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The peer benchmark and the change over time of an assessment's report, over REST: the same access (an assessment
 * the caller may not see is "not found") and the same rule of at least {@link PeerBenchmark#MINIMUM_PEERS} other
 * organisations as the report page.
 */
@RestController
@RequestMapping(value = "/api/v1/assessments/{id}", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Assessments")
class ComparisonApiController {

    private final Assessments assessments;
    private final PeerBenchmark benchmark;
    private final ChangeOverTime changeOverTime;

    ComparisonApiController(Assessments assessments, PeerBenchmark benchmark, ChangeOverTime changeOverTime) {
        this.assessments = assessments;
        this.benchmark = benchmark;
        this.changeOverTime = changeOverTime;
    }

    /**
     * One programme's benchmark. {@code contributors} (other organisations with a final assessment of the same
     * framework version) and {@code sections} are given only when {@code enough}; otherwise both are withheld.
     */
    record BenchmarkView(long programmeId, String programmeName, boolean enough, int minimumOrganisations,
            Integer contributors, List<PeerBenchmark.Row> sections) {}

    record Benchmarks(long assessmentId, List<BenchmarkView> programmes) {}

    /** The change over time; {@code available} is false (and the lists empty) with fewer than two final ones. */
    record Trend(long assessmentId, boolean available, List<ChangeOverTime.Point> assessments,
            List<ChangeOverTime.Row> sections) {}

    private void requireVisible(long id) {
        if (assessments.result(id).isEmpty()) {
            throw new NotFoundException("Assessment", id);
        }
    }

    @GetMapping("/benchmark")
    @Operation(summary = "The organisation's level per section beside the median and middle half of the other "
            + "member organisations of each of its programmes (latest final assessment against the same framework "
            + "version); figures only when at least 5 other organisations contributed, never a name or a ranking")
    Benchmarks benchmark(@PathVariable long id) {
        requireVisible(id);
        return new Benchmarks(id, benchmark.forAssessment(id).stream().map(b -> new BenchmarkView(b.programmeId(),
                b.programmeName(), b.enough(), PeerBenchmark.MINIMUM_PEERS, b.enough() ? b.contributors() : null,
                b.enough() ? b.rows() : List.of())).toList());
    }

    @GetMapping("/change-over-time")
    @Operation(summary = "The organisation's final assessments sharing sections with this one (sections matched by "
            + "their CASE identifiers), in date order, with the level per section at each and the change since the "
            + "previous rated one; available from two final assessments")
    Trend changeOverTime(@PathVariable long id) {
        requireVisible(id);
        return changeOverTime.forAssessment(id)
                .map(t -> new Trend(id, true, t.assessments(), t.rows()))
                .orElseGet(() -> new Trend(id, false, List.of(), List.of()));
    }
}
