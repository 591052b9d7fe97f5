package org.capacityhub.directory.person;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.capacityhub.directory.organisation.Organisation;
import org.capacityhub.platform.Countries;
import org.capacityhub.platform.InvalidInputException;

/**
 * A person of the directory: a civil servant, mentor, facilitator, coordinator. Their self-declared gender is
 * kept only with their consent and used only in aggregate equity reports; it is never shown to others.
 */
@Entity
@Table(name = "person")
public class Person {

    public static final int MAX_NAME = 200;
    public static final int MAX_EMAIL = 254;
    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");
    private static final Pattern LANGUAGE = Pattern.compile("^[a-z]{2,3}$");

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "full_name", nullable = false, length = MAX_NAME)
    private String fullName;

    private String email;

    @Column(name = "position_title")
    private String positionTitle;

    @Enumerated(EnumType.STRING)
    @Column(name = "role_family")
    private RoleFamily roleFamily;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "organisation_id")
    private Organisation organisation;

    @Column(name = "country_code")
    private String countryCode;

    private String region;

    /** ISO 639 codes, comma separated, in the person's order of preference. */
    private String languages;

    @Column(name = "time_zone")
    private String timeZone;

    private String gender;

    @Column(name = "gender_consent")
    private boolean genderConsent;

    private boolean demo;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Version
    private long version;

    protected Person() {}

    public Person(String fullName, String email, Organisation organisation) {
        this.createdAt = Instant.now();
        rename(fullName);
        changeEmail(email);
        this.organisation = organisation;
    }

    public void rename(String fullName) {
        String trimmed = fullName == null ? "" : fullName.strip();
        if (trimmed.isEmpty()) {
            throw new InvalidInputException("fullName", "person.name.required", "The name is required.");
        }
        if (trimmed.length() > MAX_NAME) {
            throw new InvalidInputException("fullName", "person.name.tooLong",
                    "The name is longer than " + MAX_NAME + " characters.", MAX_NAME);
        }
        this.fullName = trimmed;
    }

    /** Sets the e-mail address, normalised to lower case; uniqueness is checked by the directory service. */
    public void changeEmail(String email) {
        this.email = normaliseEmail(email);
    }

    public static String normaliseEmail(String email) {
        if (email == null || email.isBlank()) {
            return null;
        }
        String trimmed = email.strip().toLowerCase(Locale.ROOT);
        if (trimmed.length() > MAX_EMAIL || !EMAIL.matcher(trimmed).matches()) {
            throw new InvalidInputException("email", "person.email.invalid", "This is not a valid e-mail address.");
        }
        return trimmed;
    }

    public void describeRole(String positionTitle, RoleFamily roleFamily, Organisation organisation) {
        this.positionTitle = limit(positionTitle, 200, "positionTitle");
        this.roleFamily = roleFamily;
        this.organisation = organisation;
    }

    public void locate(String countryCode, String region, List<String> languages, String timeZone) {
        this.countryCode = countryCode == null || countryCode.isBlank() ? null : Countries.require(countryCode);
        this.region = limit(region, 100, "region");
        Set<String> codes = new LinkedHashSet<>();
        for (String language : languages == null ? List.<String>of() : languages) {
            String code = language == null ? "" : language.strip().toLowerCase(Locale.ROOT);
            if (code.isEmpty()) {
                continue;
            }
            if (!LANGUAGE.matcher(code).matches()) {
                throw new InvalidInputException("languages", "person.language.invalid",
                        "Give languages as ISO 639 codes, such as en, fr or sw.");
            }
            codes.add(code);
        }
        String joined = String.join(",", codes);
        if (joined.length() > 200) {
            throw new InvalidInputException("languages", "person.languages.tooMany", "Too many languages.");
        }
        this.languages = joined.isEmpty() ? null : joined;
        if (timeZone == null || timeZone.isBlank()) {
            this.timeZone = null;
        } else {
            try {
                this.timeZone = ZoneId.of(timeZone.strip()).getId();
            } catch (DateTimeException e) {
                throw new InvalidInputException("timeZone", "person.timeZone.invalid",
                        "Choose a time zone such as Africa/Nairobi.");
            }
        }
    }

    /** Records the self-declared gender only with consent; withdrawing consent erases it. */
    public void declareGender(boolean consent, String gender) {
        this.genderConsent = consent;
        this.gender = consent ? limit(gender, 30, "gender") : null;
    }

    public void markAsDemo() {
        this.demo = true;
    }

    private static String limit(String value, int max, String field) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String trimmed = value.strip();
        if (trimmed.length() > max) {
            throw new InvalidInputException(field, "field.tooLong", "This is longer than " + max + " characters.", max);
        }
        return trimmed;
    }

    public Long getId() { return id; }
    public String getFullName() { return fullName; }
    public String getEmail() { return email; }
    public String getPositionTitle() { return positionTitle; }
    public RoleFamily getRoleFamily() { return roleFamily; }
    public Organisation getOrganisation() { return organisation; }
    public String getCountryCode() { return countryCode; }
    public String getRegion() { return region; }
    public String getTimeZone() { return timeZone; }
    public String getGender() { return gender; }
    public boolean isGenderConsent() { return genderConsent; }
    public boolean isDemo() { return demo; }
    public long getVersion() { return version; }

    public List<String> getLanguages() {
        return languages == null ? List.of() : Arrays.asList(languages.split(","));
    }
}
