package org.capacityhub.matching.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embeddable;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.capacityhub.platform.ConflictException;

/**
 * A cohort pairing round: mentees who want to learn a competency assigned to the mentors offering it. Computed as
 * a draft; the coordinator reviews it and confirms, and only then are exchanges proposed and people notified.
 */
@Entity
@Table(name = "matching_round")
public class Round {

    /** One mentee of the round: their mentor and the pair's score, or why they are unassigned. */
    @Embeddable
    public static class Row {
        @Column(name = "mentee_profile_id", nullable = false)
        private long menteeProfileId;
        @Column(name = "mentor_profile_id")
        private Long mentorProfileId;
        private Double score;
        private String reason;

        protected Row() {}

        public Row(long mentee, Long mentor, Double score, String reason) {
            this.menteeProfileId = mentee;
            this.mentorProfileId = mentor;
            this.score = score;
            this.reason = reason;
        }

        public long getMenteeProfileId() { return menteeProfileId; }
        public Long getMentorProfileId() { return mentorProfileId; }
        public Double getScore() { return score; }
        public String getReason() { return reason; }
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false)
    private String title;

    @Column(name = "competency_id", nullable = false)
    private long competencyId;

    @Column(name = "competency_identifier", nullable = false)
    private String competencyIdentifier;

    @Column(name = "mentor_capacity", nullable = false)
    private int mentorCapacity;

    @Column(name = "top_k", nullable = false)
    private int topK;

    @Column(name = "avoid_same_organisation", nullable = false)
    private boolean avoidSameOrganisation;

    @Column(nullable = false)
    private String state = "DRAFT";

    @Column(name = "created_by_person_id", nullable = false)
    private long createdByPersonId;

    private int mentees;
    private int mentors;
    private int placed;
    @Column(name = "total_score")
    private double totalScore;
    @Column(name = "bound_placed")
    private int boundPlaced;
    @Column(name = "bound_score")
    private double boundScore;
    @Column(name = "bound_exact")
    private boolean boundExact;
    @Column(name = "solve_millis")
    private long solveMillis;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "confirmed_at")
    private Instant confirmedAt;

    @Version
    private long version;

    @ElementCollection
    @CollectionTable(name = "matching_round_row", joinColumns = @JoinColumn(name = "round_id"))
    @OrderColumn(name = "sort_order")
    private List<Row> rows = new ArrayList<>();

    protected Round() {}

    public Round(String title, long competencyId, String competencyIdentifier, int mentorCapacity, int topK,
            boolean avoidSameOrganisation, long createdBy) {
        this.title = title;
        this.competencyId = competencyId;
        this.competencyIdentifier = competencyIdentifier;
        this.mentorCapacity = mentorCapacity;
        this.topK = topK;
        this.avoidSameOrganisation = avoidSameOrganisation;
        this.createdByPersonId = createdBy;
        this.createdAt = Instant.now();
    }

    public void result(List<Row> rows, int mentees, int mentors, int placed, double totalScore, int boundPlaced,
            double boundScore, boolean boundExact, long solveMillis) {
        this.rows.clear();
        this.rows.addAll(rows);
        this.mentees = mentees;
        this.mentors = mentors;
        this.placed = placed;
        this.totalScore = totalScore;
        this.boundPlaced = boundPlaced;
        this.boundScore = boundScore;
        this.boundExact = boundExact;
        this.solveMillis = solveMillis;
    }

    public void confirm() {
        if (confirmed()) {
            throw new ConflictException(null, "matching.round.confirmed", "This round is already confirmed.");
        }
        state = "CONFIRMED";
        confirmedAt = Instant.now();
    }

    public boolean confirmed() {
        return "CONFIRMED".equals(state);
    }

    public Long getId() { return id; }
    public String getTitle() { return title; }
    public long getCompetencyId() { return competencyId; }
    public String getCompetencyIdentifier() { return competencyIdentifier; }
    public int getMentorCapacity() { return mentorCapacity; }
    public int getTopK() { return topK; }
    public boolean isAvoidSameOrganisation() { return avoidSameOrganisation; }
    public String getState() { return state; }
    public long getCreatedByPersonId() { return createdByPersonId; }
    public int getMentees() { return mentees; }
    public int getMentors() { return mentors; }
    public int getPlaced() { return placed; }
    public double getTotalScore() { return totalScore; }
    public int getBoundPlaced() { return boundPlaced; }
    public double getBoundScore() { return boundScore; }
    public boolean isBoundExact() { return boundExact; }
    public long getSolveMillis() { return solveMillis; }
    public Instant getCreatedAt() { return createdAt; }
    public Instant getConfirmedAt() { return confirmedAt; }
    public List<Row> getRows() { return rows; }
}
