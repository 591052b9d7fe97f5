package org.capacityhub.planning.domain;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.capacityhub.assessment.TargetProfileRef;
import org.capacityhub.planning.DeliveryMode;

/** What pages, exports and the API show of plans. */
public final class PlanViews {

    private PlanViews() {}

    public record Option(long id, String label) {}

    /** A barrier recorded on a section, shown beside its gap. */
    public record BarrierView(long competencyId, String competencyTitle, String kind, String description) {}

    /** One gap of an assessment, as the gaps list shows it (ordered by priority). */
    public record GapRow(int priority, long competencyId, java.util.UUID identifier, String code, String title,
            Integer currentRank, String currentTitle, int targetRank, String targetTitle, Integer gap, int weight,
            Integer peopleCount, int scaleSize, List<BarrierView> barriers) {

        public int score() {
            return gap == null ? 0 : gap * weight;
        }

        /** The people count is known but under the small-numbers threshold: shown as "fewer than 5". */
        public boolean fewPeople() {
            return peopleCount != null && peopleCount < PEOPLE_THRESHOLD;
        }

        public GapRow withPeopleCount(Integer count) {
            return new GapRow(priority, competencyId, identifier, code, title, currentRank, currentTitle, targetRank,
                    targetTitle, gap, weight, count, scaleSize, barriers);
        }
    }

    /** People counts under this are never shown exactly (the assessment module's small-numbers rule). */
    public static final int PEOPLE_THRESHOLD = org.capacityhub.assessment.Assessments.PEOPLE_THRESHOLD;

    /** The gaps of one final assessment against a target (a profile, or the highest level of the scale). */
    public record GapsView(long assessmentId, long organisationId, String organisationName, long frameworkVersionId,
            String frameworkTitle, LocalDate heldOn, List<TargetProfileRef> profiles, Long targetProfileId,
            String targetDescription, List<GapRow> gaps, List<GapRow> met, List<BarrierView> barriers,
            List<Option> subjects, boolean canGenerate) {}

    public record ItemView(long id, int position, Long gapId, ItemKind kind, Intervention intervention,
            String source, String reference, String title, String url, Long competencyId, String competencyTitle,
            Integer levelRank, String levelTitle,
            List<String> languages, DeliveryMode mode, Integer hours, BigDecimal costAmount, String costCurrency,
            LocalDate startsOn, LocalDate dueOn, String owner, Long ownerPersonId, String ownerName, String reason,
            int evidenceCount, boolean addedLater, ItemStatus status, int progress, boolean overdue,
            LocalDate completedOn) {}

    public record GapView(long id, int position, long competencyId, String code, String title, Integer currentRank,
            String currentTitle, int targetRank, String targetTitle, Integer gap, int weight, Integer peopleCount,
            String objective, boolean covered, Integer reassessedRank, String reassessedTitle, boolean closed,
            List<ItemView> items, List<BarrierView> barriers) {

        /** The people count is known but under the small-numbers threshold: shown as "fewer than 5". */
        public boolean fewPeople() {
            return peopleCount != null && peopleCount < PEOPLE_THRESHOLD;
        }
    }

    public record ExpectationView(long id, String participant, String expectations, String motivations,
            Instant submittedAt) {}

    public record TransitionView(PlanState from, PlanState to, String actor, Instant at, String note) {}

    /** @param subject the current user is the person a person's plan is for (they share it or take it back) */
    public record Permissions(boolean edit, boolean agree, boolean report, boolean expect, boolean lifecycle,
            boolean subject) {}

    public record PlanView(long id, String title, long organisationId, String organisationName, Long personId,
            String personName, PlanState state, List<String> languages, List<DeliveryMode> modes,
            Integer maxHoursPerMonth, BigDecimal maxCost, String currency, LocalDate deadline, Long assessmentId,
            Long targetProfileId, String targetDescription, Long templateId, String agreedBy, Instant agreedAt,
            Long reassessmentId, boolean demo, List<GapView> gaps, List<ItemView> otherItems,
            List<ExpectationView> expectations, List<TransitionView> history, Permissions can, int overdue,
            int progress, int uncovered, int closed, List<Option> people, long version, Instant updatedAt,
            Long selfAssessmentId, boolean shared, String reviewerName, boolean reviewerSigns) {

        public boolean reassessed() {
            return reassessmentId != null;
        }
    }

    public record Summary(long id, String title, long organisationId, String organisationName, String personName,
            PlanState state, int gaps, int uncovered, int items, int progress, int overdue, boolean demo,
            Instant updatedAt, Long personId) {}

    /** "My plan": the versions the current user self-assessed (to plan from) and their own plans. */
    public record MyPlanning(List<Option> versions, List<Summary> plans) {}

    /**
     * A person's own gaps from their latest submitted self-assessment of a version, ordered by priority.
     *
     * @param organisationId the person's organisation (their plan belongs to it), or null when none: no plan then
     * @param raterName      the rater they named on the self-assessment, who will review the plan once shared
     * @param raterSigns     that rater was named as their supervisor, and so signs off; otherwise the focal points
     * @param languages      the person's languages that plans can be made in (the default for their plan)
     */
    public record PersonGapsView(long personId, String personName, long frameworkVersionId, String frameworkTitle,
            long selfAssessmentId, Instant submittedAt, Long targetProfileId, String targetDescription,
            List<GapRow> gaps, List<GapRow> met, Long organisationId, String organisationName, String raterName,
            boolean raterSigns, List<String> languages) {}

    /** One row of the unmet demand list: uncovered gaps of one competency, language set and level. */
    public record DemandRow(long competencyId, String competency, String framework, String languages, int levelRank,
            String level, int organisations, int people, int plans) {}

    public record TemplateView(long id, String name, String description, List<String> languages, int gaps,
            int items, String createdBy, Instant createdAt, List<String> competencies) {}

    public record RunView(long id, long templateId, String state, int total, int done, int failed, int percent,
            Instant startedAt, Instant finishedAt) {}
}
