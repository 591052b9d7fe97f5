package org.capacityhub.assessment.survey;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.capacityhub.platform.ConflictException;
import org.capacityhub.platform.InvalidInputException;

/**
 * An anonymous survey of one organisation on the sections and scale of one published framework version, possibly
 * prepared for a focus-group assessment, with named respondent groups. Open until closed by hand or until its
 * closing date has passed.
 */
@Entity
@Table(name = "assessment_survey")
public class Survey {

    public static final int TITLE = 200;
    public static final int GROUP_NAME = 100;
    public static final int MAX_GROUPS = 12;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "organisation_id", nullable = false)
    private long organisationId;

    @Column(name = "framework_version_id", nullable = false)
    private long frameworkVersionId;

    @Column(name = "assessment_id")
    private Long assessmentId;

    @Column(nullable = false)
    private String title;

    @Column(name = "closes_on")
    private LocalDate closesOn;

    @Column(name = "closed_at")
    private Instant closedAt;

    @Column(name = "closed_by")
    private String closedBy;

    @Column(name = "created_by", nullable = false)
    private String createdBy;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(nullable = false)
    private boolean demo;

    @OneToMany(cascade = CascadeType.ALL, orphanRemoval = true)
    @JoinColumn(name = "survey_id", nullable = false)
    @OrderBy("sortOrder")
    private List<SurveyGroup> groups = new ArrayList<>();

    @Version
    private long version;

    protected Survey() {}

    public Survey(long organisationId, long frameworkVersionId, Long assessmentId, String title,
            List<String> groupNames, LocalDate closesOn, String actor, Instant now) {
        this.organisationId = organisationId;
        this.frameworkVersionId = frameworkVersionId;
        this.assessmentId = assessmentId;
        String t = title == null ? "" : title.strip();
        if (t.isEmpty() || t.length() > TITLE) {
            throw new InvalidInputException("title", "survey.title.invalid", "Give the survey a title (at most 200 characters).");
        }
        this.title = t;
        List<String> names = new ArrayList<>();
        for (String name : groupNames == null ? List.<String>of() : groupNames) {
            String n = name == null ? "" : name.strip();
            if (n.isEmpty()) {
                continue;
            }
            if (n.length() > GROUP_NAME) {
                throw new InvalidInputException("groups", "survey.group.tooLong", "A group name has at most 100 characters.");
            }
            if (names.stream().anyMatch(n::equalsIgnoreCase)) {
                throw new InvalidInputException("groups", "survey.group.duplicate", "Each group needs its own name.");
            }
            names.add(n);
        }
        if (names.isEmpty() || names.size() > MAX_GROUPS) {
            throw new InvalidInputException("groups", "survey.group.count", "Name between 1 and 12 respondent groups.");
        }
        for (int i = 0; i < names.size(); i++) {
            groups.add(new SurveyGroup(i, names.get(i)));
        }
        if (closesOn != null && closesOn.isBefore(java.time.LocalDate.ofInstant(now, java.time.ZoneOffset.UTC))) {
            throw new InvalidInputException("closesOn", "survey.closesOn.past", "The closing date cannot be in the past.");
        }
        this.closesOn = closesOn;
        this.createdBy = actor;
        this.createdAt = now;
    }

    /** Open: not closed by hand and its closing date (inclusive, UTC) not passed. */
    public boolean isOpen(Instant now) {
        return closedAt == null
                && (closesOn == null || !LocalDate.ofInstant(now, java.time.ZoneOffset.UTC).isAfter(closesOn));
    }

    public void close(String actor, Instant now) {
        if (closedAt != null) {
            throw new ConflictException(null, "survey.alreadyClosed", "The survey is already closed.");
        }
        closedAt = now;
        closedBy = actor;
    }

    public SurveyGroup group(long groupId) {
        return groups.stream().filter(g -> g.getId() == groupId).findFirst()
                .orElseThrow(() -> new InvalidInputException("groupId", "survey.group.unknown", "Choose one of the survey's groups."));
    }

    public void markAsDemo() {
        demo = true;
    }

    public Long getId() { return id; }
    public long getOrganisationId() { return organisationId; }
    public long getFrameworkVersionId() { return frameworkVersionId; }
    public Long getAssessmentId() { return assessmentId; }
    public String getTitle() { return title; }
    public LocalDate getClosesOn() { return closesOn; }
    public Instant getClosedAt() { return closedAt; }
    public String getClosedBy() { return closedBy; }
    public String getCreatedBy() { return createdBy; }
    public Instant getCreatedAt() { return createdAt; }
    public boolean isDemo() { return demo; }
    public List<SurveyGroup> getGroups() { return groups; }
}
