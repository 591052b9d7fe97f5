package org.capacityhub.library.domain;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** A knowledge blog series (e.g. a coalition's monthly blog): posts grouped together, with an Atom feed. */
@Entity
@Table(name = "library_series")
public class Series {

    public static final int TITLE = 300;
    public static final int DESCRIPTION = 4000;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false)
    private String title;

    private String description;

    @Column(nullable = false)
    private String language;

    @Column(name = "organisation_id")
    private Long organisationId;

    @Column(name = "created_by_person", nullable = false)
    private long createdByPerson;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(nullable = false)
    private boolean demo;

    @Version
    private long version;

    protected Series() {}

    public Series(String title, String description, String language, Long organisationId, long createdByPerson,
            Instant now) {
        this.title = title;
        this.description = description;
        this.language = language;
        this.organisationId = organisationId;
        this.createdByPerson = createdByPerson;
        this.createdAt = now;
    }

    public void markDemo() {
        demo = true;
    }

    public Long getId() { return id; }
    public String getTitle() { return title; }
    public String getDescription() { return description; }
    public String getLanguage() { return language; }
    public Long getOrganisationId() { return organisationId; }
    public long getCreatedByPerson() { return createdByPerson; }
    public Instant getCreatedAt() { return createdAt; }
}
