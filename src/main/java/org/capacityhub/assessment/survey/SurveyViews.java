package org.capacityhub.assessment.survey;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** What survey pages and the API show: plain records; results are already suppressed (see {@link Suppression}). */
public final class SurveyViews {

    private SurveyViews() {}

    public record Summary(long id, String title, long organisationId, String organisationName, String frameworkTitle,
            Long assessmentId, boolean open, LocalDate closesOn, boolean demo) {}

    public record Option(long id, String label) {}

    public record CreateOptions(List<Option> organisations, List<Option> frameworks, Option assessment) {}

    /** What the current user may do with a survey. */
    public record Permissions(boolean manage) {}

    /**
     * One group's participation: its number of respondents, or null when 1 to 4 ({@code fewer}); links issued is
     * not about respondents and always shown.
     */
    public record GroupParticipation(long id, String name, int linksIssued, Integer respondents, boolean fewer) {}

    public record Detail(long id, String title, long organisationId, String organisationName,
            long frameworkVersionId, String frameworkTitle, Long assessmentId, boolean open, LocalDate closesOn,
            Instant closedAt, String closedBy, Instant createdAt, String createdBy, boolean demo,
            List<GroupParticipation> groups, Integer totalRespondents, Permissions can) {}

    /** A link issued once: the token is never stored, only shown now. */
    public record IssuedLink(String group, String url) {}

    // ------------------------------------------------------------------ respondent form

    public record Level(long id, int rank, String title, String description) {}

    public record Descriptor(int rank, List<String> statements) {}

    public record Section(int number, long competencyId, String code, String title, String description,
            List<Descriptor> descriptors) {

        /** The benchmark statements for a level (rank), or an empty list. */
        public List<String> statements(int rank) {
            return descriptors.stream().filter(d -> d.rank() == rank).findFirst().map(Descriptor::statements)
                    .orElse(List.of());
        }
    }

    public record RespondentForm(String surveyTitle, String organisationName, String groupName, List<Level> levels,
            List<Section> sections) {}

    // ------------------------------------------------------------------ results

    /**
     * A group's (or all respondents') figures for one section.
     *
     * @param status  SHOWN (5 or more respondents), FEWER (1 to 4: nothing shown), NONE (no respondent),
     *                WITHHELD (all respondents, hidden because subtracting the groups shown would reveal a small one)
     * @param respondents null unless shown (0 for NONE)
     * @param counts  respondents per level, lowest level first; an element is null when suppressed; empty unless
     *                SHOWN
     * @param median  the median level rank (x.5 between two levels), null unless SHOWN
     */
    public record Figures(String name, String status, Integer respondents, List<Integer> counts, Double median,
            String medianLabel) {

        public boolean shown() {
            return "SHOWN".equals(status);
        }
    }

    /**
     * Whether the groups shown agree on a section: AGREE (medians less than one level apart), DIFFER (one level or
     * more), UNKNOWN (fewer than two groups can be shown).
     */
    public record Agreement(String kind, Double spread, String highestGroups, String highestLabel,
            String lowestGroups, String lowestLabel) {}

    public record GroupComments(String group, List<String> comments) {}

    public record SectionResult(long competencyId, String code, String title, List<Figures> groups, Figures all,
            Agreement agreement, List<GroupComments> comments) {

        /** The groups, then all respondents, as the table's rows. */
        public List<Figures> rows() {
            List<Figures> rows = new java.util.ArrayList<>(groups);
            rows.add(all);
            return rows;
        }
    }

    /**
     * The aggregated results; {@code available} is false (and {@code sections} empty) while the survey is open:
     * figures that change with each response would let a watcher learn one person's answers by difference.
     */
    public record Results(long surveyId, String title, String organisationName, boolean available,
            List<Level> levels, List<SectionResult> sections, int threshold) {}
}
