package org.capacityhub.planning.domain;

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

/** What one participant expects from a plan and what motivates them (collected before it is agreed). */
@Entity
@Table(name = "plan_expectation")
public class Expectation {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "plan_id")
    private Plan plan;

    @Column(name = "person_id")
    private Long personId;

    @Column(nullable = false)
    private String participant;

    @Column(nullable = false)
    private String expectations;

    private String motivations;

    @Column(name = "submitted_at", nullable = false)
    private Instant submittedAt;

    protected Expectation() {}

    Expectation(Plan plan, Long personId) {
        this.plan = plan;
        this.personId = personId;
    }

    void describe(String participant, String expectations, String motivations, Instant now) {
        this.participant = Limits.required(participant, Limits.NAME, "participant");
        this.expectations = Limits.required(expectations, Limits.TEXT, "expectations");
        this.motivations = Limits.text(motivations, Limits.TEXT, "motivations");
        this.submittedAt = now;
    }

    public Long getId() { return id; }
    public Long getPersonId() { return personId; }
    public String getParticipant() { return participant; }
    public String getExpectations() { return expectations; }
    public String getMotivations() { return motivations; }
    public Instant getSubmittedAt() { return submittedAt; }
}
