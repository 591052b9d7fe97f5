package org.capacityhub.planning.domain;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * Evidence: after a re-assessment, how the gap of a completed activity changed (before, after, target), for the
 * kind of organisation that did it. Suggestions rank higher where they closed the gap in comparable organisations.
 */
@Entity
@Table(name = "plan_outcome")
public class PlanOutcome {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "plan_id", nullable = false)
    private long planId;

    @Column(name = "organisation_type")
    private String organisationType;

    @Column(name = "competency_id", nullable = false)
    private long competencyId;

    @Column(nullable = false)
    private String source;

    @Column(nullable = false)
    private String reference;

    @Column(name = "before_rank")
    private Integer beforeRank;

    @Column(name = "after_rank", nullable = false)
    private int afterRank;

    @Column(name = "target_rank", nullable = false)
    private int targetRank;

    @Column(nullable = false)
    private boolean closed;

    @Column(name = "recorded_at", nullable = false)
    private Instant recordedAt;

    protected PlanOutcome() {}

    public PlanOutcome(long planId, String organisationType, long competencyId, String source, String reference,
            Integer beforeRank, int afterRank, int targetRank, Instant recordedAt) {
        this.planId = planId;
        this.organisationType = organisationType;
        this.competencyId = competencyId;
        this.source = source;
        this.reference = reference;
        this.beforeRank = beforeRank;
        this.afterRank = afterRank;
        this.targetRank = targetRank;
        this.closed = afterRank >= targetRank;
        this.recordedAt = recordedAt;
    }

    public long getPlanId() { return planId; }
    public String getSource() { return source; }
    public String getReference() { return reference; }
    public long getCompetencyId() { return competencyId; }
    public boolean isClosed() { return closed; }
}
