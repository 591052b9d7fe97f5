package org.capacityhub.matching.web;

/** Where and how a profile's owner works, and who may see the profile. */
public class SettingsForm {
    private String languages;
    private String countryCode;
    private String timeZone;
    private String visibility;

    public String getLanguages() { return languages; }
    public void setLanguages(String languages) { this.languages = languages; }
    public String getCountryCode() { return countryCode; }
    public void setCountryCode(String countryCode) { this.countryCode = countryCode; }
    public String getTimeZone() { return timeZone; }
    public void setTimeZone(String timeZone) { this.timeZone = timeZone; }
    public String getVisibility() { return visibility; }
    public void setVisibility(String visibility) { this.visibility = visibility; }
}
