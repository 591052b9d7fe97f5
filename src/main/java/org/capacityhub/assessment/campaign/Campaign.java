package org.capacityhub.assessment.campaign;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.MapKeyColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.capacityhub.platform.InvalidInputException;

/**
 * A campaign: one published framework version launched by a coordinator across organisations (each with its own
 * focus-group assessment, created in DRAFT) and people (invited to self-assess), with a deadline.
 */
@Entity
@Table(name = "campaign")
public class Campaign {

    public static final int NAME = 200;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false)
    private String name;

    @Column(name = "framework_version_id", nullable = false)
    private long frameworkVersionId;

    @Column(nullable = false)
    private LocalDate deadline;

    @Column(name = "launched_by_person_id", nullable = false)
    private long launchedByPersonId;

    @Column(name = "launched_at", nullable = false)
    private Instant launchedAt;

    @Column(name = "last_reminded_at")
    private Instant lastRemindedAt;

    /** The organisations and the assessment created for each. */
    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "campaign_organisation", joinColumns = @JoinColumn(name = "campaign_id"))
    @MapKeyColumn(name = "organisation_id")
    @Column(name = "assessment_id", nullable = false)
    private Map<Long, Long> assessments = new LinkedHashMap<>();

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "campaign_person", joinColumns = @JoinColumn(name = "campaign_id"))
    @Column(name = "person_id", nullable = false)
    private Set<Long> people = new LinkedHashSet<>();

    @Version
    private long version;

    protected Campaign() {}

    public Campaign(String name, long frameworkVersionId, LocalDate deadline, long launchedByPersonId, Instant now,
            LocalDate today) {
        String n = name == null ? "" : name.strip();
        if (n.isEmpty()) {
            throw new InvalidInputException("name", "assessment.campaign.name.required", "A name is required");
        }
        if (n.length() > NAME) {
            throw new InvalidInputException("name", "assessment.campaign.name.tooLong", "The name is too long", NAME);
        }
        if (deadline == null) {
            throw new InvalidInputException("deadline", "assessment.campaign.deadline.required",
                    "Give a deadline");
        }
        if (deadline.isBefore(today)) {
            throw new InvalidInputException("deadline", "assessment.campaign.deadline.past",
                    "The deadline cannot be in the past");
        }
        this.name = n;
        this.frameworkVersionId = frameworkVersionId;
        this.deadline = deadline;
        this.launchedByPersonId = launchedByPersonId;
        this.launchedAt = now;
    }

    void addOrganisation(long organisationId, long assessmentId) {
        assessments.put(organisationId, assessmentId);
    }

    void addPerson(long personId) {
        people.add(personId);
    }

    void reminded(Instant now) {
        this.lastRemindedAt = now;
    }

    public Long getId() { return id; }
    public String getName() { return name; }
    public long getFrameworkVersionId() { return frameworkVersionId; }
    public LocalDate getDeadline() { return deadline; }
    public long getLaunchedByPersonId() { return launchedByPersonId; }
    public Instant getLaunchedAt() { return launchedAt; }
    public Instant getLastRemindedAt() { return lastRemindedAt; }
    public Map<Long, Long> getAssessments() { return Collections.unmodifiableMap(assessments); }
    public Set<Long> getPeople() { return Collections.unmodifiableSet(people); }
}
