package org.capacityhub.directory.organisation;

import java.time.Instant;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.JoinTable;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.capacityhub.directory.person.Person;
import org.capacityhub.platform.Countries;
import org.capacityhub.platform.InvalidInputException;

/** A ministry, agency, department, NGO, affiliate, university, training centre or company; nested to any depth. */
@Entity
@Table(name = "organisation")
public class Organisation {

    public static final int MAX_NAME = 200;
    public static final int MAX_ACRONYM = 30;
    public static final int MAX_DESCRIPTION = 4000;
    public static final int MAX_WEBSITE = 500;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, length = MAX_NAME)
    private String name;

    private String acronym;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private OrganisationType type;

    @Column(name = "country_code", nullable = false, length = 2)
    private String countryCode;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "parent_id")
    private Organisation parent;

    private String description;

    private String website;

    private boolean demo;

    /** The people who manage this organisation (and its units) on the platform. */
    @ManyToMany
    @JoinTable(name = "organisation_focal_point", joinColumns = @JoinColumn(name = "organisation_id"),
            inverseJoinColumns = @JoinColumn(name = "person_id"))
    private Set<Person> focalPoints = new HashSet<>();

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Version
    private long version;

    protected Organisation() {}

    public Organisation(String name, OrganisationType type, String countryCode) {
        this.createdAt = Instant.now();
        rename(name, null);
        this.type = requireType(type);
        this.countryCode = Countries.require(countryCode);
    }

    public void rename(String name, String acronym) {
        String trimmed = name == null ? "" : name.strip();
        if (trimmed.isEmpty()) {
            throw new InvalidInputException("name", "organisation.name.required", "The name is required.");
        }
        if (trimmed.length() > MAX_NAME) {
            throw new InvalidInputException("name", "organisation.name.tooLong",
                    "The name is longer than " + MAX_NAME + " characters.", MAX_NAME);
        }
        this.name = trimmed;
        this.acronym = limit(acronym, MAX_ACRONYM, "acronym");
    }

    public void describe(OrganisationType type, String countryCode, String description, String website) {
        this.type = requireType(type);
        this.countryCode = Countries.require(countryCode);
        this.description = limit(description, MAX_DESCRIPTION, "description");
        String site = limit(website, MAX_WEBSITE, "website");
        if (site != null && !site.matches("(?i)^https?://[^\\s]+$")) {
            throw new InvalidInputException("website", "organisation.website.invalid",
                    "Give the website as an address starting with https:// or http://.");
        }
        this.website = site;
    }

    private static OrganisationType requireType(OrganisationType type) {
        if (type == null) {
            throw new InvalidInputException("type", "organisation.type.required", "Choose the kind of organisation.");
        }
        return type;
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

    /** Places this organisation under {@code newParent} (or at the top), refusing cycles. */
    public void moveUnder(Organisation newParent) {
        // Getters, not fields: ancestors may be lazy proxies, whose own fields are empty.
        Set<Long> seen = new HashSet<>();
        for (Organisation o = newParent; o != null; o = o.getParent()) {
            Long ancestorId = o.getId();
            if (o == this || (id != null && id.equals(ancestorId))
                    || (ancestorId != null && !seen.add(ancestorId))) {
                throw new InvalidInputException("parentId", "organisation.parent.cycle",
                        "An organisation cannot be placed under itself or one of its own units.");
            }
        }
        this.parent = newParent;
    }

    public void addFocalPoint(Person person) {
        focalPoints.add(java.util.Objects.requireNonNull(person, "person"));
    }

    public void removeFocalPoint(Person person) {
        focalPoints.remove(person);
    }

    public Set<Person> getFocalPoints() {
        return java.util.Collections.unmodifiableSet(focalPoints);
    }

    public void markAsDemo() {
        this.demo = true;
    }

    public Long getId() { return id; }
    public String getName() { return name; }
    public String getAcronym() { return acronym; }
    public OrganisationType getType() { return type; }
    public String getCountryCode() { return countryCode; }
    public Organisation getParent() { return parent; }
    public String getDescription() { return description; }
    public String getWebsite() { return website; }
    public boolean isDemo() { return demo; }
    public Instant getCreatedAt() { return createdAt; }
    public long getVersion() { return version; }

    public String getCountryName(Locale locale) {
        return Countries.name(countryCode, locale);
    }
}
