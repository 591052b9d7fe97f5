package org.capacityhub.planning;

import java.time.LocalDate;
import java.util.Set;

/**
 * One activity a source suggests for a gap.
 *
 * @param source        the {@link SuggestionSource#key()} of the source
 * @param kind          what the activity is
 * @param reference     the activity's stable id within its source (e.g. {@code resource/42}); with the source it
 *                      identifies the activity in a plan
 * @param title         its title, in the user's language where the source has it
 * @param url           where to see it in the platform (a path such as {@code /library/resources/42})
 * @param competencyId  the competency it is tagged with: one of the request's competencies
 * @param levelRank     its level as a rank on that competency's scale (for helpers: the helper's level); null
 *                      when made for all levels
 * @param languages     ISO 639-1 codes of the languages it is available in
 * @param mode          how it is delivered
 * @param hoursPerMonth the effort it asks per month (or in all, for a one-off activity); null when unknown
 * @param cost          its cost per participant; null when unknown
 * @param startsOn      when it starts, for scheduled activities (events, courses); null when available any time
 * @param reason        why it fits, in words, in the user's language
 * @param score         the source's own relevance score, 0 to 1, for ordering within the source
 */
public record Suggestion(String source, SuggestionKind kind, String reference, String title, String url,
        long competencyId, Integer levelRank, Set<String> languages, DeliveryMode mode, Integer hoursPerMonth,
        Cost cost, LocalDate startsOn, String reason, double score) {

    public Suggestion {
        languages = Set.copyOf(languages);
    }

    /** Whether this activity is a person or organisation who helps, rather than content or an event. */
    public boolean helper() {
        return kind == SuggestionKind.MENTOR || kind == SuggestionKind.PEER;
    }
}
