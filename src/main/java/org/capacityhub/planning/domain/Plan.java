package org.capacityhub.planning.domain;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

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

import org.capacityhub.planning.DeliveryMode;
import org.capacityhub.planning.PlanConstraints;
import org.capacityhub.planning.Suggestion;
import org.capacityhub.platform.ConflictException;
import org.capacityhub.platform.InvalidInputException;

/**
 * A customised plan for one subject (an organisation or unit, or one person): the gaps it answers, each with a
 * learning objective, its activities (suggested, custom, and non-learning interventions), the participants'
 * expectations, and its life from draft to completed with the focal point's sign-off.
 */
@Entity
@Table(name = "plan")
public class Plan {

    public static final Set<String> LANGUAGES = Set.of("en", "fr", "es", "pt", "ar", "sw", "de", "ru", "zh");

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false)
    private String title;

    @Column(name = "organisation_id", nullable = false)
    private long organisationId;

    @Column(name = "person_id")
    private Long personId;

    @Column(name = "assessment_id")
    private Long assessmentId;

    @Column(name = "framework_version_id")
    private Long frameworkVersionId;

    @Column(name = "target_profile_id")
    private Long targetProfileId;

    @Column(name = "target_description")
    private String targetDescription;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private PlanState state = PlanState.DRAFT;

    @Column(nullable = false)
    private String languages;

    private String modes;

    @Column(name = "max_hours_per_month")
    private Integer maxHoursPerMonth;

    @Column(name = "max_cost")
    private BigDecimal maxCost;

    private String currency;

    private LocalDate deadline;

    @Column(name = "template_id")
    private Long templateId;

    @Column(name = "agreed_by")
    private String agreedBy;

    @Column(name = "agreed_at")
    private Instant agreedAt;

    @Column(name = "reassessment_id")
    private Long reassessmentId;

    @Column(nullable = false)
    private boolean demo;

    @Column(name = "self_assessment_id")
    private Long selfAssessmentId;

    @Column(nullable = false)
    private boolean shared;

    @Column(name = "reviewer_person_id")
    private Long reviewerPersonId;

    @Column(name = "reviewer_signs", nullable = false)
    private boolean reviewerSigns;

    @Column(name = "created_by", nullable = false)
    private String createdBy;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Version
    private long version;

    @OneToMany(mappedBy = "plan", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("position")
    @org.hibernate.annotations.BatchSize(size = 50)
    private List<PlanGap> gaps = new ArrayList<>();

    @OneToMany(mappedBy = "plan", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("position")
    @org.hibernate.annotations.BatchSize(size = 50)
    private List<PlanItem> items = new ArrayList<>();

    @OneToMany(mappedBy = "plan", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("submittedAt")
    private List<Expectation> expectations = new ArrayList<>();

    @ElementCollection
    @CollectionTable(name = "plan_transition", joinColumns = @JoinColumn(name = "plan_id"))
    @OrderColumn(name = "position")
    private List<PlanTransition> history = new ArrayList<>();

    protected Plan() {}

    /**
     * A new draft plan.
     *
     * @param personId null for an organisation's (or unit's) plan
     */
    public Plan(String title, long organisationId, Long personId, Set<String> languages, PlanConstraints constraints,
            String actor, Instant now) {
        this.title = Limits.required(title, Limits.TITLE, "title");
        this.organisationId = organisationId;
        this.personId = personId;
        this.createdBy = actor;
        this.createdAt = now;
        this.updatedAt = now;
        constrain(languages, constraints);
        history.add(new PlanTransition(null, PlanState.DRAFT, actor, now, null));
    }

    /** Where the gaps came from. */
    public void basedOn(Long assessmentId, Long frameworkVersionId, Long targetProfileId, String targetDescription) {
        this.assessmentId = assessmentId;
        this.frameworkVersionId = frameworkVersionId;
        this.targetProfileId = targetProfileId;
        this.targetDescription = Limits.text(targetDescription, Limits.TITLE, "targetProfileId");
    }

    /**
     * A person's plan: where the gaps came from (their own self-assessment) and who reviews it, the rater they named
     * on it ({@code signs}: named as their supervisor, so they sign off; otherwise the organisation's focal points
     * do).
     */
    public void basedOnSelfAssessment(long selfAssessmentId, long frameworkVersionId, Long targetProfileId,
            String targetDescription, Long reviewerPersonId, boolean signs) {
        if (personId == null) {
            throw new IllegalStateException("Only a person's plan comes from a self-assessment");
        }
        basedOn(null, frameworkVersionId, targetProfileId, targetDescription);
        this.selfAssessmentId = selfAssessmentId;
        this.reviewerPersonId = reviewerPersonId;
        this.reviewerSigns = reviewerPersonId != null && signs;
    }

    /** The person shares their plan with its reviewer and their organisation's focal points. */
    public void share(Instant now) {
        if (!shared) {
            shared = true;
            touch(now);
        }
    }

    /** The person takes their plan back; only while it is a draft (a reviewer keeps what they were asked to sign). */
    public void unshare(Instant now) {
        require(EnumSet.of(PlanState.DRAFT));
        if (shared) {
            shared = false;
            touch(now);
        }
    }

    public void fromTemplate(long templateId) {
        this.templateId = templateId;
    }

    public void markAsDemo() {
        this.demo = true;
    }

    // ------------------------------------------------------------ content

    private void requireEditable() {
        if (!state.editable()) {
            throw new ConflictException("state", "planning.plan.notEditable",
                    "An agreed plan is not changed: reopen it first.");
        }
    }

    public void rename(String title, Set<String> languages, PlanConstraints constraints, Instant now) {
        requireEditable();
        this.title = Limits.required(title, Limits.TITLE, "title");
        constrain(languages, constraints);
        touch(now);
    }

    private void constrain(Set<String> languages, PlanConstraints c) {
        if (languages == null || languages.isEmpty()) {
            throw new InvalidInputException("languages", "planning.plan.languagesRequired",
                    "Choose at least one language.");
        }
        if (!LANGUAGES.containsAll(languages)) {
            throw new InvalidInputException("languages", "planning.plan.languageUnknown", "Unknown language.");
        }
        this.languages = String.join(",", new java.util.TreeSet<>(languages));
        c = c == null ? PlanConstraints.NONE : c;
        this.modes = c.modes().isEmpty() ? null
                : c.modes().stream().map(Enum::name).sorted().collect(Collectors.joining(","));
        if (c.maxHoursPerMonth() != null && (c.maxHoursPerMonth() < 0 || c.maxHoursPerMonth() > 744)) {
            throw new InvalidInputException("maxHoursPerMonth", "planning.plan.hoursRange",
                    "Between 0 and 744 hours a month.");
        }
        this.maxHoursPerMonth = c.maxHoursPerMonth();
        String cur = c.currency() == null || c.currency().isBlank() ? null
                : c.currency().strip().toUpperCase(java.util.Locale.ROOT);
        if (c.maxCost() != null && (cur == null || !cur.matches("[A-Z]{3}"))) {
            throw new InvalidInputException("currency", "planning.cost.currency",
                    "A budget needs its currency (ISO 4217 code such as EUR or KES).");
        }
        this.maxCost = Limits.cost(c.maxCost(), cur, "maxCost");
        this.currency = maxCost == null ? null : cur;
        this.deadline = c.deadline();
    }

    public PlanGap addGap(long competencyId, UUID identifier, Integer currentRank, int targetRank, int scaleSize,
            int weight, Integer peopleCount, String objective) {
        PlanGap gap = new PlanGap(this, gaps.size(), competencyId, identifier, currentRank, targetRank, scaleSize,
                weight, peopleCount, objective);
        gaps.add(gap);
        return gap;
    }

    /** Adds a source's suggestion for a gap (during generation, or later when a source has something new). */
    public PlanItem addSuggestion(PlanGap gap, Suggestion s, int evidence, boolean later) {
        requireRoom();
        PlanItem item = PlanItem.suggested(this, gap, items.size(), s, evidence, later);
        items.add(item);
        gap.markCovered(true);
        return item;
    }

    /** An activity copied from a template. */
    public PlanItem addFromTemplate(PlanGap gap, PlanTemplate.Item t) {
        requireRoom();
        PlanItem item = PlanItem.fromTemplate(this, gap, items.size(), t);
        items.add(item);
        if (gap != null && item.getKind().learning()) {
            gap.markCovered(true);
        }
        return item;
    }

    public PlanItem addIntervention(PlanGap gap, Intervention intervention, String title, String owner,
            String reason) {
        requireRoom();
        PlanItem item = PlanItem.intervention(this, gap, items.size(), intervention, title, owner, reason);
        items.add(item);
        return item;
    }

    /** A custom activity (or intervention when {@code intervention} is set) the planner adds. */
    public PlanItem addCustom(Long gapId, ItemKind kind, Intervention intervention, ItemDetails details,
            Instant now) {
        requireEditable();
        requireRoom();
        PlanGap gap = gapId == null ? null : gap(gapId);
        PlanItem item;
        if (intervention != null) {
            item = PlanItem.intervention(this, gap, items.size(), intervention, details.title(), details.owner(), null);
        } else {
            item = new PlanItem(this, gap, items.size(), kind == null || kind == ItemKind.INTERVENTION
                    ? ItemKind.CUSTOM : kind, details.title());
        }
        item.describe(details);
        items.add(item);
        if (gap != null && item.getKind().learning()) {
            gap.markCovered(true);
        }
        touch(now);
        return item;
    }

    private void requireRoom() {
        if (items.size() >= Limits.ITEMS) {
            throw new InvalidInputException("items", "planning.plan.tooManyItems",
                    "At most " + Limits.ITEMS + " activities in a plan.", Limits.ITEMS);
        }
    }

    public void describeItem(long itemId, ItemDetails details, Instant now) {
        requireEditable();
        item(itemId).describe(details);
        touch(now);
    }

    public void removeItem(long itemId, Instant now) {
        requireEditable();
        PlanItem item = item(itemId);
        items.remove(item);
        renumber();
        PlanGap gap = item.getGap();
        if (gap != null) {
            gap.markCovered(items.stream().anyMatch(i -> i.getGap() == gap && i.getKind().learning()));
        }
        touch(now);
    }

    /** Moves an activity one place up (negative) or down (positive). */
    public void moveItem(long itemId, int delta, Instant now) {
        requireEditable();
        PlanItem item = item(itemId);
        int from = items.indexOf(item);
        int to = Math.max(0, Math.min(items.size() - 1, from + Integer.signum(delta)));
        if (from != to) {
            Collections.swap(items, from, to);
            renumber();
        }
        touch(now);
    }

    /** Moves a gap one place up or down in the plan's priorities. */
    public void moveGap(long gapId, int delta, Instant now) {
        requireEditable();
        PlanGap gap = gap(gapId);
        int from = gaps.indexOf(gap);
        int to = Math.max(0, Math.min(gaps.size() - 1, from + Integer.signum(delta)));
        if (from != to) {
            Collections.swap(gaps, from, to);
            for (int i = 0; i < gaps.size(); i++) {
                gaps.get(i).moveTo(i);
            }
        }
        touch(now);
    }

    /** Removes a gap from the plan, with its activities (interventions stay, without the gap). */
    public void removeGap(long gapId, Instant now) {
        requireEditable();
        PlanGap gap = gap(gapId);
        items.removeIf(i -> i.getGap() == gap && i.getKind().learning());
        items.stream().filter(i -> i.getGap() == gap).forEach(PlanItem::detachFromGap);
        gaps.remove(gap);
        for (int i = 0; i < gaps.size(); i++) {
            gaps.get(i).moveTo(i);
        }
        renumber();
        touch(now);
    }

    public void describeGap(long gapId, String objective, Instant now) {
        requireEditable();
        gap(gapId).describe(objective);
        touch(now);
    }

    private void renumber() {
        for (int i = 0; i < items.size(); i++) {
            items.get(i).moveTo(i);
        }
    }

    public void reportItem(long itemId, ItemStatus status, int progress, String actor, Instant now,
            LocalDate today) {
        if (!state.running()) {
            throw new ConflictException("state", "planning.item.notRunning",
                    "Progress is reported once the plan is agreed, until it is completed.");
        }
        item(itemId).report(status, progress, today);
        if (state == PlanState.AGREED) {
            move(PlanState.IN_PROGRESS, actor, now, null);
        }
        touch(now);
    }

    public Expectation expect(Long personId, String participant, String expectations, String motivations,
            Instant now) {
        if (!state.editable()) {
            throw new ConflictException("state", "planning.expectation.closed",
                    "Expectations are collected before the plan is agreed.");
        }
        Expectation e = personId == null ? null
                : this.expectations.stream().filter(x -> personId.equals(x.getPersonId())).findFirst().orElse(null);
        if (e == null) {
            if (this.expectations.size() >= 500) {
                throw new InvalidInputException("expectations", "planning.expectation.tooMany",
                        "At most 500 answers.");
            }
            e = new Expectation(this, personId);
            e.describe(participant, expectations, motivations, now);
            this.expectations.add(e);
        } else {
            e.describe(participant, expectations, motivations, now);
        }
        return e;
    }

    // ------------------------------------------------------------ life

    public void submitForReview(String actor, Instant now) {
        require(EnumSet.of(PlanState.DRAFT));
        if (gaps.isEmpty() && items.isEmpty()) {
            throw new ConflictException("state", "planning.plan.empty", "An empty plan cannot be reviewed.");
        }
        move(PlanState.IN_REVIEW, actor, now, null);
    }

    public void backToDraft(String actor, Instant now) {
        require(EnumSet.of(PlanState.IN_REVIEW));
        move(PlanState.DRAFT, actor, now, null);
    }

    /** The focal point's sign-off. */
    public void agree(String actor, String note, Instant now) {
        require(EnumSet.of(PlanState.IN_REVIEW));
        this.agreedBy = actor;
        this.agreedAt = now;
        move(PlanState.AGREED, actor, now, Limits.text(note, Limits.NOTE, "note"));
    }

    public void start(String actor, Instant now) {
        require(EnumSet.of(PlanState.AGREED));
        move(PlanState.IN_PROGRESS, actor, now, null);
    }

    public void complete(String actor, Instant now) {
        require(EnumSet.of(PlanState.AGREED, PlanState.IN_PROGRESS));
        move(PlanState.COMPLETED, actor, now, null);
    }

    /** Reopens an agreed, running or completed plan for changes: it needs a reason, and a new sign-off. */
    public void reopen(String reason, String actor, Instant now) {
        require(EnumSet.of(PlanState.AGREED, PlanState.IN_PROGRESS, PlanState.COMPLETED));
        String why = Limits.required(reason, Limits.NOTE, "reason");
        this.agreedBy = null;
        this.agreedAt = null;
        move(PlanState.DRAFT, actor, now, why);
    }

    private void require(Set<PlanState> allowed) {
        if (!allowed.contains(state)) {
            throw new ConflictException("state", "planning.plan.wrongState",
                    "This cannot be done to a plan in this state.");
        }
    }

    private void move(PlanState to, String actor, Instant now, String note) {
        history.add(new PlanTransition(state, to, actor, now, note));
        state = to;
        touch(now);
    }

    private void touch(Instant now) {
        this.updatedAt = now;
    }

    /** Records a later assessment: the rank found per competency identifier (gaps of other competencies keep theirs). */
    public void reassessed(long assessmentId, java.util.Map<UUID, Integer> ranks,
            java.util.Map<Long, Integer> ranksById) {
        this.reassessmentId = assessmentId;
        for (PlanGap g : gaps) {
            Integer r = g.getCompetencyIdentifier() == null ? null : ranks.get(g.getCompetencyIdentifier());
            if (r == null) {
                r = ranksById.get(g.getCompetencyId());
            }
            if (r != null) {
                g.reassessed(r);
            }
        }
    }

    public PlanGap gap(long gapId) {
        return gaps.stream().filter(g -> g.getId() != null && g.getId() == gapId).findFirst()
                .orElseThrow(() -> new org.capacityhub.platform.NotFoundException("PlanGap", gapId));
    }

    public PlanItem item(long itemId) {
        return items.stream().filter(i -> i.getId() != null && i.getId() == itemId).findFirst()
                .orElseThrow(() -> new org.capacityhub.platform.NotFoundException("PlanItem", itemId));
    }

    public PlanConstraints constraints() {
        Set<DeliveryMode> m = modes == null ? Set.of()
                : Arrays.stream(modes.split(",")).map(DeliveryMode::valueOf).collect(Collectors.toSet());
        return new PlanConstraints(m, maxHoursPerMonth, maxCost, currency, deadline);
    }

    public Set<String> languageSet() {
        return new LinkedHashSet<>(Arrays.asList(languages.split(",")));
    }

    public List<PlanItem> itemsOf(PlanGap gap) {
        return items.stream().filter(i -> i.getGap() == gap).sorted(Comparator.comparingInt(PlanItem::getPosition))
                .toList();
    }

    public Long getId() { return id; }
    public String getTitle() { return title; }
    public long getOrganisationId() { return organisationId; }
    public Long getPersonId() { return personId; }
    public Long getAssessmentId() { return assessmentId; }
    public Long getFrameworkVersionId() { return frameworkVersionId; }
    public Long getTargetProfileId() { return targetProfileId; }
    public String getTargetDescription() { return targetDescription; }
    public PlanState getState() { return state; }
    public Integer getMaxHoursPerMonth() { return maxHoursPerMonth; }
    public BigDecimal getMaxCost() { return maxCost; }
    public String getCurrency() { return currency; }
    public LocalDate getDeadline() { return deadline; }
    public Long getTemplateId() { return templateId; }
    public String getAgreedBy() { return agreedBy; }
    public Instant getAgreedAt() { return agreedAt; }
    public Long getReassessmentId() { return reassessmentId; }
    public boolean isDemo() { return demo; }
    public Long getSelfAssessmentId() { return selfAssessmentId; }
    public boolean isShared() { return shared; }
    public Long getReviewerPersonId() { return reviewerPersonId; }
    public boolean isReviewerSigns() { return reviewerSigns; }
    public String getCreatedBy() { return createdBy; }
    public Instant getCreatedAt() { return createdAt; }
    public Instant getUpdatedAt() { return updatedAt; }
    public long getVersion() { return version; }
    public List<PlanGap> getGaps() { return Collections.unmodifiableList(gaps); }
    public List<PlanItem> getItems() { return Collections.unmodifiableList(items); }
    public List<Expectation> getExpectations() { return Collections.unmodifiableList(expectations); }
    public List<PlanTransition> getHistory() { return Collections.unmodifiableList(history); }
}
