package org.capacityhub.matching.web;

import java.util.ArrayList;
import java.util.List;

/** The request form. */
public class RequestForm {
    private Long organisationId;
    private String title;
    private String description;
    private List<Long> competencyIds = new ArrayList<>();
    private Integer targetRank;
    private String languages;
    private String timeZone;
    private String format;
    private String urgency = "NORMAL";
    private Long assessmentId;
    private String q;

    public Long getOrganisationId() { return organisationId; }
    public void setOrganisationId(Long organisationId) { this.organisationId = organisationId; }
    public String getTitle() { return title; }
    public void setTitle(String title) { this.title = title; }
    public String getDescription() { return description; }
    public void setDescription(String description) { this.description = description; }
    public List<Long> getCompetencyIds() { return competencyIds; }
    public void setCompetencyIds(List<Long> competencyIds) { this.competencyIds = competencyIds; }
    public Integer getTargetRank() { return targetRank; }
    public void setTargetRank(Integer targetRank) { this.targetRank = targetRank; }
    public String getLanguages() { return languages; }
    public void setLanguages(String languages) { this.languages = languages; }
    public String getTimeZone() { return timeZone; }
    public void setTimeZone(String timeZone) { this.timeZone = timeZone; }
    public String getFormat() { return format; }
    public void setFormat(String format) { this.format = format; }
    public String getUrgency() { return urgency; }
    public void setUrgency(String urgency) { this.urgency = urgency; }
    public Long getAssessmentId() { return assessmentId; }
    public void setAssessmentId(Long assessmentId) { this.assessmentId = assessmentId; }
    public String getQ() { return q; }
    public void setQ(String q) { this.q = q; }
}
