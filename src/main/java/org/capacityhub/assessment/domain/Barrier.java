package org.capacityhub.assessment.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;

/** A barrier observed in a section. */
@Embeddable
public class Barrier {

    @Enumerated(EnumType.STRING)
    @Column(name = "kind", nullable = false)
    private BarrierKind kind;

    @Column(name = "description")
    private String description;

    protected Barrier() {}

    public Barrier(BarrierKind kind, String description) {
        this.kind = kind;
        this.description = description;
    }

    public BarrierKind getKind() { return kind; }
    public String getDescription() { return description; }
}
