package org.capacityhub.planning.domain;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Set;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

import org.capacityhub.planning.DeliveryMode;
import org.capacityhub.planning.Suggestion;
import org.capacityhub.platform.InvalidInputException;

/**
 * One activity of a plan: a suggestion a source made (with its source and reference), a custom activity, or a
 * non-learning intervention; with owner, dates, effort, cost, status and progress.
 */
@Entity
@Table(name = "plan_item")
public class PlanItem {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "plan_id")
    private Plan plan;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "gap_id")
    private PlanGap gap;

    @Column(nullable = false)
    private int position;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private ItemKind kind;

    @Enumerated(EnumType.STRING)
    private Intervention intervention;

    private String source;
    private String reference;

    @Column(nullable = false)
    private String title;

    private String url;

    @Column(name = "competency_id")
    private Long competencyId;

    @Column(name = "level_rank")
    private Integer levelRank;

    private String languages;

    @Enumerated(EnumType.STRING)
    private DeliveryMode mode;

    private Integer hours;

    @Column(name = "cost_amount")
    private BigDecimal costAmount;

    @Column(name = "cost_currency")
    private String costCurrency;

    @Column(name = "starts_on")
    private LocalDate startsOn;

    @Column(name = "due_on")
    private LocalDate dueOn;

    private String owner;

    @Column(name = "owner_person_id")
    private Long ownerPersonId;

    private String reason;

    @Column(name = "evidence_count", nullable = false)
    private int evidenceCount;

    @Column(name = "added_later", nullable = false)
    private boolean addedLater;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private ItemStatus status = ItemStatus.PLANNED;

    @Column(nullable = false)
    private int progress;

    @Column(name = "completed_on")
    private LocalDate completedOn;

    @Column(name = "reminded_on")
    private LocalDate remindedOn;

    protected PlanItem() {}

    PlanItem(Plan plan, PlanGap gap, int position, ItemKind kind, String title) {
        this.plan = plan;
        this.gap = gap;
        this.position = position;
        this.kind = kind;
        this.title = Limits.required(title, Limits.ITEM_TITLE, "title");
    }

    /** An activity from a source's suggestion, with the evidence that it closed the gap elsewhere. */
    static PlanItem suggested(Plan plan, PlanGap gap, int position, Suggestion s, int evidence, boolean later) {
        PlanItem item = new PlanItem(plan, gap, position, ItemKind.of(s.kind()),
                s.title().length() > Limits.ITEM_TITLE ? s.title().substring(0, Limits.ITEM_TITLE) : s.title());
        item.source = s.source();
        item.reference = s.reference();
        item.url = s.url();
        item.competencyId = s.competencyId();
        item.levelRank = s.levelRank();
        item.languages = String.join(",", new java.util.TreeSet<>(s.languages()));
        item.mode = s.mode();
        item.hours = s.hoursPerMonth();
        if (s.cost() != null) {
            item.costAmount = s.cost().amount();
            item.costCurrency = s.cost().currency();
        }
        item.startsOn = s.startsOn();
        item.reason = s.reason() == null || s.reason().length() <= Limits.TEXT ? s.reason()
                : s.reason().substring(0, Limits.TEXT);
        item.evidenceCount = evidence;
        item.addedLater = later;
        return item;
    }

    static PlanItem fromTemplate(Plan plan, PlanGap gap, int position, PlanTemplate.Item t) {
        PlanItem item = new PlanItem(plan, gap, position, t.getKind(), t.getTitle());
        item.intervention = t.getIntervention();
        item.source = t.getSource();
        item.reference = t.getReference();
        item.url = t.getUrl();
        item.competencyId = t.getCompetencyId();
        item.levelRank = t.getLevelRank();
        item.languages = t.getLanguages();
        item.mode = t.getMode();
        item.hours = t.getHours();
        item.costAmount = t.getCostAmount();
        item.costCurrency = t.getCostCurrency();
        item.owner = t.getOwner();
        return item;
    }

    static PlanItem intervention(Plan plan, PlanGap gap, int position, Intervention intervention, String title,
            String owner, String reason) {
        PlanItem item = new PlanItem(plan, gap, position, ItemKind.INTERVENTION, title);
        item.intervention = intervention;
        item.owner = Limits.text(owner, Limits.OWNER, "owner");
        item.reason = Limits.text(reason, Limits.TEXT, "reason");
        return item;
    }

    /** The planner's details of the activity (owner, dates, effort, cost, link). */
    void describe(ItemDetails d) {
        this.title = Limits.required(d.title(), Limits.ITEM_TITLE, "title");
        this.url = Limits.url(d.url(), "url");
        this.owner = Limits.text(d.owner(), Limits.OWNER, "owner");
        this.ownerPersonId = d.ownerPersonId();
        if (d.startsOn() != null && d.dueOn() != null && d.dueOn().isBefore(d.startsOn())) {
            throw new InvalidInputException("dueOn", "planning.item.dueBeforeStart", "The due date is before the start.");
        }
        this.startsOn = d.startsOn();
        this.dueOn = d.dueOn();
        this.hours = Limits.hours(d.hours(), "hours");
        String currency = d.costCurrency() == null || d.costCurrency().isBlank() ? null
                : d.costCurrency().strip().toUpperCase(java.util.Locale.ROOT);
        this.costAmount = Limits.cost(d.costAmount(), currency, "costAmount");
        this.costCurrency = costAmount == null || costAmount.signum() == 0 ? null : currency;
        this.mode = d.mode();
    }

    void moveTo(int position) {
        this.position = position;
    }

    void detachFromGap() {
        this.gap = null;
    }

    /** Reports the status and progress (0 to 100) of the activity; done means 100. */
    void report(ItemStatus status, int progress, LocalDate today) {
        if (status == null) {
            throw new InvalidInputException("status", "planning.item.statusRequired", "Choose a status.");
        }
        if (progress < 0 || progress > 100) {
            throw new InvalidInputException("progress", "planning.item.progressRange", "Progress is 0 to 100 %.");
        }
        this.status = status;
        this.progress = status == ItemStatus.DONE ? 100 : progress;
        this.completedOn = status == ItemStatus.DONE ? (completedOn == null ? today : completedOn) : null;
    }

    void reminded(LocalDate on) {
        this.remindedOn = on;
    }

    /** Overdue: due before today and neither done nor cancelled. */
    public boolean overdue(LocalDate today) {
        return dueOn != null && dueOn.isBefore(today) && !status.closed();
    }

    public Set<String> languageSet() {
        return languages == null || languages.isBlank() ? Set.of()
                : new LinkedHashSet<>(Arrays.asList(languages.split(",")));
    }

    public Long getId() { return id; }
    public Plan getPlan() { return plan; }
    public PlanGap getGap() { return gap; }
    public int getPosition() { return position; }
    public ItemKind getKind() { return kind; }
    public Intervention getIntervention() { return intervention; }
    public String getSource() { return source; }
    public String getReference() { return reference; }
    public String getTitle() { return title; }
    public String getUrl() { return url; }
    public Long getCompetencyId() { return competencyId; }
    public Integer getLevelRank() { return levelRank; }
    public String getLanguages() { return languages; }
    public DeliveryMode getMode() { return mode; }
    public Integer getHours() { return hours; }
    public BigDecimal getCostAmount() { return costAmount; }
    public String getCostCurrency() { return costCurrency; }
    public LocalDate getStartsOn() { return startsOn; }
    public LocalDate getDueOn() { return dueOn; }
    public String getOwner() { return owner; }
    public Long getOwnerPersonId() { return ownerPersonId; }
    public String getReason() { return reason; }
    public int getEvidenceCount() { return evidenceCount; }
    public boolean isAddedLater() { return addedLater; }
    public ItemStatus getStatus() { return status; }
    public int getProgress() { return progress; }
    public LocalDate getCompletedOn() { return completedOn; }
    public LocalDate getRemindedOn() { return remindedOn; }
}
