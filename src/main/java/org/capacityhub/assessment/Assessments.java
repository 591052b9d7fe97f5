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
}
