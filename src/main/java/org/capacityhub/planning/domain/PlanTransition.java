package org.capacityhub.planning.domain;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;

/** One change of a plan's state: who, when, and why (the sign-off when it was agreed). */
@Embeddable
public class PlanTransition {

    @Enumerated(EnumType.STRING)
    @Column(name = "from_state")
    private PlanState fromState;

    @Enumerated(EnumType.STRING)
    @Column(name = "to_state", nullable = false)
    private PlanState toState;

    @Column(nullable = false)
    private String actor;

    @Column(name = "occurred_at", nullable = false)
    private Instant occurredAt;

    private String note;

    protected PlanTransition() {}

    PlanTransition(PlanState fromState, PlanState toState, String actor, Instant occurredAt, String note) {
        this.fromState = fromState;
        this.toState = toState;
        this.actor = actor;
        this.occurredAt = occurredAt;
        this.note = note;
    }

    public PlanState getFromState() { return fromState; }
    public PlanState getToState() { return toState; }
    public String getActor() { return actor; }
    public Instant getOccurredAt() { return occurredAt; }
    public String getNote() { return note; }
}
