package org.capacityhub.matching.domain;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** An assessment whose gaps (against a target profile) the organisation may turn into needs. */
@Entity
@Table(name = "matching_gap_report")
public class GapReport {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "assessment_id", nullable = false, unique = true)
    private long assessmentId;

    @Column(name = "organisation_id", nullable = false)
    private long organisationId;

    @Column(name = "target_profile_id", nullable = false)
    private long targetProfileId;

    @Column(name = "submitted_at", nullable = false)
    private Instant submittedAt;

    protected GapReport() {}

    public GapReport(long assessmentId, long organisationId, long targetProfileId, Instant submittedAt) {
        this.assessmentId = assessmentId;
        this.organisationId = organisationId;
        this.targetProfileId = targetProfileId;
        this.submittedAt = submittedAt;
    }

    public Long getId() { return id; }
    public long getAssessmentId() { return assessmentId; }
    public long getOrganisationId() { return organisationId; }
    public long getTargetProfileId() { return targetProfileId; }
    public Instant getSubmittedAt() { return submittedAt; }
}
