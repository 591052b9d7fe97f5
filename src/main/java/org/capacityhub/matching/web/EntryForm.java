package org.capacityhub.matching.web;

import java.util.HashSet;
import java.util.Set;

/** One competency of a profile. */
public class EntryForm {
    private Long competencyId;
    private Integer knowsRank;
    private Integer wantsRank;
    private Set<String> roles = new HashSet<>();
    private Integer offerHours;
    private Set<String> formats = new HashSet<>();

    public Long getCompetencyId() { return competencyId; }
    public void setCompetencyId(Long competencyId) { this.competencyId = competencyId; }
    public Integer getKnowsRank() { return knowsRank; }
    public void setKnowsRank(Integer knowsRank) { this.knowsRank = knowsRank; }
    public Integer getWantsRank() { return wantsRank; }
    public void setWantsRank(Integer wantsRank) { this.wantsRank = wantsRank; }
    public Set<String> getRoles() { return roles; }
    public void setRoles(Set<String> roles) { this.roles = roles; }
    public Integer getOfferHours() { return offerHours; }
    public void setOfferHours(Integer offerHours) { this.offerHours = offerHours; }
    public Set<String> getFormats() { return formats; }
    public void setFormats(Set<String> formats) { this.formats = formats; }
}
