package org.capacityhub.directory.organisation;

/** The organisation form of the pages. */
public class OrganisationForm {

    private String name;
    private String acronym;
    private OrganisationType type;
    private String countryCode;
    private Long parentId;
    private String description;
    private String website;
    private Long version;

    static OrganisationForm of(Organisation o) {
        OrganisationForm form = new OrganisationForm();
        form.name = o.getName();
        form.acronym = o.getAcronym();
        form.type = o.getType();
        form.countryCode = o.getCountryCode();
        form.parentId = o.getParent() == null ? null : o.getParent().getId();
        form.description = o.getDescription();
        form.website = o.getWebsite();
        form.version = o.getVersion();
        return form;
    }

    OrganisationService.Command command() {
        return new OrganisationService.Command(name, acronym, type, countryCode, parentId, description, website);
    }

    public String getName() { return name; }
    public void setName(String name) { this.name = name; }
    public String getAcronym() { return acronym; }
    public void setAcronym(String acronym) { this.acronym = acronym; }
    public OrganisationType getType() { return type; }
    public void setType(OrganisationType type) { this.type = type; }
    public String getCountryCode() { return countryCode; }
    public void setCountryCode(String countryCode) { this.countryCode = countryCode; }
    public Long getParentId() { return parentId; }
    public void setParentId(Long parentId) { this.parentId = parentId; }
    public String getDescription() { return description; }
    public void setDescription(String description) { this.description = description; }
    public String getWebsite() { return website; }
    public void setWebsite(String website) { this.website = website; }
    public Long getVersion() { return version; }
    public void setVersion(Long version) { this.version = version; }
}
