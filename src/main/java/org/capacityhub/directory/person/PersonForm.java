package org.capacityhub.directory.person;

import java.util.Arrays;
import java.util.List;

/** The person form of the pages (languages as comma-separated ISO 639 codes). */
public class PersonForm {

    private String fullName;
    private String email;
    private String positionTitle;
    private RoleFamily roleFamily;
    private Long organisationId;
    private String countryCode;
    private String region;
    private String languages;
    private String timeZone;
    private Long version;

    static PersonForm of(Person p) {
        PersonForm form = new PersonForm();
        form.fullName = p.getFullName();
        form.email = p.getEmail();
        form.positionTitle = p.getPositionTitle();
        form.roleFamily = p.getRoleFamily();
        form.organisationId = p.getOrganisation() == null ? null : p.getOrganisation().getId();
        form.countryCode = p.getCountryCode();
        form.region = p.getRegion();
        form.languages = String.join(", ", p.getLanguages());
        form.timeZone = p.getTimeZone();
        form.version = p.getVersion();
        return form;
    }

    PersonService.Command command() {
        List<String> codes = languages == null ? List.of() : Arrays.stream(languages.split("[,;\\s]+")).toList();
        return new PersonService.Command(fullName, email, positionTitle, roleFamily, organisationId, countryCode,
                region, codes, timeZone);
    }

    public String getFullName() { return fullName; }
    public void setFullName(String fullName) { this.fullName = fullName; }
    public String getEmail() { return email; }
    public void setEmail(String email) { this.email = email; }
    public String getPositionTitle() { return positionTitle; }
    public void setPositionTitle(String positionTitle) { this.positionTitle = positionTitle; }
    public RoleFamily getRoleFamily() { return roleFamily; }
    public void setRoleFamily(RoleFamily roleFamily) { this.roleFamily = roleFamily; }
    public Long getOrganisationId() { return organisationId; }
    public void setOrganisationId(Long organisationId) { this.organisationId = organisationId; }
    public String getCountryCode() { return countryCode; }
    public void setCountryCode(String countryCode) { this.countryCode = countryCode; }
    public String getRegion() { return region; }
    public void setRegion(String region) { this.region = region; }
    public String getLanguages() { return languages; }
    public void setLanguages(String languages) { this.languages = languages; }
    public String getTimeZone() { return timeZone; }
    public void setTimeZone(String timeZone) { this.timeZone = timeZone; }
    public Long getVersion() { return version; }
    public void setVersion(Long version) { this.version = version; }
}
