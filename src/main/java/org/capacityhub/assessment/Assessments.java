package org.capacityhub.assessment;

import java.util.List;
import java.util.Optional;

import org.capacityhub.assessment.domain.AssessmentService;
import org.capacityhub.assessment.domain.TargetProfileService;
import org.capacityhub.assessment.individual.SelfAssessmentService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Results of organisational assessments, for other modules, always checked against the current user's access:
 * what they may not see does not exist for them.
 */
@Service
@Transactional(readOnly = true)
public class Assessments {

    private final AssessmentService service;
    private final TargetProfileService targets;

    private final SelfAssessmentService selfAssessments;

    Assessments(AssessmentService service, TargetProfileService targets, SelfAssessmentService selfAssessments) {
        this.service = service;
        this.targets = targets;
        this.selfAssessments = selfAssessments;
    }

    /**
     * A person's gaps (target − current per competency, from their latest submitted self-assessment of each
     * framework version, against the target profile that applies to them), one per version; only the person sees
     * their own: empty for anyone else.
     */
    public List<PersonGaps> personGaps(long personId) {
        return selfAssessments.personGaps(personId);
    }

    /** The results of an assessment the current user may see. */
    public Optional<AssessmentResult> result(long assessmentId) {
        return service.result(assessmentId);
    }

    /** The final (submitted or validated) results for an organisation the current user may see, newest first. */
    public List<AssessmentResult> finalResults(long organisationId) {
        return service.finalResults(organisationId);
    }

    /**
     * The gaps of an assessment the current user may see against a target profile of the same framework version
     * (target rank − current rank per competency, 0 at or above target, null when not rated); empty when either
     * does not exist for the current user.
     */
    public Optional<AssessmentGaps> gaps(long assessmentId, long targetProfileId) {
        return targets.findGaps(assessmentId, targetProfileId);
    }

    /**
     * The target profiles of the framework version of an assessment the current user may see, the one for its
     * organisation's type first (the one the submission event used); empty when the assessment does not exist for
     * the current user.
     */
    public List<TargetProfileRef> targetProfiles(long assessmentId) {
        if (service.result(assessmentId).isEmpty()) {
            return List.of();
        }
        Long preferred = targets.defaultProfile(assessmentId).orElse(null);
        return targets.profilesFor(assessmentId).stream()
                .sorted(java.util.Comparator.comparing(p -> !Long.valueOf(p.id()).equals(preferred)))
                .map(p -> new TargetProfileRef(p.id(), p.name(), p.organisationType(), p.positionTitle())).toList();
    }

    /**
     * The barriers recorded on the sections of an assessment the current user may see, in section order; empty
     * when it does not exist for the current user.
     */
    public List<SectionBarrier> barriers(long assessmentId) {
        return service.barriers(assessmentId);
    }

    /**
     * How many people of an organisation (with its units) share each gap, from their self-assessments, for ordering
     * an organisation's gaps: per key (e.g. a gap's competency), the number of its people whose latest submitted
     * self-assessment of a version shows a gap (target − current &gt; 0, against the target profile that applies to
     * them) on one of the key's competencies (the caller passes the competency with its descendants and whatever
     * else should count). Small numbers stay hidden: a count under 5, none included, is given as 0 ("fewer than
     * 5"), never exactly; a key none of whose competencies anyone of the organisation rated is left out (not known).
     * Empty when the current user may not view the organisation.
     */
    public java.util.Map<Long, Integer> peopleSharingGaps(long organisationId,
            java.util.Map<Long, java.util.Set<Long>> competenciesByKey) {
        return selfAssessments.peopleSharingGaps(organisationId, competenciesByKey);
    }

    /** Counts of people under this many are never given exactly (see {@link #peopleSharingGaps}). */
    public static final int PEOPLE_THRESHOLD = SelfAssessmentService.THRESHOLD;

    /** The rater a person named on their self-assessment, and whether they named them as their supervisor. */
    public record NamedRater(long personId, boolean supervisor) {}

    /**
     * The rater named on a self-assessment of the current user (only the person asks about their own: empty for
     * anyone else, and when they named nobody).
     */
    public Optional<NamedRater> namedRater(long selfAssessmentId) {
        return selfAssessments.namedRater(selfAssessmentId);
    }
}
