package org.capacityhub.library.domain;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A library curator (information specialist): may be chosen as a reviewer of any resource. */
@Entity
@Table(name = "library_curator")
public class Curator {

    @Id
    @Column(name = "person_id")
    private Long personId;

    @Column(name = "added_by", nullable = false)
    private String addedBy;

    @Column(name = "added_at", nullable = false)
    private Instant addedAt;

    protected Curator() {}

    public Curator(long personId, String addedBy, Instant now) {
        this.personId = personId;
        this.addedBy = addedBy;
        this.addedAt = now;
    }

    public Long getPersonId() { return personId; }
    public Instant getAddedAt() { return addedAt; }
}
