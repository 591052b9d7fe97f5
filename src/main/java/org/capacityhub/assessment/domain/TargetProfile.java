package org.capacityhub.assessment.domain;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.MapKeyColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.capacityhub.platform.InvalidInputException;

/**
 * A named target profile: the desired level per competency (section) of one framework version, for a kind of
 * organisation (an organisation type name) or a position title.
 */
@Entity
@Table(name = "target_profile")
public class TargetProfile {

    /** The organisation types of the directory a profile may apply to. */
    public static final java.util.List<String> ORGANISATION_TYPES = org.capacityhub.directory.Directory.ORGANISATION_TYPES;
    public static final int NAME = 200;
    public static final int POSITION = 200;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false)
    private String name;

    @Column(name = "framework_version_id", nullable = false)
    private long frameworkVersionId;

    @Column(name = "organisation_type")
    private String organisationType;

    @Column(name = "position_title")
    private String positionTitle;

    @ElementCollection
    @CollectionTable(name = "target_profile_level", joinColumns = @JoinColumn(name = "target_profile_id"))
    @MapKeyColumn(name = "competency_id")
    @Column(name = "level_id", nullable = false)
    private Map<Long, Long> levels = new LinkedHashMap<>();

    /** Weight per competency (how much its gap counts); absent means 1. */
    @ElementCollection
    @CollectionTable(name = "target_profile_weight", joinColumns = @JoinColumn(name = "target_profile_id"))
    @MapKeyColumn(name = "competency_id")
    @Column(name = "weight", nullable = false)
    private Map<Long, Integer> weights = new LinkedHashMap<>();

    @Column(name = "created_by", nullable = false)
    private String createdBy;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "updated_by")
    private String updatedBy;

    @Column(name = "updated_at")
    private Instant updatedAt;

    @Version
    private long version;

    protected TargetProfile() {}

    public TargetProfile(long frameworkVersionId, String actor, Instant now) {
        this.frameworkVersionId = frameworkVersionId;
        this.createdBy = actor;
        this.createdAt = now;
    }

    /**
     * Sets name, scope and levels, checking them: a name; an organisation type or a position title (or both); only
     * the version's sections, only levels of the version's scale.
     */
    public void describe(String name, String organisationType, String positionTitle, Map<Long, Long> levels,
            Set<Long> sections, Set<Long> scale, String actor, Instant now) {
        String n = name == null ? "" : name.strip();
        if (n.isEmpty()) {
            throw new InvalidInputException("name", "assessment.target.name.required", "A name is required");
        }
        if (n.length() > NAME) {
            throw new InvalidInputException("name", "assessment.target.name.tooLong", "The name is too long", NAME);
        }
        String type = organisationType == null || organisationType.isBlank() ? null : organisationType.strip();
        if (type != null && !ORGANISATION_TYPES.contains(type)) {
            throw new InvalidInputException("organisationType", "assessment.target.type.unknown",
                    "Unknown kind of organisation", type);
        }
        String position = positionTitle == null || positionTitle.isBlank() ? null : positionTitle.strip();
        if (position != null && position.length() > POSITION) {
            throw new InvalidInputException("positionTitle", "assessment.target.position.tooLong",
                    "The position title is too long", POSITION);
        }
        if (type == null && position == null) {
            throw new InvalidInputException("organisationType", "assessment.target.scope.required",
                    "Choose a kind of organisation or give a position title");
        }
        Map<Long, Long> checked = new LinkedHashMap<>();
        if (levels != null) {
            for (Map.Entry<Long, Long> e : levels.entrySet()) {
                if (e.getKey() == null || !sections.contains(e.getKey())) {
                    throw new InvalidInputException("levels", "assessment.target.competency.outside",
                            "This competency is not part of the framework version", e.getKey());
                }
                if (e.getValue() == null) {
                    continue;
                }
                if (!scale.contains(e.getValue())) {
                    throw new InvalidInputException("levels[" + e.getKey() + "]", "assessment.target.level.outside",
                            "This level is not in the framework version's scale", e.getValue());
                }
                checked.put(e.getKey(), e.getValue());
            }
        }
        if (checked.isEmpty()) {
            throw new InvalidInputException("levels", "assessment.target.levels.required",
                    "Choose a target level for at least one section");
        }
        this.name = n;
        this.organisationType = type;
        this.positionTitle = position;
        this.levels.clear();
        this.levels.putAll(checked);
        if (id != null) {
            this.updatedBy = actor;
            this.updatedAt = now;
        }
    }

    /** The largest weight a competency may be given. */
    public static final int MAX_WEIGHT = 100;

    /**
     * Sets the weight of competencies of the version (1 to {@value #MAX_WEIGHT}; a weight of 1 or none is the
     * default and is not stored).
     */
    public void weigh(Map<Long, Integer> weights, Set<Long> competencies) {
        Map<Long, Integer> checked = new LinkedHashMap<>();
        if (weights != null) {
            for (Map.Entry<Long, Integer> e : weights.entrySet()) {
                if (e.getKey() == null || !competencies.contains(e.getKey())) {
                    throw new InvalidInputException("weights", "assessment.target.competency.outside",
                            "This competency is not part of the framework version", e.getKey());
                }
                if (e.getValue() == null || e.getValue() == 1) {
                    continue;
                }
                if (e.getValue() < 1 || e.getValue() > MAX_WEIGHT) {
                    throw new InvalidInputException("weights[" + e.getKey() + "]", "assessment.target.weight.range",
                            "A weight is a whole number from 1 to " + MAX_WEIGHT, MAX_WEIGHT);
                }
                checked.put(e.getKey(), e.getValue());
            }
        }
        this.weights.clear();
        this.weights.putAll(checked);
    }

    /** The weight of a competency: 1 unless set. */
    public int weightOf(long competencyId) {
        return weights.getOrDefault(competencyId, 1);
    }

    public Map<Long, Integer> getWeights() { return java.util.Collections.unmodifiableMap(weights); }
    public Long getId() { return id; }
    public String getName() { return name; }
    public long getFrameworkVersionId() { return frameworkVersionId; }
    public String getOrganisationType() { return organisationType; }
    public String getPositionTitle() { return positionTitle; }
    public Map<Long, Long> getLevels() { return java.util.Collections.unmodifiableMap(levels); }
    public String getCreatedBy() { return createdBy; }
    public Instant getCreatedAt() { return createdAt; }
    public long getVersion() { return version; }
}
