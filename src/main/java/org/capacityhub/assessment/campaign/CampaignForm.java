package org.capacityhub.assessment.campaign;

import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.Set;

import org.springframework.format.annotation.DateTimeFormat;

/** The campaign launch form. */
public class CampaignForm {

    private String name;
    private Long frameworkVersionId;
    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
    private LocalDate deadline;
    private Set<Long> organisationIds = new LinkedHashSet<>();
    private Set<Long> personIds = new LinkedHashSet<>();

    public String getName() { return name; }
    public void setName(String name) { this.name = name; }
    public Long getFrameworkVersionId() { return frameworkVersionId; }
    public void setFrameworkVersionId(Long frameworkVersionId) { this.frameworkVersionId = frameworkVersionId; }
    public LocalDate getDeadline() { return deadline; }
    public void setDeadline(LocalDate deadline) { this.deadline = deadline; }
    public Set<Long> getOrganisationIds() { return organisationIds; }
    public void setOrganisationIds(Set<Long> organisationIds) { this.organisationIds = organisationIds; }
    public Set<Long> getPersonIds() { return personIds; }
    public void setPersonIds(Set<Long> personIds) { this.personIds = personIds; }
}
