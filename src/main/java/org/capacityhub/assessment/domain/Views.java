package org.capacityhub.assessment.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** What pages and the API show of assessments: plain records, loaded inside a transaction. */
public final class Views {

    private Views() {}

    public record Summary(long id, long organisationId, String organisationName, String frameworkTitle,
            LocalDate heldOn, AssessmentState state, int rated, int sections, boolean demo) {}

    public record Detail(long id, long organisationId, String organisationName, long frameworkVersionId,
            String frameworkTitle, String frameworkVersionLabel, AssessmentState state, LocalDate heldOn,
            Delivery delivery, String place, String purpose, List<PersonRef> facilitators,
            List<ParticipantView> participants, List<SectionView> sections, List<LevelView> levels,
            List<TransitionView> history, Instant submittedAt, Instant validatedAt, String validatedBy,
            String reopenReason, Permissions can, boolean demo) {

        public int rated() {
            return (int) sections.stream().filter(s -> s.levelId() != null).count();
        }

        /** Levels from the highest down, as the benchmark columns show them. */
        public List<LevelView> levelsHighestFirst() {
            List<LevelView> copy = new java.util.ArrayList<>(levels);
            java.util.Collections.reverse(copy);
            return copy;
        }

        public boolean editable() {
            return state.isEditable();
        }
    }

    public record PersonRef(long id, String name) {}

    public record ParticipantView(String fullName, String positionTitle, boolean consentRecorded) {}

    public record LevelView(long id, int rank, String code, String title, String description) {}

    public record SectionView(int number, long competencyId, String code, String title, String description,
            Long levelId, String levelTitle, Integer levelRank, String notes, List<String> evidence,
            Confidence confidence, List<BarrierView> barriers, long version, Instant updatedAt, String updatedBy) {

        public boolean rated() {
            return levelId != null;
        }

        public boolean hasBarrier(BarrierKind kind) {
            return barriers.stream().anyMatch(b -> b.kind() == kind);
        }

        public String barrierDescription(BarrierKind kind) {
            return barriers.stream().filter(b -> b.kind() == kind).map(BarrierView::description)
                    .filter(d -> d != null).findFirst().orElse("");
        }

        public String evidenceText() {
            return String.join("\n", evidence);
        }
    }

    public record BarrierView(BarrierKind kind, String description) {}

    public record TransitionView(AssessmentState from, AssessmentState to, String actor, Instant at, String reason) {}

    /** What the current user may do with the assessment. */
    public record Permissions(boolean edit, boolean submit, boolean validate, boolean reopen) {}

    /** One row of a section's benchmark table: a competency and its statements per level (highest level first). */
    public record DescriptorRow(String code, String title, List<List<String>> statementsPerLevel) {}

    /**
     * The facilitator's screen for one section.
     *
     * @param subject             the section's subject or alternative label, e.g. "(Agile Methodology)" (may be null)
     * @param supportingQuestions questions that help the group discuss the section, in order
     * @param guide               the framework version's facilitation guide (null when it has none)
     */
    public record SectionScreen(Detail assessment, SectionView section, List<DescriptorRow> descriptors,
            List<CompetencyView> competencies, int total, String subject, List<String> supportingQuestions,
            org.capacityhub.framework.Frameworks.FacilitationGuide guide) {

        public boolean hasPrevious() {
            return section.number() > 1;
        }

        public boolean hasNext() {
            return section.number() < total;
        }
    }

    /** A competency inside a section (e.g. the competencies of a UNESCO domain). */
    public record CompetencyView(String code, String title, String description, int depth) {}

    /** What the creation form offers. */
    public record CreateOptions(List<Option> organisations, List<Option> frameworks, List<Option> people) {}

    public record Option(long id, String label) {}
}
