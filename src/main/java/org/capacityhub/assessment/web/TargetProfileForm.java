package org.capacityhub.assessment.web;

import java.util.LinkedHashMap;
import java.util.Map;

/** The target profile form: name, scope, and one target level per section (blank for none). */
public class TargetProfileForm {

    private Long frameworkVersionId;
    private String name;
    private String organisationType;
    private String positionTitle;
    private Map<Long, Long> levels = new LinkedHashMap<>();
    private Map<Long, Integer> weights = new LinkedHashMap<>();

    public Long getFrameworkVersionId() { return frameworkVersionId; }
    public void setFrameworkVersionId(Long frameworkVersionId) { this.frameworkVersionId = frameworkVersionId; }
    public String getName() { return name; }
    public void setName(String name) { this.name = name; }
    public String getOrganisationType() { return organisationType; }
    public void setOrganisationType(String organisationType) { this.organisationType = organisationType; }
    public String getPositionTitle() { return positionTitle; }
    public void setPositionTitle(String positionTitle) { this.positionTitle = positionTitle; }
    public Map<Long, Long> getLevels() { return levels; }
    public void setLevels(Map<Long, Long> levels) { this.levels = levels; }
    public Map<Long, Integer> getWeights() { return weights; }
    public void setWeights(Map<Long, Integer> weights) { this.weights = weights; }
}
