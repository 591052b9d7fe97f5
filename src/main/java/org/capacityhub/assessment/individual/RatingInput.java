package org.capacityhub.assessment.individual;

import java.util.List;

/**
 * One competency's rating as typed: a level of the version's scale (null: not rated yet), an optional comment and
 * evidence links (the rater gives only a level and a comment).
 */
public record RatingInput(Long levelId, String comment, List<String> evidence) {

    public RatingInput {
        evidence = evidence == null ? List.of() : evidence;
    }
}
