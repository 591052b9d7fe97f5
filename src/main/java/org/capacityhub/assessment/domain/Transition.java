package org.capacityhub.assessment.domain;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;

/** A change of state, who made it, when and (for reopening) why. */
@Embeddable
public class Transition {

    @Enumerated(EnumType.STRING)
    @Column(name = "from_state")
    private AssessmentState fromState;

    @Enumerated(EnumType.STRING)
    @Column(name = "to_state", nullable = false)
    private AssessmentState toState;

    @Column(name = "actor", nullable = false)
    private String actor;

    @Column(name = "occurred_at", nullable = false)
    private Instant occurredAt;

    @Column(name = "reason")
    private String reason;

    protected Transition() {}

    Transition(AssessmentState fromState, AssessmentState toState, String actor, Instant occurredAt, String reason) {
        this.fromState = fromState;
        this.toState = toState;
        this.actor = actor;
        this.occurredAt = occurredAt;
        this.reason = reason;
    }

    public AssessmentState getFromState() { return fromState; }
    public AssessmentState getToState() { return toState; }
    public String getActor() { return actor; }
    public Instant getOccurredAt() { return occurredAt; }
    public String getReason() { return reason; }
}
