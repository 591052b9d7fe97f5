package org.capacityhub.assessment.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
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

import org.capacityhub.platform.InvalidInputException;

/**
 * The answer for one section (a top-level area of the framework version). Each carries its own version: two
 * facilitators editing different sections never conflict; a stale edit of the same section is refused.
 * Changed only through {@link Assessment#answer}.
 */
@Entity
@Table(name = "assessment_section")
public class SectionAnswer {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "assessment_id", nullable = false)
    private Assessment assessment;

    @Column(name = "competency_id", nullable = false)
    private long competencyId;

    @Column(name = "sort_order", nullable = false)
    private int sortOrder;

    @Column(name = "level_id")
    private Long levelId;

    @Column(name = "notes")
    private String notes;

    @Enumerated(EnumType.STRING)
    @Column(name = "confidence")
    private Confidence confidence;

    @ElementCollection
    @CollectionTable(name = "assessment_evidence", joinColumns = @JoinColumn(name = "section_id"))
    @OrderColumn(name = "sort_order")
    @Column(name = "url", nullable = false)
    private List<String> evidence = new ArrayList<>();

    @ElementCollection
    @CollectionTable(name = "assessment_barrier", joinColumns = @JoinColumn(name = "section_id"))
    @OrderColumn(name = "sort_order")
    private List<Barrier> barriers = new ArrayList<>();

    @Column(name = "updated_at")
    private Instant updatedAt;

    @Column(name = "updated_by")
    private String updatedBy;

    @Version
    private long version;

    protected SectionAnswer() {}

    SectionAnswer(Assessment assessment, long competencyId, int sortOrder) {
        this.assessment = assessment;
        this.competencyId = competencyId;
        this.sortOrder = sortOrder;
    }

    /** Checks then applies the whole answer (nothing changes if any part is refused); true if anything changed. */
    boolean apply(AnswerInput input, java.util.Set<Long> scaleLevelIds, String actor, Instant now) {
        if (input.levelId() != null && !scaleLevelIds.contains(input.levelId())) {
            throw new InvalidInputException("levelId", "assessment.level.unknown",
                    "Level " + input.levelId() + " is not a level of this framework version's scale.",
                    input.levelId());
        }
        String checkedNotes = Limits.text(input.notes(), Limits.NOTES, "notes");
        List<String> links = new ArrayList<>();
        for (String link : input.evidence()) {
            if (link != null && !link.isBlank()) {
                links.add(Limits.url(link, "evidence"));
            }
        }
        if (links.size() > Limits.EVIDENCE_LINKS) {
            throw new InvalidInputException("evidence", "assessment.evidence.tooMany",
                    "At most " + Limits.EVIDENCE_LINKS + " links per section.", Limits.EVIDENCE_LINKS);
        }
        if (input.barriers().size() > Limits.BARRIERS) {
            throw new InvalidInputException("barriers", "assessment.barrier.tooMany",
                    "At most " + Limits.BARRIERS + " barriers per section.", Limits.BARRIERS);
        }
        List<Barrier> checkedBarriers = new ArrayList<>();
        for (AnswerInput.BarrierInput barrier : input.barriers()) {
            if (barrier == null || barrier.kind() == null) {
                throw new InvalidInputException("barriers", "assessment.barrier.kindRequired",
                        "Choose the kind of each barrier.");
            }
            checkedBarriers.add(new Barrier(barrier.kind(),
                    Limits.text(barrier.description(), Limits.BARRIER_DESCRIPTION, "barriers." + barrier.kind())));
        }
        boolean changed = false;
        if (!java.util.Objects.equals(levelId, input.levelId()) || !java.util.Objects.equals(notes, checkedNotes)
                || confidence != input.confidence()) {
            this.levelId = input.levelId();
            this.notes = checkedNotes;
            this.confidence = input.confidence();
            changed = true;
        }
        if (!evidence.equals(links)) {
            evidence.clear();
            evidence.addAll(links);
            changed = true;
        }
        if (!sameBarriers(checkedBarriers)) {
            barriers.clear();
            barriers.addAll(checkedBarriers);
            changed = true;
        }
        if (changed) {
            this.updatedAt = now;
            this.updatedBy = actor;
        }
        return changed;
    }

    private boolean sameBarriers(List<Barrier> other) {
        if (other.size() != barriers.size()) {
            return false;
        }
        for (int i = 0; i < other.size(); i++) {
            Barrier a = barriers.get(i);
            Barrier b = other.get(i);
            if (a.getKind() != b.getKind() || !java.util.Objects.equals(a.getDescription(), b.getDescription())) {
                return false;
            }
        }
        return true;
    }

    public Long getId() { return id; }
    public Assessment getAssessment() { return assessment; }
    public long getCompetencyId() { return competencyId; }
    public int getSortOrder() { return sortOrder; }
    public Long getLevelId() { return levelId; }
    public String getNotes() { return notes; }
    public Confidence getConfidence() { return confidence; }
    public List<String> getEvidence() { return Collections.unmodifiableList(evidence); }
    public List<Barrier> getBarriers() { return Collections.unmodifiableList(barriers); }
    public Instant getUpdatedAt() { return updatedAt; }
    public String getUpdatedBy() { return updatedBy; }
    public long getVersion() { return version; }
}
