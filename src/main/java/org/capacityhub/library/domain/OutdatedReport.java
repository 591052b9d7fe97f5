package org.capacityhub.library.domain;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A user's report that a published resource is outdated, until its author or a reviewer resolves it. */
@Entity
@Table(name = "library_outdated_report")
public class OutdatedReport {

    public static final int REASON = 2000;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "resource_id", nullable = false)
    private long resourceId;

    @Column(name = "person_id", nullable = false)
    private long personId;

    @Column(nullable = false)
    private String reason;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(nullable = false)
    private boolean resolved;

    protected OutdatedReport() {}

    public OutdatedReport(long resourceId, long personId, String reason, Instant now) {
        this.resourceId = resourceId;
        this.personId = personId;
        this.reason = reason;
        this.createdAt = now;
    }

    public void resolve() {
        resolved = true;
    }

    public Long getId() { return id; }
    public long getResourceId() { return resourceId; }
    public long getPersonId() { return personId; }
    public String getReason() { return reason; }
    public Instant getCreatedAt() { return createdAt; }
    public boolean isResolved() { return resolved; }
}
