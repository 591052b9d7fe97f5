package org.capacityhub.matching.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.capacityhub.matching.ranking.CandidateQuery;
import org.capacityhub.matching.ranking.Visibility;
import org.capacityhub.platform.Countries;
import org.capacityhub.platform.InvalidInputException;

/** A person's or an organisation's capacity profile: per competency what they know, offer and want to learn. */
@Entity
@Table(name = "matching_profile")
public class Profile {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "owner_key", nullable = false, unique = true)
    private String ownerKey;

    @Column(name = "owner_kind", nullable = false)
    private String ownerKind;

    @Column(name = "person_id")
    private Long personId;

    @Column(name = "organisation_id")
    private Long organisationId;

    @Column(name = "contact_person_id", nullable = false)
    private long contactPersonId;

    @Column(name = "display_name", nullable = false)
    private String displayName;

    @Column(nullable = false)
    private String languages = "";

    @Column(name = "country_code")
    private String countryCode;

    @Column(name = "time_zone")
    private String timeZone;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Visibility visibility = Visibility.PROGRAMME;

    @Column(name = "committed_hours", nullable = false)
    private int committedHours;

    @Column(name = "rating_sum", nullable = false)
    private int ratingSum;

    @Column(name = "rating_count", nullable = false)
    private int ratingCount;

    private boolean demo;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Version
    private long version;

    @OneToMany(mappedBy = "profile", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("id")
    private List<ProfileEntry> entries = new ArrayList<>();

    protected Profile() {}

    public static Profile ofPerson(long personId, Long organisationId, String name) {
        Profile p = new Profile();
        p.ownerKey = "P:" + personId;
        p.ownerKind = "PERSON";
        p.personId = personId;
        p.organisationId = organisationId;
        p.contactPersonId = personId;
        p.displayName = name;
        p.createdAt = Instant.now();
        return p;
    }

    public static Profile ofOrganisation(long organisationId, String name, long contactPersonId) {
        Profile p = new Profile();
        p.ownerKey = "O:" + organisationId;
        p.ownerKind = "ORGANISATION";
        p.organisationId = organisationId;
        p.contactPersonId = contactPersonId;
        p.displayName = name;
        p.createdAt = Instant.now();
        return p;
    }

    /** Sets where and how the owner works; languages are ISO 639 codes, preferred first. */
    public void describe(List<String> languages, String countryCode, String timeZone, Visibility visibility) {
        List<String> cleaned = new ArrayList<>();
        for (String l : languages) {
            String code = l == null ? "" : l.strip().toLowerCase(java.util.Locale.ROOT);
            if (code.isEmpty()) {
                continue;
            }
            if (!code.matches("[a-z]{2,3}")) {
                throw new InvalidInputException("languages", "matching.languages.invalid",
                        "Give languages as ISO 639 codes such as en, fr.");
            }
            if (!cleaned.contains(code)) {
                cleaned.add(code);
            }
        }
        if (cleaned.size() > 10) {
            throw new InvalidInputException("languages", "matching.languages.invalid",
                    "Give languages as ISO 639 codes such as en, fr.");
        }
        this.languages = String.join(",", cleaned);
        this.countryCode = countryCode == null || countryCode.isBlank() ? null : Countries.require(countryCode);
        if (timeZone != null && !timeZone.isBlank()) {
            if (CandidateQuery.offsetNow(timeZone.strip()) == null) {
                throw new InvalidInputException("timeZone", "matching.timeZone.invalid",
                        "Give a time zone such as Africa/Nairobi.");
            }
            this.timeZone = timeZone.strip();
        } else {
            this.timeZone = null;
        }
        if (visibility == null) {
            throw new InvalidInputException("visibility", "matching.visibility.required", "Choose who may see it.");
        }
        this.visibility = visibility;
    }

    public void rename(String name) {
        this.displayName = name;
    }

    public void belongTo(Long organisationId) {
        if (personId != null) {
            this.organisationId = organisationId;
        }
    }

    public void changeContact(long personId) {
        this.contactPersonId = personId;
    }

    public Optional<ProfileEntry> entry(long competencyId) {
        return entries.stream().filter(e -> e.getCompetencyId() == competencyId).findFirst();
    }

    public ProfileEntry entryFor(long competencyId, String identifier, int scaleSize, String source) {
        return entry(competencyId).orElseGet(() -> {
            ProfileEntry e = new ProfileEntry(this, competencyId, identifier, scaleSize, source);
            entries.add(e);
            return e;
        });
    }

    public void removeEntry(long competencyId) {
        entries.removeIf(e -> e.getCompetencyId() == competencyId);
    }

    /** Hours a month taken by accepted and active exchanges change. */
    public void commitHours(int delta) {
        committedHours = Math.max(0, committedHours + delta);
    }

    public void rate(int rating) {
        ratingSum += rating;
        ratingCount++;
    }

    public void markAsDemo() {
        demo = true;
    }

    public boolean isOrganisation() {
        return "ORGANISATION".equals(ownerKind);
    }

    public List<String> languageList() {
        return CandidateQuery.split(languages);
    }

    public Long getId() { return id; }
    public String getOwnerKey() { return ownerKey; }
    public Long getPersonId() { return personId; }
    public Long getOrganisationId() { return organisationId; }
    public long getContactPersonId() { return contactPersonId; }
    public String getDisplayName() { return displayName; }
    public String getLanguages() { return languages; }
    public String getCountryCode() { return countryCode; }
    public String getTimeZone() { return timeZone; }
    public Visibility getVisibility() { return visibility; }
    public int getCommittedHours() { return committedHours; }
    public int getRatingSum() { return ratingSum; }
    public int getRatingCount() { return ratingCount; }
    public boolean isDemo() { return demo; }
    public List<ProfileEntry> getEntries() { return entries; }
}
