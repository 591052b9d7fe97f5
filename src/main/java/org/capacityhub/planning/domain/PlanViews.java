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
    }

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
            List<ItemView> items, List<BarrierView> barriers) {}

    public record ExpectationView(long id, String participant, String expectations, String motivations,
            Instant submittedAt) {}

    public record TransitionView(PlanState from, PlanState to, String actor, Instant at, String note) {}

    public record Permissions(boolean edit, boolean agree, boolean report, boolean expect, boolean lifecycle) {}

    public record PlanView(long id, String title, long organisationId, String organisationName, Long personId,
            String personName, PlanState state, List<String> languages, List<DeliveryMode> modes,
            Integer maxHoursPerMonth, BigDecimal maxCost, String currency, LocalDate deadline, Long assessmentId,
            Long targetProfileId, String targetDescription, Long templateId, String agreedBy, Instant agreedAt,
            Long reassessmentId, boolean demo, List<GapView> gaps, List<ItemView> otherItems,
            List<ExpectationView> expectations, List<TransitionView> history, Permissions can, int overdue,
            int progress, int uncovered, int closed, List<Option> people, long version, Instant updatedAt) {

        public boolean reassessed() {
            return reassessmentId != null;
        }
    }

    public record Summary(long id, String title, long organisationId, String organisationName, String personName,
            PlanState state, int gaps, int uncovered, int items, int progress, int overdue, boolean demo,
            Instant updatedAt) {}

    /** One row of the unmet demand list: uncovered gaps of one competency, language set and level. */
    public record DemandRow(long competencyId, String competency, String framework, String languages, int levelRank,
            String level, int organisations, int people, int plans) {}

    public record TemplateView(long id, String name, String description, List<String> languages, int gaps,
            int items, String createdBy, Instant createdAt, List<String> competencies) {}

    public record RunView(long id, long templateId, String state, int total, int done, int failed, int percent,
            Instant startedAt, Instant finishedAt) {}
}
