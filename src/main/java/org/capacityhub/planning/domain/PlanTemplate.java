package org.capacityhub.planning.domain;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embeddable;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.capacityhub.planning.DeliveryMode;

/**
 * A plan saved for reuse (e.g. for the PMO staff of every ministry): its gaps (competency, level wanted, objective)
 * and activities, applied to many organisations at once.
 */
@Entity
@Table(name = "plan_template")
public class PlanTemplate {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false)
    private String name;

    private String description;

    @Column(nullable = false)
    private String languages;

    @Column(name = "created_by", nullable = false)
    private String createdBy;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Version
    private long version;

    @ElementCollection
    @CollectionTable(name = "plan_template_gap", joinColumns = @JoinColumn(name = "template_id"))
    @OrderColumn(name = "position")
    private List<Gap> gaps = new ArrayList<>();

    @ElementCollection
    @CollectionTable(name = "plan_template_item", joinColumns = @JoinColumn(name = "template_id"))
    @OrderColumn(name = "position")
    private List<Item> items = new ArrayList<>();

    protected PlanTemplate() {}

    /** A template made from a plan: its gaps (without the level found) and its activities (without dates). */
    public PlanTemplate(String name, String description, Plan plan, String actor, Instant now) {
        this.name = Limits.required(name, Limits.TITLE, "name");
        this.description = Limits.text(description, Limits.TEXT, "description");
        this.languages = String.join(",", plan.languageSet());
        this.createdBy = actor;
        this.createdAt = now;
        for (PlanGap g : plan.getGaps()) {
            gaps.add(new Gap(g.getCompetencyId(), g.getCompetencyIdentifier(), g.getTargetRank(), g.getScaleSize(),
                    g.getWeight(), g.getObjective()));
        }
        for (PlanItem i : plan.getItems()) {
            if (i.getKind() == ItemKind.INTERVENTION && i.getGap() == null) {
                continue; // interventions for one organisation's barriers are not for everyone
            }
            items.add(new Item(i.getGap() == null ? null : plan.getGaps().indexOf(i.getGap()), i));
        }
    }

    public Long getId() { return id; }
    public String getName() { return name; }
    public String getDescription() { return description; }
    public String getLanguages() { return languages; }
    public String getCreatedBy() { return createdBy; }
    public Instant getCreatedAt() { return createdAt; }
    public List<Gap> getGaps() { return Collections.unmodifiableList(gaps); }
    public List<Item> getItems() { return Collections.unmodifiableList(items); }

    /** A gap of a template. */
    @Embeddable
    public static class Gap {
        @Column(name = "competency_id", nullable = false)
        private long competencyId;
        @Column(name = "competency_identifier")
        private UUID competencyIdentifier;
        @Column(name = "target_rank", nullable = false)
        private int targetRank;
        @Column(name = "scale_size", nullable = false)
        private int scaleSize;
        @Column(nullable = false)
        private int weight;
        @Column(nullable = false)
        private String objective;

        protected Gap() {}

        Gap(long competencyId, UUID competencyIdentifier, int targetRank, int scaleSize, int weight,
                String objective) {
            this.competencyId = competencyId;
            this.competencyIdentifier = competencyIdentifier;
            this.targetRank = targetRank;
            this.scaleSize = scaleSize;
            this.weight = weight;
            this.objective = objective;
        }

        public long getCompetencyId() { return competencyId; }
        public UUID getCompetencyIdentifier() { return competencyIdentifier; }
        public int getTargetRank() { return targetRank; }
        public int getScaleSize() { return scaleSize; }
        public int getWeight() { return weight; }
        public String getObjective() { return objective; }
    }

    /** An activity of a template. */
    @Embeddable
    public static class Item {
        @Column(name = "gap_position")
        private Integer gapPosition;
        @Column(name = "competency_id")
        private Long competencyId;
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
        private String owner;

        protected Item() {}

        Item(Integer gapPosition, PlanItem i) {
            this.gapPosition = gapPosition;
            this.competencyId = i.getCompetencyId();
            this.kind = i.getKind();
            this.intervention = i.getIntervention();
            this.source = i.getSource();
            this.reference = i.getReference();
            this.title = i.getTitle();
            this.url = i.getUrl();
            this.levelRank = i.getLevelRank();
            this.languages = i.getLanguages();
            this.mode = i.getMode();
            this.hours = i.getHours();
            this.costAmount = i.getCostAmount();
            this.costCurrency = i.getCostCurrency();
            this.owner = i.getOwner();
        }

        public Integer getGapPosition() { return gapPosition; }
        public Long getCompetencyId() { return competencyId; }
        public ItemKind getKind() { return kind; }
        public Intervention getIntervention() { return intervention; }
        public String getSource() { return source; }
        public String getReference() { return reference; }
        public String getTitle() { return title; }
        public String getUrl() { return url; }
        public Integer getLevelRank() { return levelRank; }
        public String getLanguages() { return languages; }
        public DeliveryMode getMode() { return mode; }
        public Integer getHours() { return hours; }
        public BigDecimal getCostAmount() { return costAmount; }
        public String getCostCurrency() { return costCurrency; }
        public String getOwner() { return owner; }
    }
}
