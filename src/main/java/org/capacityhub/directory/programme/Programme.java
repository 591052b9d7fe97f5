package org.capacityhub.directory.programme;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.Collections;
import java.util.HashSet;
import java.util.Set;
import java.util.TreeSet;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.JoinTable;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.capacityhub.directory.organisation.Organisation;
import org.capacityhub.directory.person.Person;
import org.capacityhub.platform.Countries;
import org.capacityhub.platform.InvalidInputException;

/**
 * A funded capacity-building programme or coalition. Its scope is exactly its member organisations: coordinators
 * see and compare those, and no others (not their parents, not their units).
 */
@Entity
@Table(name = "programme")
public class Programme {

    public static final int MAX_NAME = 200;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, length = MAX_NAME)
    private String name;

    private String funder;

    private String description;

    @Column(name = "starts_on")
    private LocalDate startsOn;

    @Column(name = "ends_on")
    private LocalDate endsOn;

    @ElementCollection
    @CollectionTable(name = "programme_country", joinColumns = @JoinColumn(name = "programme_id"))
    @Column(name = "country_code")
    private Set<String> countries = new TreeSet<>();

    @ManyToMany
    @JoinTable(name = "programme_member", joinColumns = @JoinColumn(name = "programme_id"),
            inverseJoinColumns = @JoinColumn(name = "organisation_id"))
    private Set<Organisation> members = new HashSet<>();

    @ManyToMany
    @JoinTable(name = "programme_coordinator", joinColumns = @JoinColumn(name = "programme_id"),
            inverseJoinColumns = @JoinColumn(name = "person_id"))
    private Set<Person> coordinators = new HashSet<>();

    private boolean demo;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Version
    private long version;

    protected Programme() {}

    public Programme(String name) {
        this.createdAt = Instant.now();
        rename(name);
    }

    public void rename(String name) {
        String trimmed = name == null ? "" : name.strip();
        if (trimmed.isEmpty()) {
            throw new InvalidInputException("name", "programme.name.required", "The name is required.");
        }
        if (trimmed.length() > MAX_NAME) {
            throw new InvalidInputException("name", "programme.name.tooLong",
                    "The name is longer than " + MAX_NAME + " characters.", MAX_NAME);
        }
        this.name = trimmed;
    }

    public void describe(String funder, String description, LocalDate startsOn, LocalDate endsOn) {
        if (startsOn != null && endsOn != null && endsOn.isBefore(startsOn)) {
            throw new InvalidInputException("endsOn", "programme.period.invalid", "The end is before the start.");
        }
        this.funder = funder == null || funder.isBlank() ? null : funder.strip();
        if (this.funder != null && this.funder.length() > 200) {
            throw new InvalidInputException("funder", "field.tooLong", "This is longer than 200 characters.", 200);
        }
        this.description = description == null || description.isBlank() ? null : description.strip();
        if (this.description != null && this.description.length() > 4000) {
            throw new InvalidInputException("description", "field.tooLong", "This is longer than 4000 characters.", 4000);
        }
        this.startsOn = startsOn;
        this.endsOn = endsOn;
    }

    public void coverCountries(Collection<String> countryCodes) {
        Set<String> codes = new TreeSet<>();
        for (String code : countryCodes == null ? java.util.List.<String>of() : countryCodes) {
            codes.add(Countries.require(code));
        }
        countries.retainAll(codes);
        countries.addAll(codes);
    }

    public void addMember(Organisation organisation) {
        members.add(organisation);
    }

    public void removeMember(Organisation organisation) {
        members.remove(organisation);
    }

    public void addCoordinator(Person person) {
        coordinators.add(person);
    }

    public void removeCoordinator(Person person) {
        coordinators.remove(person);
    }

    public void markAsDemo() {
        this.demo = true;
    }

    public Long getId() { return id; }
    public String getName() { return name; }
    public String getFunder() { return funder; }
    public String getDescription() { return description; }
    public LocalDate getStartsOn() { return startsOn; }
    public LocalDate getEndsOn() { return endsOn; }
    public Set<String> getCountries() { return Collections.unmodifiableSet(countries); }
    public Set<Organisation> getMembers() { return Collections.unmodifiableSet(members); }
    public Set<Person> getCoordinators() { return Collections.unmodifiableSet(coordinators); }
    public boolean isDemo() { return demo; }
    public long getVersion() { return version; }
}
