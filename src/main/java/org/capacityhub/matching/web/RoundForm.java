package org.capacityhub.matching.web;

/** A new pairing round. */
public class RoundForm {
    private String title;
    private Long competencyId;
    private Integer mentorCapacity = 3;
    private Integer topK = 10;
    private boolean avoidSameOrganisation = true;

    public String getTitle() { return title; }
    public void setTitle(String title) { this.title = title; }
    public Long getCompetencyId() { return competencyId; }
    public void setCompetencyId(Long competencyId) { this.competencyId = competencyId; }
    public Integer getMentorCapacity() { return mentorCapacity; }
    public void setMentorCapacity(Integer mentorCapacity) { this.mentorCapacity = mentorCapacity; }
    public Integer getTopK() { return topK; }
    public void setTopK(Integer topK) { this.topK = topK; }
    public boolean isAvoidSameOrganisation() { return avoidSameOrganisation; }
    public void setAvoidSameOrganisation(boolean avoidSameOrganisation) { this.avoidSameOrganisation = avoidSameOrganisation; }
}
