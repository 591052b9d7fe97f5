package org.capacityhub.assessment.individual;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The ratings of one page as typed: per competency id, a level, a comment and evidence links (one per line). */
public class RatingsForm {

    public static class Rating {
        private Long levelId;
        private String comment;
        private String evidence;

        public Long getLevelId() { return levelId; }
        public void setLevelId(Long levelId) { this.levelId = levelId; }
        public String getComment() { return comment; }
        public void setComment(String comment) { this.comment = comment; }
        public String getEvidence() { return evidence; }
        public void setEvidence(String evidence) { this.evidence = evidence; }
    }

    private Map<Long, Rating> ratings = new LinkedHashMap<>();
    private String action;

    public Map<Long, Rating> getRatings() { return ratings; }
    public void setRatings(Map<Long, Rating> ratings) { this.ratings = ratings; }
    public String getAction() { return action; }
    public void setAction(String action) { this.action = action; }

    /** The typed ratings as the domain takes them. */
    Map<Long, RatingInput> input() {
        Map<Long, RatingInput> input = new LinkedHashMap<>();
        ratings.forEach((id, r) -> input.put(id, r == null ? new RatingInput(null, null, null)
                : new RatingInput(r.getLevelId(), r.getComment(), r.getEvidence() == null ? List.of()
                        : Arrays.stream(r.getEvidence().split("\\R")).map(String::strip).filter(s -> !s.isEmpty())
                                .toList())));
        return input;
    }
}
