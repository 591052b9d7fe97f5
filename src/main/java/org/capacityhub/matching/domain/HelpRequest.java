package org.capacityhub.matching.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embeddable;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.capacityhub.matching.ranking.CandidateQuery;
import org.capacityhub.matching.ranking.Format;
import org.capacityhub.platform.InvalidInputException;

/** A request for help on one or more competencies, by a person or an organisation (through its focal point). */
@Entity
@Table(name = "matching_request")
public class HelpRequest {

    public enum Urgency { LOW, NORMAL, HIGH }

    public enum Status { OPEN, CLOSED }

    /** A competency asked for, with the level wanted as a rank on its scale. */
    @Embeddable
    public static class Wanted {
        @Column(name = "competency_id", nullable = false)
        private long competencyId;
        @Column(name = "competency_identifier", nullable = false)
        private String competencyIdentifier;
        @Column(name = "target_rank", nullable = false)
        private int targetRank;
        @Column(name = "scale_size", nullable = false)
        private int scaleSize;

        protected Wanted() {}

        public Wanted(long competencyId, String competencyIdentifier, int targetRank, int scaleSize) {
            this.competencyId = competencyId;
            this.competencyIdentifier = competencyIdentifier;
            this.targetRank = targetRank;
            this.scaleSize = scaleSize;
        }

        public long getCompetencyId() { return competencyId; }
        public String getCompetencyIdentifier() { return competencyIdentifier; }
        public int getTargetRank() { return targetRank; }
        public int getScaleSize() { return scaleSize; }
    }

    public static final int MAX_TITLE = 300;
    public static final int MAX_DESCRIPTION = 4000;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "requester_profile_id")
    private Profile requester;

    @Column(name = "created_by_person_id", nullable = false)
    private long createdByPersonId;

    @Column(nullable = false)
    private String title;

    private String description;

    @Column(nullable = false)
    private String languages;

    @Column(name = "time_zone")
    private String timeZone;

    @Enumerated(EnumType.STRING)
    private Format format;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Urgency urgency;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Status status = Status.OPEN;

    @Column(name = "assessment_id")
    private Long assessmentId;

    private boolean demo;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Version
    private long version;

    @ElementCollection
    @CollectionTable(name = "matching_request_competency", joinColumns = @JoinColumn(name = "request_id"))
    @OrderColumn(name = "sort_order")
    private List<Wanted> competencies = new ArrayList<>();

    protected HelpRequest() {}

    public HelpRequest(Profile requester, long createdByPersonId, String title, String description,
            List<String> languages, String timeZone, Format format, Urgency urgency, List<Wanted> competencies,
            Long assessmentId) {
        this.requester = requester;
        this.createdByPersonId = createdByPersonId;
        String t = title == null ? "" : title.strip();
        if (t.isEmpty()) {
            throw new InvalidInputException("title", "matching.request.title.required", "Say what you need help with.");
        }
        if (t.length() > MAX_TITLE) {
            throw new InvalidInputException("title", "matching.request.title.tooLong", "The title is too long.",
                    MAX_TITLE);
        }
        if (description != null && description.length() > MAX_DESCRIPTION) {
            throw new InvalidInputException("description", "matching.request.description.tooLong",
                    "The description is too long.", MAX_DESCRIPTION);
        }
        if (competencies.isEmpty()) {
            throw new InvalidInputException("competencyIds", "matching.request.competency.required",
                    "Choose at least one competency.");
        }
        if (languages.isEmpty()) {
            throw new InvalidInputException("languages", "matching.request.language.required",
                    "Choose at least one language.");
        }
        for (String l : languages) {
            if (!l.matches("[a-z]{2,3}")) {
                throw new InvalidInputException("languages", "matching.languages.invalid",
                        "Give languages as ISO 639 codes such as en, fr.");
            }
        }
        if (timeZone != null && !timeZone.isBlank() && CandidateQuery.offsetNow(timeZone.strip()) == null) {
            throw new InvalidInputException("timeZone", "matching.timeZone.invalid",
                    "Give a time zone such as Africa/Nairobi.");
        }
        this.title = t;
        this.description = description == null || description.isBlank() ? null : description.strip();
        this.languages = String.join(",", languages);
        this.timeZone = timeZone == null || timeZone.isBlank() ? null : timeZone.strip();
        this.format = format;
        this.urgency = urgency == null ? Urgency.NORMAL : urgency;
        this.competencies.addAll(competencies);
        this.assessmentId = assessmentId;
        this.createdAt = Instant.now();
    }

    public void close() {
        status = Status.CLOSED;
    }

    public void markAsDemo() {
        demo = true;
    }

    public List<String> languageList() {
        return CandidateQuery.split(languages);
    }

    public Long getId() { return id; }
    public Profile getRequester() { return requester; }
    public long getCreatedByPersonId() { return createdByPersonId; }
    public String getTitle() { return title; }
    public String getDescription() { return description; }
    public String getTimeZone() { return timeZone; }
    public Format getFormat() { return format; }
    public Urgency getUrgency() { return urgency; }
    public Status getStatus() { return status; }
    public Long getAssessmentId() { return assessmentId; }
    public Instant getCreatedAt() { return createdAt; }
    public List<Wanted> getCompetencies() { return competencies; }
}
