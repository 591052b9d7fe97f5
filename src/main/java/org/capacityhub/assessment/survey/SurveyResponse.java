package org.capacityhub.assessment.survey;

import java.util.ArrayList;
import java.util.List;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embeddable;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;

/**
 * One respondent's answers: the group and a level (and optional comment) per section. Deliberately nothing else:
 * no time, no link, no address, no account. Left out of the audit log, whose entries carry a time.
 */
@Entity
@org.capacityhub.platform.AuditIgnored
@Table(name = "assessment_survey_response")
public class SurveyResponse {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "survey_id", nullable = false)
    private long surveyId;

    @Column(name = "group_id", nullable = false)
    private long groupId;

    @ElementCollection
    @CollectionTable(name = "assessment_survey_answer", joinColumns = @JoinColumn(name = "response_id"))
    private List<Answer> answers = new ArrayList<>();

    @Embeddable
    public static class Answer {
        @Column(name = "competency_id", nullable = false)
        private long competencyId;
        @Column(name = "level_id", nullable = false)
        private long levelId;
        @Column(name = "comment_text")
        private String comment;

        protected Answer() {}

        Answer(long competencyId, long levelId, String comment) {
            this.competencyId = competencyId;
            this.levelId = levelId;
            this.comment = comment;
        }

        public long getCompetencyId() { return competencyId; }
        public long getLevelId() { return levelId; }
        public String getComment() { return comment; }
    }

    protected SurveyResponse() {}

    SurveyResponse(long surveyId, long groupId, List<Answer> answers) {
        this.surveyId = surveyId;
        this.groupId = groupId;
        this.answers.addAll(answers);
    }

    public long getSurveyId() { return surveyId; }
    public long getGroupId() { return groupId; }
    public List<Answer> getAnswers() { return answers; }
}
