package org.capacityhub.planning.domain;

import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

/**
 * One gap a plan answers: a competency with the level found and the level wanted (ranks on its framework's scale),
 * the learning objective in plain words, whether something fitting was found, and the level found at the next
 * assessment.
 */
@Entity
@Table(name = "plan_gap")
public class PlanGap {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "plan_id")
    private Plan plan;

    @Column(nullable = false)
    private int position;

    @Column(name = "competency_id", nullable = false)
    private long competencyId;

    @Column(name = "competency_identifier")
    private UUID competencyIdentifier;

    @Column(name = "current_rank", nullable = false)
    private Integer currentRank;

    @Column(name = "target_rank", nullable = false)
    private int targetRank;

    @Column(name = "scale_size", nullable = false)
    private int scaleSize;

    @Column(nullable = false)
    private int weight;

    @Column(name = "people_count")
    private Integer peopleCount;

    @Column(nullable = false)
    private String objective;

    @Column(nullable = false)
    private boolean covered;

    @Column(name = "reassessed_rank")
    private Integer reassessedRank;

    protected PlanGap() {}

    PlanGap(Plan plan, int position, long competencyId, UUID competencyIdentifier, Integer currentRank, int targetRank,
            int scaleSize, int weight, Integer peopleCount, String objective) {
        this.plan = plan;
        this.position = position;
        this.competencyId = competencyId;
        this.competencyIdentifier = competencyIdentifier;
        this.currentRank = currentRank;
        this.targetRank = targetRank;
        this.scaleSize = scaleSize;
        this.weight = weight;
        this.peopleCount = peopleCount;
        this.objective = Limits.required(objective, Limits.TEXT, "objective");
    }

    void moveTo(int position) {
        this.position = position;
    }

    void markCovered(boolean covered) {
        this.covered = covered;
    }

    void describe(String objective) {
        this.objective = Limits.required(objective, Limits.TEXT, "objective");
    }

    /** Records the level found by a later assessment. */
    void reassessed(int rank) {
        this.reassessedRank = rank;
    }

    /** target − current, null when the level found is not known (a plan made from a template). */
    public Integer gap() {
        return currentRank == null ? null : Math.max(0, targetRank - currentRank);
    }

    /** Closed: a later assessment found the target level (or above). */
    public boolean closed() {
        return reassessedRank != null && reassessedRank >= targetRank;
    }

    public Long getId() { return id; }
    public Plan getPlan() { return plan; }
    public int getPosition() { return position; }
    public long getCompetencyId() { return competencyId; }
    public UUID getCompetencyIdentifier() { return competencyIdentifier; }
    public Integer getCurrentRank() { return currentRank; }
    public int getTargetRank() { return targetRank; }
    public int getScaleSize() { return scaleSize; }
    public int getWeight() { return weight; }
    public Integer getPeopleCount() { return peopleCount; }
    public String getObjective() { return objective; }
    public boolean isCovered() { return covered; }
    public Integer getReassessedRank() { return reassessedRank; }
}
