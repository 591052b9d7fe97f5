package org.capacityhub.assessment.domain;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A file uploaded as evidence for one section of an assessment. The bytes are stored under the data directory with
 * a random name ({@link #getStoredName()}); the type is the one detected from the bytes, never the one the browser
 * claimed. Immutable: a file is added or deleted, never changed.
 */
@Entity
@Table(name = "assessment_evidence_file")
public class EvidenceFile {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "assessment_id", nullable = false, updatable = false)
    private long assessmentId;

    @Column(name = "competency_id", nullable = false, updatable = false)
    private long competencyId;

    @Column(name = "stored_name", nullable = false, updatable = false)
    private String storedName;

    @Column(name = "original_name", nullable = false, updatable = false)
    private String originalName;

    @Column(name = "media_type", nullable = false, updatable = false)
    private String mediaType;

    @Column(name = "size_bytes", nullable = false, updatable = false)
    private long sizeBytes;

    @Column(name = "sha256", nullable = false, updatable = false)
    private String sha256;

    @Column(name = "uploaded_by", nullable = false, updatable = false)
    private String uploadedBy;

    @Column(name = "uploaded_at", nullable = false, updatable = false)
    private Instant uploadedAt;

    protected EvidenceFile() {}

    EvidenceFile(long assessmentId, long competencyId, String storedName, String originalName, String mediaType,
            long sizeBytes, String sha256, String uploadedBy, Instant uploadedAt) {
        this.assessmentId = assessmentId;
        this.competencyId = competencyId;
        this.storedName = storedName;
        this.originalName = originalName;
        this.mediaType = mediaType;
        this.sizeBytes = sizeBytes;
        this.sha256 = sha256;
        this.uploadedBy = uploadedBy;
        this.uploadedAt = uploadedAt;
    }

    public Long getId() { return id; }
    public long getAssessmentId() { return assessmentId; }
    public long getCompetencyId() { return competencyId; }
    public String getStoredName() { return storedName; }
    public String getOriginalName() { return originalName; }
    public String getMediaType() { return mediaType; }
    public long getSizeBytes() { return sizeBytes; }
    public String getSha256() { return sha256; }
    public String getUploadedBy() { return uploadedBy; }
    public Instant getUploadedAt() { return uploadedAt; }
}
