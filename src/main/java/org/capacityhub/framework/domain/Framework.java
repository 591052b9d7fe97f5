package org.capacityhub.framework.domain;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** A competency framework, identified by its CASE CFDocument identifier; its content lives in its versions. */
@Entity
@Table(name = "framework")
public class Framework {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, updatable = false)
    private UUID identifier;

    @Column(name = "built_in", nullable = false)
    private boolean builtIn;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Version
    private long version;

    protected Framework() {}

    public Framework(UUID identifier, boolean builtIn) {
        this.identifier = identifier == null ? UUID.randomUUID() : identifier;
        this.builtIn = builtIn;
        this.createdAt = Instant.now();
    }

    public Long getId() { return id; }
    public UUID getIdentifier() { return identifier; }
    public boolean isBuiltIn() { return builtIn; }
    public Instant getCreatedAt() { return createdAt; }
}
