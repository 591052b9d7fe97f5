package org.capacityhub.library.domain;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A user's rating (1 to 5) and review of a published resource, with where it was used and how it went. */
@Entity
@Table(name = "library_review")
public class Review {

    public static final int BODY = 4000;
    public static final int OUTCOME = 2000;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "resource_id", nullable = false)
    private long resourceId;

    @Column(name = "person_id", nullable = false)
    private long personId;

    @Column(nullable = false)
    private int rating;

    private String body;

    @Column(name = "used_in_country")
    private String usedInCountry;

    @Column(name = "used_in_org_type")
    private String usedInOrgType;

    private String outcome;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected Review() {}

    public Review(long resourceId, long personId, Instant now) {
        this.resourceId = resourceId;
        this.personId = personId;
        this.createdAt = now;
    }

    public void rate(int rating, String body, String usedInCountry, String usedInOrgType, String outcome, Instant now) {
        this.rating = rating;
        this.body = body;
        this.usedInCountry = usedInCountry;
        this.usedInOrgType = usedInOrgType;
        this.outcome = outcome;
        this.createdAt = now;
    }

    public Long getId() { return id; }
    public long getResourceId() { return resourceId; }
    public long getPersonId() { return personId; }
    public int getRating() { return rating; }
    public String getBody() { return body; }
    public String getUsedInCountry() { return usedInCountry; }
    public String getUsedInOrgType() { return usedInOrgType; }
    public String getOutcome() { return outcome; }
    public Instant getCreatedAt() { return createdAt; }
}
