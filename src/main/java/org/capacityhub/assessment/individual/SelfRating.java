package org.capacityhub.assessment.individual;

import java.util.ArrayList;
import java.util.List;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/** The rating of one competency in a self-assessment: the person's own, and the named rater's beside it. */
@Embeddable
public class SelfRating {

    /** The competency's place in the version's tree order (also keeps an unrated row from reading as null). */
    @Column(name = "position", nullable = false)
    private int position;

    @Column(name = "level_id")
    private Long levelId;

    @Column(name = "self_comment")
    private String comment;

    /** Evidence links, one per line. */
    @Column(name = "evidence")
    private String evidence;

    @Column(name = "rater_level_id")
    private Long raterLevelId;

    @Column(name = "rater_comment")
    private String raterComment;

    protected SelfRating() {}

    static SelfRating empty(int position) {
        SelfRating r = new SelfRating();
        r.position = position;
        return r;
    }

    public int getPosition() { return position; }

    void rate(Long levelId, String comment, List<String> evidence) {
        this.levelId = levelId;
        this.comment = comment;
        this.evidence = evidence.isEmpty() ? null : String.join("\n", evidence);
    }

    void rateAsRater(Long levelId, String comment) {
        this.raterLevelId = levelId;
        this.raterComment = comment;
    }

    public Long getLevelId() { return levelId; }
    public String getComment() { return comment; }
    public Long getRaterLevelId() { return raterLevelId; }
    public String getRaterComment() { return raterComment; }

    public List<String> getEvidence() {
        return evidence == null || evidence.isBlank() ? List.of() : new ArrayList<>(List.of(evidence.split("\n")));
    }
}
