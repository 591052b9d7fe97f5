package org.capacityhub.library.domain;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A comment on a draft or a resource in review, between its author and reviewers. */
@Entity
@Table(name = "library_comment")
public class Comment {

    public static final int BODY = 4000;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "resource_id", nullable = false)
    private long resourceId;

    @Column(name = "author_person_id", nullable = false)
    private long authorPersonId;

    @Column(nullable = false)
    private String body;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected Comment() {}

    public Comment(long resourceId, long authorPersonId, String body, Instant now) {
        this.resourceId = resourceId;
        this.authorPersonId = authorPersonId;
        this.body = body;
        this.createdAt = now;
    }

    public Long getId() { return id; }
    public long getResourceId() { return resourceId; }
    public long getAuthorPersonId() { return authorPersonId; }
    public String getBody() { return body; }
    public Instant getCreatedAt() { return createdAt; }
}
