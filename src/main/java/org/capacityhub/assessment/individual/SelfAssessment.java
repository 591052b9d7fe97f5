package org.capacityhub.assessment.individual;

import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

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
import jakarta.persistence.MapKeyColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.capacityhub.platform.ConflictException;
import org.capacityhub.platform.InvalidInputException;

/**
 * One person's self-assessment against one exact published framework version: a dated snapshot with a rating per
 * competency (every leaf of the version's tree, at any depth). A draft until the person submits it; submitted, it
 * never changes, except that the rater the person named adds their own rating per competency beside the person's
 * (never merged into it), once, and submits it.
 */
@Entity
@Table(name = "self_assessment")
public class SelfAssessment {

    public static final int COMMENT = 2000;
    public static final int EVIDENCE_LINKS = 10;
    public static final int EVIDENCE_LINK = 390;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "person_id", nullable = false)
    private long personId;

    @Column(name = "framework_version_id", nullable = false)
    private long frameworkVersionId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private SelfAssessmentState state = SelfAssessmentState.DRAFT;

    @Column(name = "rater_person_id")
    private Long raterPersonId;

    @Enumerated(EnumType.STRING)
    @Column(name = "rater_role")
    private RaterRole raterRole;

    @Column(name = "rater_submitted_at")
    private Instant raterSubmittedAt;

    @Column(name = "target_profile_id")
    private Long targetProfileId;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "submitted_at")
    private Instant submittedAt;

    @Column(nullable = false)
    private boolean demo;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "self_rating", joinColumns = @JoinColumn(name = "self_assessment_id"))
    @MapKeyColumn(name = "competency_id")
    private Map<Long, SelfRating> ratings = new LinkedHashMap<>();

    @Version
    private long version;

    protected SelfAssessment() {}

    /** A new draft with an empty rating for each competency to rate. */
    public SelfAssessment(long personId, long frameworkVersionId, Collection<Long> competencies, Instant now) {
        if (competencies.isEmpty()) {
            throw new InvalidInputException("frameworkVersionId", "assessment.self.framework.empty",
                    "This framework version has no competencies to rate");
        }
        this.personId = personId;
        this.frameworkVersionId = frameworkVersionId;
        this.createdAt = now;
        int position = 0;
        for (Long c : competencies) {
            ratings.put(c, SelfRating.empty(position++));
        }
    }

    private void requireDraft() {
        if (state != SelfAssessmentState.DRAFT) {
            throw new ConflictException("state", "assessment.self.submitted",
                    "This self-assessment was submitted and can no longer change");
        }
    }

    /** Names (or, with null, removes) the rater who gives a second rating: someone else than the person. */
    public void nameRater(Long raterPersonId, RaterRole role) {
        requireDraft();
        if (raterPersonId == null) {
            this.raterPersonId = null;
            this.raterRole = null;
            return;
        }
        if (raterPersonId == personId) {
            throw new InvalidInputException("raterPersonId", "assessment.self.rater.self",
                    "Name someone else than yourself");
        }
        this.raterPersonId = raterPersonId;
        this.raterRole = role == null ? RaterRole.SUPERVISOR : role;
    }

    /** The target profile the person chose (null: the one matching their position). */
    public void chooseTargetProfile(Long targetProfileId) {
        this.targetProfileId = targetProfileId;
    }

    /**
     * Saves the person's ratings of some competencies, all or none: every competency must be one of this
     * self-assessment, every level one of the version's scale.
     */
    public void rate(Map<Long, RatingInput> input, Set<Long> scale) {
        requireDraft();
        Map<Long, RatingInput> checked = check(input, scale, true);
        checked.forEach((c, r) -> ratings.get(c).rate(r.levelId(), r.comment(), r.evidence()));
    }

    /** Saves the rater's ratings (only once the person submitted, until the rater submits), all or none. */
    public void rateAsRater(Map<Long, RatingInput> input, Set<Long> scale) {
        requireRaterOpen();
        Map<Long, RatingInput> checked = check(input, scale, false);
        checked.forEach((c, r) -> ratings.get(c).rateAsRater(r.levelId(), r.comment()));
    }

    private void requireRaterOpen() {
        if (state != SelfAssessmentState.SUBMITTED) {
            throw new ConflictException("state", "assessment.self.rater.notYet",
                    "The person has not submitted this self-assessment yet");
        }
        if (raterSubmittedAt != null) {
            throw new ConflictException("state", "assessment.self.rater.submitted",
                    "Your rating was submitted and can no longer change");
        }
    }

    private Map<Long, RatingInput> check(Map<Long, RatingInput> input, Set<Long> scale, boolean evidenceAllowed) {
        Map<Long, RatingInput> checked = new LinkedHashMap<>();
        for (Map.Entry<Long, RatingInput> e : input.entrySet()) {
            Long competency = e.getKey();
            RatingInput r = e.getValue() == null ? new RatingInput(null, null, null) : e.getValue();
            if (competency == null || !ratings.containsKey(competency)) {
                throw new InvalidInputException("ratings", "assessment.self.competency.outside",
                        "Competency {0} is not one of this self-assessment's framework version", competency);
            }
            String field = "ratings[" + competency + "]";
            if (r.levelId() != null && !scale.contains(r.levelId())) {
                throw new InvalidInputException(field + ".levelId", "assessment.self.level.outside",
                        "Level {0} is not a level of this framework version's scale", r.levelId());
            }
            String comment = r.comment() == null || r.comment().isBlank() ? null : r.comment().strip();
            if (comment != null && comment.length() > COMMENT) {
                throw new InvalidInputException(field + ".comment", "assessment.self.comment.tooLong",
                        "The comment is too long", COMMENT);
            }
            List<String> evidence = new ArrayList<>();
            for (String link : r.evidence()) {
                String l = link == null ? "" : link.strip();
                if (!l.isEmpty()) {
                    evidence.add(l);
                }
            }
            if (!evidenceAllowed) {
                evidence.clear();
            }
            if (evidence.size() > EVIDENCE_LINKS) {
                throw new InvalidInputException(field + ".evidence", "assessment.self.evidence.tooMany",
                        "Too many evidence links", EVIDENCE_LINKS);
            }
            for (String link : evidence) {
                if (link.length() > EVIDENCE_LINK || !isWebLink(link)) {
                    throw new InvalidInputException(field + ".evidence", "assessment.self.evidence.invalid",
                            "An evidence link must be an http or https address", link);
                }
            }
            checked.put(competency, new RatingInput(r.levelId(), comment, evidence));
        }
        return checked;
    }

    private static boolean isWebLink(String link) {
        try {
            URI uri = new URI(link);
            return ("http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme()))
                    && uri.getHost() != null;
        } catch (java.net.URISyntaxException e) {
            return false;
        }
    }

    /** Submits the self-assessment: every competency must be rated. */
    public void submit(Instant now) {
        requireDraft();
        long missing = ratings.values().stream().filter(r -> r.getLevelId() == null).count();
        if (missing > 0) {
            throw new InvalidInputException("ratings", "assessment.self.incomplete",
                    "Rate every competency before submitting ({0} not rated)", missing);
        }
        this.state = SelfAssessmentState.SUBMITTED;
        this.submittedAt = now;
    }

    /** The rater submits their ratings: every competency must be rated. */
    public void submitAsRater(Instant now) {
        requireRaterOpen();
        long missing = ratings.values().stream().filter(r -> r.getRaterLevelId() == null).count();
        if (missing > 0) {
            throw new InvalidInputException("ratings", "assessment.self.incomplete",
                    "Rate every competency before submitting ({0} not rated)", missing);
        }
        this.raterSubmittedAt = now;
    }

    public void markAsDemo() {
        this.demo = true;
    }

    public boolean isOwnedBy(long personId) {
        return this.personId == personId;
    }

    public boolean isRatedBy(long personId) {
        return raterPersonId != null && raterPersonId == personId;
    }

    public Long getId() { return id; }
    public long getPersonId() { return personId; }
    public long getFrameworkVersionId() { return frameworkVersionId; }
    public SelfAssessmentState getState() { return state; }
    public Long getRaterPersonId() { return raterPersonId; }
    public RaterRole getRaterRole() { return raterRole; }
    public Instant getRaterSubmittedAt() { return raterSubmittedAt; }
    public Long getTargetProfileId() { return targetProfileId; }
    public Instant getCreatedAt() { return createdAt; }
    public Instant getSubmittedAt() { return submittedAt; }
    public boolean isDemo() { return demo; }
    public long getVersion() { return version; }
    public Map<Long, SelfRating> getRatings() { return Collections.unmodifiableMap(ratings); }
}
