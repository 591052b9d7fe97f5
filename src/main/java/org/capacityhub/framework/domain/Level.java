package org.capacityhub.framework.domain;

import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EntityListeners;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

import org.capacityhub.platform.InvalidInputException;

/** One level of a version's proficiency scale, lowest first (position 0). */
@Entity
@Table(name = "framework_level")
@EntityListeners(PublishedGuard.class)
public class Level {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "version_id")
    private FrameworkVersion version;

    @Column(nullable = false)
    private UUID identifier;

    @Column(nullable = false)
    private int position;

    private String code;

    @Column(nullable = false)
    private Texts title;

    private Texts description;

    protected Level() {}

    Level(FrameworkVersion version, UUID identifier, int position, String code, Texts title, Texts description) {
        this.version = version;
        this.identifier = identifier;
        this.position = position;
        edit(code, title, description);
    }

    public void edit(String code, Texts title, Texts description) {
        version.requireDraft();
        if (title == null || title.isEmpty()) {
            throw new InvalidInputException("levelTitle", "framework.level.title.required", "A level needs a name.");
        }
        this.code = code == null || code.isBlank() ? null : code.strip();
        this.title = title;
        this.description = description == null ? Texts.EMPTY : description;
    }

    void setPosition(int position) {
        this.position = position;
    }

    public Long getId() { return id; }
    public FrameworkVersion getVersion() { return version; }
    public UUID getIdentifier() { return identifier; }
    public int getPosition() { return position; }
    public String getCode() { return code; }
    public Texts getTitle() { return title; }
    public Texts getDescription() { return description == null ? Texts.EMPTY : description; }
}
