package org.capacityhub.directory.account;

/** Inviting someone: who, for which organisation, with which roles. */
public class InvitationForm {

    private String email;
    private String fullName;
    private Long organisationId;
    private boolean focalPoint;
    private boolean administrator;

    public String getEmail() { return email; }
    public void setEmail(String email) { this.email = email; }
    public String getFullName() { return fullName; }
    public void setFullName(String fullName) { this.fullName = fullName; }
    public Long getOrganisationId() { return organisationId; }
    public void setOrganisationId(Long organisationId) { this.organisationId = organisationId; }
    public boolean isFocalPoint() { return focalPoint; }
    public void setFocalPoint(boolean focalPoint) { this.focalPoint = focalPoint; }
    public boolean isAdministrator() { return administrator; }
    public void setAdministrator(boolean administrator) { this.administrator = administrator; }
}
