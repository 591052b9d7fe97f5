package org.capacityhub.assessment.survey;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.capacityhub.platform.AuditRedacted;

/** A single-use link for one respondent of a group: only the SHA-256 hash of its token is kept. */
@Entity
@Table(name = "assessment_survey_link")
public class SurveyLink {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "survey_id", nullable = false)
    private long surveyId;

    @Column(name = "group_id", nullable = false)
    private long groupId;

    @AuditRedacted
    @Column(name = "token_hash", nullable = false)
    private String tokenHash;

    @Column(nullable = false)
    private boolean spent;

    protected SurveyLink() {}

    SurveyLink(long surveyId, long groupId, String tokenHash) {
        this.surveyId = surveyId;
        this.groupId = groupId;
        this.tokenHash = tokenHash;
    }

    public Long getId() { return id; }
    public long getSurveyId() { return surveyId; }
    public long getGroupId() { return groupId; }
    public boolean isSpent() { return spent; }
}
