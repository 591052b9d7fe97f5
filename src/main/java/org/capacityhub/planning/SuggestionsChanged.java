package org.capacityhub.planning;

import java.util.Set;

/**
 * Published (as a Spring application event) by a {@link SuggestionSource} when it has new activities for some
 * competencies, e.g. a library resource was published: plans whose gaps were uncovered for those competencies ask
 * again and get them as new suggestions.
 *
 * @param source       the source's key
 * @param competencyIds the competencies the new activities are tagged with
 */
public record SuggestionsChanged(String source, Set<Long> competencyIds) {

    public SuggestionsChanged {
        competencyIds = Set.copyOf(competencyIds);
    }
}
