package org.capacityhub.assessment.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import jakarta.persistence.CascadeType;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.capacityhub.platform.ConflictException;
import org.capacityhub.platform.InvalidInputException;

/**
 * An organisational focus-group assessment: one organisation against one exact published framework version, one
 * {@link SectionAnswer} per top-level area of that version. States: draft → in progress → submitted → validated;
 * a submitted or validated assessment is immutable until it is reopened (with a reason), after which it can be
 * edited and submitted again. Every state change is kept in {@link #getHistory()}.
 */
@Entity
@Table(name = "assessment")
public class Assessment {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "organisation_id", nullable = false)
    private long organisationId;

    @Column(name = "framework_version_id", nullable = false)
    private long frameworkVersionId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private AssessmentState state;

    @Column(name = "held_on", nullable = false)
    private LocalDate heldOn;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Delivery delivery;

    private String place;

    private String purpose;

    @ElementCollection
    @CollectionTable(name = "assessment_facilitator", joinColumns = @JoinColumn(name = "assessment_id"))
    @Column(name = "person_id", nullable = false)
    private Set<Long> facilitatorIds = new LinkedHashSet<>();

    @ElementCollection
    @CollectionTable(name = "assessment_participant", joinColumns = @JoinColumn(name = "assessment_id"))
    @OrderColumn(name = "sort_order")
    private List<Participant> participants = new ArrayList<>();

    @ElementCollection
    @CollectionTable(name = "assessment_transition", joinColumns = @JoinColumn(name = "assessment_id"))
    @OrderColumn(name = "sort_order")
    private List<Transition> history = new ArrayList<>();

    @OneToMany(mappedBy = "assessment", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("sortOrder")
    private List<SectionAnswer> sections = new ArrayList<>();

    @Column(name = "created_by", nullable = false)
    private String createdBy;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "submitted_at")
    private Instant submittedAt;

    @Column(name = "validated_at")
    private Instant validatedAt;

    @Column(name = "validated_by")
    private String validatedBy;

    @Column(name = "reopen_reason")
    private String reopenReason;

    private boolean demo;

    @Version
    private long version;

    protected Assessment() {}

    /**
     * A new draft assessment with one empty section per competency in {@code sectionCompetencyIds} (the
     * top-level areas of the framework version, in order).
     */
    public Assessment(long organisationId, long frameworkVersionId, List<Long> sectionCompetencyIds,
            DetailsInput details, String actor, Instant now) {
        if (sectionCompetencyIds.isEmpty()) {
            throw new InvalidInputException("frameworkVersionId", "assessment.framework.empty",
                    "This framework version has no competencies to assess.");
        }
        this.organisationId = organisationId;
        this.frameworkVersionId = frameworkVersionId;
        this.state = AssessmentState.DRAFT;
        this.createdBy = actor;
        this.createdAt = now;
        applyDetails(details);
        int order = 0;
        for (Long competencyId : sectionCompetencyIds) {
            sections.add(new SectionAnswer(this, competencyId, order++));
        }
        history.add(new Transition(null, AssessmentState.DRAFT, actor, now, null));
    }

    /** Changes when, where, why and with whom; only while the assessment may be edited. */
    public void describe(DetailsInput details) {
        requireEditable();
        applyDetails(details);
    }

    private void applyDetails(DetailsInput details) {
        if (details.heldOn() == null) {
            throw new InvalidInputException("heldOn", "assessment.heldOn.required", "Give the date of the focus group.");
        }
        if (details.delivery() == null) {
            throw new InvalidInputException("delivery", "assessment.delivery.required",
                    "Say whether the focus group meets in person or online.");
        }
        String checkedPlace = Limits.text(details.place(), Limits.PLACE, "place");
        String checkedPurpose = Limits.text(details.purpose(), Limits.PURPOSE, "purpose");
        if (details.facilitatorIds().size() > Limits.FACILITATORS) {
            throw new InvalidInputException("facilitatorIds", "assessment.facilitators.tooMany",
                    "At most " + Limits.FACILITATORS + " facilitators.", Limits.FACILITATORS);
        }
        if (details.participants().size() > Limits.PARTICIPANTS) {
            throw new InvalidInputException("participants", "assessment.participants.tooMany",
                    "At most " + Limits.PARTICIPANTS + " participants.", Limits.PARTICIPANTS);
        }
        List<Participant> checked = new ArrayList<>();
        for (int i = 0; i < details.participants().size(); i++) {
            DetailsInput.ParticipantInput p = details.participants().get(i);
            String field = "participants[" + i + "]";
            String name = Limits.text(p.fullName(), Limits.NAME, field + ".fullName");
            if (name == null) {
                throw new InvalidInputException(field + ".fullName", "assessment.participant.nameRequired",
                        "Give the participant's name.");
            }
            checked.add(new Participant(name, Limits.text(p.positionTitle(), Limits.NAME, field + ".positionTitle"),
                    p.consentRecorded()));
        }
        this.heldOn = details.heldOn();
        this.delivery = details.delivery();
        this.place = checkedPlace;
        this.purpose = checkedPurpose;
        if (!facilitatorIds.equals(details.facilitatorIds())) {
            facilitatorIds.clear();
            facilitatorIds.addAll(details.facilitatorIds());
        }
        if (!sameParticipants(checked)) {
            participants.clear();
            participants.addAll(checked);
        }
    }

    private boolean sameParticipants(List<Participant> other) {
        if (other.size() != participants.size()) {
            return false;
        }
        for (int i = 0; i < other.size(); i++) {
            Participant a = participants.get(i);
            Participant b = other.get(i);
            if (!a.getFullName().equals(b.getFullName())
                    || !java.util.Objects.equals(a.getPositionTitle(), b.getPositionTitle())
                    || a.isConsentRecorded() != b.isConsentRecorded()) {
                return false;
            }
        }
        return true;
    }

    /**
     * Records the answer for one section, if {@code expectedVersion} is the section's current version (else a
     * {@link SectionConflictException}: nothing is overwritten). The first answer starts the assessment.
     *
     * @param scaleLevelIds the levels of the framework version's scale (any other level is refused)
     */
    public SectionAnswer answer(long competencyId, long expectedVersion, AnswerInput input, Set<Long> scaleLevelIds,
            String actor, Instant now) {
        requireEditable();
        SectionAnswer section = section(competencyId).orElseThrow(() -> new InvalidInputException("competencyId",
                "assessment.section.unknown", "Competency " + competencyId
                        + " is not a section of this assessment's framework version.", competencyId));
        if (section.getVersion() != expectedVersion) {
            throw new SectionConflictException(competencyId, expectedVersion, section.getVersion());
        }
        boolean changed = section.apply(input, scaleLevelIds, actor, now);
        if (changed && state != AssessmentState.IN_PROGRESS) {
            moveTo(AssessmentState.IN_PROGRESS, actor, now, null);
        }
        return section;
    }

    /** Submits the assessment: every section must have a level. */
    public void submit(String actor, Instant now) {
        requireEditable();
        List<Integer> missing = new ArrayList<>();
        for (SectionAnswer section : sections) {
            if (section.getLevelId() == null) {
                missing.add(section.getSortOrder() + 1);
            }
        }
        if (!missing.isEmpty()) {
            String list = String.join(", ", missing.stream().map(String::valueOf).toList());
            throw new InvalidInputException("levelId", "assessment.submit.incomplete",
                    "Choose a level for every section before submitting (missing: " + list + ").", list);
        }
        this.submittedAt = now;
        moveTo(AssessmentState.SUBMITTED, actor, now, null);
    }

    /** The organisation's focal point confirms a submitted assessment. */
    public void validate(String actor, Instant now) {
        if (state != AssessmentState.SUBMITTED) {
            throw new ConflictException("state", "assessment.validate.notSubmitted",
                    "Only a submitted assessment can be validated.");
        }
        this.validatedAt = now;
        this.validatedBy = actor;
        moveTo(AssessmentState.VALIDATED, actor, now, null);
    }

    /** Makes a submitted or validated assessment editable again; the reason is required and kept. */
    public void reopen(String reason, String actor, Instant now) {
        if (state != AssessmentState.SUBMITTED && state != AssessmentState.VALIDATED) {
            throw new ConflictException("state", "assessment.reopen.notSubmitted",
                    "Only a submitted or validated assessment can be reopened.");
        }
        String checked = Limits.text(reason, Limits.REASON, "reason");
        if (checked == null) {
            throw new InvalidInputException("reason", "assessment.reopen.reasonRequired",
                    "Say why the assessment is reopened.");
        }
        this.reopenReason = checked;
        this.validatedAt = null;
        this.validatedBy = null;
        moveTo(AssessmentState.REOPENED, actor, now, checked);
    }

    public void markAsDemo() {
        this.demo = true;
    }

    private void requireEditable() {
        if (!state.isEditable()) {
            throw new ConflictException("state", "assessment.locked",
                    "This assessment is " + state.name().toLowerCase() + ": reopen it (with a reason) to change it.",
                    state.name());
        }
    }

    private void moveTo(AssessmentState next, String actor, Instant now, String reason) {
        history.add(new Transition(state, next, actor, now, reason));
        this.state = next;
    }

    public Optional<SectionAnswer> section(long competencyId) {
        return sections.stream().filter(s -> s.getCompetencyId() == competencyId).findFirst();
    }

    public boolean isFacilitator(long personId) {
        return facilitatorIds.contains(personId);
    }

    public Long getId() { return id; }
    public long getOrganisationId() { return organisationId; }
    public long getFrameworkVersionId() { return frameworkVersionId; }
    public AssessmentState getState() { return state; }
    public LocalDate getHeldOn() { return heldOn; }
    public Delivery getDelivery() { return delivery; }
    public String getPlace() { return place; }
    public String getPurpose() { return purpose; }
    public Set<Long> getFacilitatorIds() { return Collections.unmodifiableSet(facilitatorIds); }
    public List<Participant> getParticipants() { return Collections.unmodifiableList(participants); }
    public List<Transition> getHistory() { return Collections.unmodifiableList(history); }
    public List<SectionAnswer> getSections() { return Collections.unmodifiableList(sections); }
    public String getCreatedBy() { return createdBy; }
    public Instant getCreatedAt() { return createdAt; }
    public Instant getSubmittedAt() { return submittedAt; }
    public Instant getValidatedAt() { return validatedAt; }
    public String getValidatedBy() { return validatedBy; }
    public String getReopenReason() { return reopenReason; }
    public boolean isDemo() { return demo; }
    public long getVersion() { return version; }
}
