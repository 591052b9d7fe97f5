package org.capacityhub.assessment.individual;

import org.capacityhub.assessment.comparison.ChangeOverTime;

import java.time.Instant;
import java.util.List;

/** What the self-assessment pages and API show. */
public final class SelfViews {

    private SelfViews() {}

    public record Option(long id, String label) {}

    public record LevelView(long id, int rank, String title, String description) {}

    /** A level with the competency's benchmark statements at that level (may be empty). */
    public record Choice(long levelId, int rank, String title, List<String> statements) {}

    /** One competency's ratings: the person's and the rater's, side by side. */
    public record RatingView(long competencyId, String code, String title, String description, String area,
            Long levelId, String levelTitle, Integer rank, String comment, List<String> evidence,
            Long raterLevelId, String raterLevelTitle, Integer raterRank, String raterComment,
            List<Choice> choices) {}

    /** One page of the form: an area of the framework (or the framework's top-level competencies). */
    public record PageView(int number, String title, List<RatingView> ratings) {

        public long rated() {
            return ratings.stream().filter(r -> r.levelId() != null).count();
        }

        public long raterRated() {
            return ratings.stream().filter(r -> r.raterLevelId() != null).count();
        }
    }

    public record Summary(long id, long personId, String personName, long frameworkVersionId, String frameworkTitle,
            SelfAssessmentState state, Instant createdAt, Instant submittedAt, String raterName, RaterRole raterRole,
            Instant raterSubmittedAt, int rated, int total) {}

    public record Detail(long id, long personId, String personName, long frameworkVersionId, String frameworkTitle,
            SelfAssessmentState state, Instant createdAt, Instant submittedAt, Long raterPersonId, String raterName,
            RaterRole raterRole, Instant raterSubmittedAt, List<LevelView> scale, List<PageView> pages, int rated,
            int raterRated, int total, boolean owner, boolean rater, long version) {

        public boolean editable() {
            return owner && state == SelfAssessmentState.DRAFT;
        }

        public boolean raterEditable() {
            return rater && state == SelfAssessmentState.SUBMITTED && raterSubmittedAt == null;
        }

        public List<RatingView> ratings() {
            return pages.stream().flatMap(p -> p.ratings().stream()).toList();
        }
    }

    /** A row of the person's profile: current rating (theirs and their rater's), target, gap and weight. */
    public record ProfileRow(long competencyId, String code, String title, String area, String levelTitle,
            Integer rank, String raterLevelTitle, Integer raterRank, String targetTitle, Integer targetRank,
            Integer gap, int weight) {}

    public record Profile(long frameworkVersionId, String frameworkTitle, Long selfAssessmentId,
            Instant submittedAt, String raterName, RaterRole raterRole, boolean raterSubmitted,
            Long targetProfileId, String targetProfileName, List<Option> targetProfiles, String positionTitle,
            List<ProfileRow> rows, int weightedGap) {}

    /** The history of one version: every submitted snapshot, oldest first, and each competency's levels in them. */
    public record HistoryColumn(long selfAssessmentId, Instant submittedAt, String raterName) {}

    public record HistoryRow(String code, String title, List<String> levels, List<String> raterLevels) {}

    /**
     * @param trend own ratings per competency with the change since the previous snapshot
     * @param chart the same as a line chart, when there are at least two snapshots (else null)
     */
    public record History(long frameworkVersionId, String frameworkTitle, List<HistoryColumn> columns,
            List<HistoryRow> rows, List<ChangeOverTime.Row> trend, ChangeOverTime.Chart chart) {}

    /** One cell of an organisation's aggregate: a count, or null when suppressed. */
    public record AggregateRow(long competencyId, String code, String title, String area, Integer rated,
            List<Integer> levels, Integer atOrAboveTarget, boolean suppressed, boolean retentionRisk) {}

    public record Aggregate(long organisationId, String organisationName, long frameworkVersionId,
            String frameworkTitle, List<LevelView> scale, List<AggregateRow> rows, int people,
            List<Option> units, int threshold) {}
}
