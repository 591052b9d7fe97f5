package org.capacityhub.assessment.individual;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.capacityhub.assessment.domain.TargetProfile;
import org.capacityhub.assessment.domain.TargetProfileRepository;
import org.capacityhub.directory.Directory;
import org.capacityhub.framework.Frameworks;
import org.capacityhub.framework.Frameworks.Competency;
import org.capacityhub.framework.Frameworks.FrameworkVersionRef;
import org.capacityhub.framework.Frameworks.ScaleLevel;
import org.capacityhub.platform.AuditContext;
import org.capacityhub.platform.DemoContributor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The self-assessments' part of the demo dataset (after the organisational assessment): a target profile for the
 * demo systems analysts against the UNESCO framework, and UNESCO self-assessments of Fatuma Wanjiru (the demo civil
 * servant: one from three months ago and a recent one rated by her supervisor Jean-Baptiste Moreau) and of her
 * colleague Aisha Kamara. Skipped when the directory's demo people or the UNESCO framework are not there.
 */
@Component
class SelfAssessmentDemo implements DemoContributor {

    static final String CIVIL_SERVANT = "fatuma.wanjiru@examplia.example";
    static final String SUPERVISOR = "jb.moreau@examplia.example";
    static final String COLLEAGUE = "aisha.kamara@examplia.example";
    private static final Logger log = LoggerFactory.getLogger(SelfAssessmentDemo.class);

    private final Directory directory;
    private final Frameworks frameworks;
    private final SelfAssessmentRepository selfAssessments;
    private final TargetProfileRepository profiles;

    SelfAssessmentDemo(Directory directory, Frameworks frameworks, SelfAssessmentRepository selfAssessments,
            TargetProfileRepository profiles) {
        this.directory = directory;
        this.frameworks = frameworks;
        this.selfAssessments = selfAssessments;
        this.profiles = profiles;
    }

    @Override
    public int order() {
        return 31;
    }

    @Override
    public void contribute() {
        Optional<Directory.PersonSummary> civil = directory.personByEmail(CIVIL_SERVANT);
        Optional<Directory.PersonSummary> supervisor = directory.personByEmail(SUPERVISOR);
        Optional<Directory.PersonSummary> colleague = directory.personByEmail(COLLEAGUE);
        Optional<FrameworkVersionRef> unesco = frameworks.publishedFrameworks().stream()
                .filter(f -> f.frameworkIdentifier().equals(Frameworks.UNESCO_DIGITAL_COMPETENCIES)).findFirst();
        if (civil.isEmpty() || supervisor.isEmpty() || colleague.isEmpty() || unesco.isEmpty()) {
            log.info("Demo self-assessments skipped: no demo people or no published UNESCO framework.");
            return;
        }
        long versionId = unesco.get().versionId();
        SelfAssessmentService.Shape shape = SelfAssessmentService.shape(frameworks, versionId);
        List<ScaleLevel> scale = shape.scale();
        List<Competency> leaves = shape.leaves();
        String actor = AuditContext.currentActor();
        Instant now = Instant.now();

        // target: High in data use and governance, Moderate elsewhere; privacy and security counts double
        TargetProfile profile = new TargetProfile(versionId, actor, now);
        Map<Long, Long> targets = new LinkedHashMap<>();
        Map<Long, Integer> weights = new LinkedHashMap<>();
        List<Competency> domains = shape.tree().stream().filter(c -> c.parentId() == null).toList();
        for (int i = 0; i < domains.size(); i++) {
            targets.put(domains.get(i).id(), scale.get(Math.min(i == 1 ? 2 : 1, scale.size() - 1)).id());
        }
        leaves.stream().filter(c -> "2.4".equals(c.code())).findFirst().ifPresent(c -> weights.put(c.id(), 2));
        java.util.Set<Long> all = shape.byId().keySet();
        profile.describe("Systems analysts (demo)", null, civil.get().positionTitle(), targets, all,
                shape.levelIds(), actor, now);
        profile.weigh(weights, all);
        profiles.save(profile);

        // Fatuma three months ago: Basic nearly everywhere
        save(civil.get().id(), null, shape, i -> i % 4 == 0 ? 1 : 0, null, now.minus(Duration.ofDays(90)));
        // Fatuma now, rated by her supervisor
        save(civil.get().id(), supervisor.get().id(), shape, i -> i % 3 == 0 ? 2 : 1, i -> i % 2 == 0 ? 1 : 2,
                now.minus(Duration.ofDays(3)));
        // her colleague
        save(colleague.get().id(), null, shape, i -> i % 5 == 0 ? 2 : 1, null, now.minus(Duration.ofDays(10)));
    }

    private void save(long personId, Long raterId, SelfAssessmentService.Shape shape,
            java.util.function.IntUnaryOperator own, java.util.function.IntUnaryOperator rater, Instant when) {
        List<ScaleLevel> scale = shape.scale();
        List<Competency> leaves = shape.leaves();
        SelfAssessment s = new SelfAssessment(personId, shape.tree().get(0).versionId(),
                leaves.stream().map(Competency::id).toList(), when.minus(Duration.ofHours(1)));
        s.nameRater(raterId, RaterRole.SUPERVISOR);
        Map<Long, RatingInput> ratings = new LinkedHashMap<>();
        for (int i = 0; i < leaves.size(); i++) {
            ratings.put(leaves.get(i).id(), new RatingInput(scale.get(Math.min(own.applyAsInt(i), scale.size() - 1)).id(),
                    i == 0 ? "Used systems maps for the e-services inventory (demo)." : null,
                    i == 0 ? List.of("https://examplia.example/demo/e-services-map") : List.of()));
        }
        s.rate(ratings, shape.levelIds());
        s.submit(when);
        if (raterId != null && rater != null) {
            Map<Long, RatingInput> second = new LinkedHashMap<>();
            for (int i = 0; i < leaves.size(); i++) {
                second.put(leaves.get(i).id(), new RatingInput(
                        scale.get(Math.min(rater.applyAsInt(i), scale.size() - 1)).id(),
                        i == 0 ? "Agreed: she led the mapping workshop (demo)." : null, null));
            }
            s.rateAsRater(second, shape.levelIds());
            s.submitAsRater(when.plus(Duration.ofDays(1)));
        }
        s.markAsDemo();
        selfAssessments.save(s);
    }
}
