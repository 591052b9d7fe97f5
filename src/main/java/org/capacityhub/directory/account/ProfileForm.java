package org.capacityhub.directory.account;

import java.util.Arrays;
import java.util.List;

import org.capacityhub.directory.person.Person;
import org.capacityhub.directory.person.RoleFamily;

/** The profile page's form: the signed-in person's own details and preferences. */
public class ProfileForm {

    /** Self-declared gender, as codes so that aggregate equity reports can count them. */
    public static final List<String> GENDERS = List.of("WOMAN", "MAN", "NON_BINARY", "SELF_DESCRIBED");
    public static final List<String> LOCALES = List.of("en", "fr");

    private String fullName;
    private String positionTitle;
    private RoleFamily roleFamily;
    private String countryCode;
    private String region;
    private String languages;
    private String timeZone;
    private String preferredLocale;
    private boolean genderConsent;
    private String gender;

    static ProfileForm of(UserAccount account) {
        Person p = account.getPerson();
        ProfileForm form = new ProfileForm();
        form.fullName = p.getFullName();
        form.positionTitle = p.getPositionTitle();
        form.roleFamily = p.getRoleFamily();
        form.countryCode = p.getCountryCode();
        form.region = p.getRegion();
        form.languages = String.join(", ", p.getLanguages());
        form.timeZone = p.getTimeZone();
        form.preferredLocale = account.getPreferredLocale() == null ? "" : account.getPreferredLocale();
        form.genderConsent = p.isGenderConsent();
        form.gender = p.getGender();
        return form;
    }

    List<String> languageList() {
        return languages == null ? List.of() : Arrays.stream(languages.split("[,;\\s]+")).filter(s -> !s.isBlank()).toList();
    }

    public String getFullName() { return fullName; }
    public void setFullName(String fullName) { this.fullName = fullName; }
    public String getPositionTitle() { return positionTitle; }
    public void setPositionTitle(String positionTitle) { this.positionTitle = positionTitle; }
    public RoleFamily getRoleFamily() { return roleFamily; }
    public void setRoleFamily(RoleFamily roleFamily) { this.roleFamily = roleFamily; }
    public String getCountryCode() { return countryCode; }
    public void setCountryCode(String countryCode) { this.countryCode = countryCode; }
    public String getRegion() { return region; }
    public void setRegion(String region) { this.region = region; }
    public String getLanguages() { return languages; }
    public void setLanguages(String languages) { this.languages = languages; }
    public String getTimeZone() { return timeZone; }
    public void setTimeZone(String timeZone) { this.timeZone = timeZone; }
    public String getPreferredLocale() { return preferredLocale; }
    public void setPreferredLocale(String preferredLocale) { this.preferredLocale = preferredLocale; }
    public boolean isGenderConsent() { return genderConsent; }
    public void setGenderConsent(boolean genderConsent) { this.genderConsent = genderConsent; }
    public String getGender() { return gender; }
    public void setGender(String gender) { this.gender = gender; }
}
