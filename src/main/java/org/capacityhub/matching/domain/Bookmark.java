package org.capacityhub.matching.domain;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.capacityhub.platform.InvalidInputException;

/** A capacity profile a person saved, with an optional note of their own. */
@Entity
@Table(name = "matching_bookmark")
public class Bookmark {

    public static final int MAX_NOTE = 1000;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "person_id", nullable = false)
    private long personId;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "profile_id")
    private Profile profile;

    private String note;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Version
    private long version;

    protected Bookmark() {}

    public Bookmark(long personId, Profile profile, String note) {
        this.personId = personId;
        this.profile = profile;
        this.createdAt = Instant.now();
        annotate(note);
    }

    /** Replaces the note (blank removes it). */
    public void annotate(String note) {
        String n = note == null ? null : note.strip();
        if (n != null && n.length() > MAX_NOTE) {
            throw new InvalidInputException("note", "matching.bookmark.note.tooLong", "The note is too long.",
                    MAX_NOTE);
        }
        this.note = n == null || n.isEmpty() ? null : n;
    }

    public Long getId() { return id; }
    public long getPersonId() { return personId; }
    public Profile getProfile() { return profile; }
    public String getNote() { return note; }
    public Instant getCreatedAt() { return createdAt; }
}
