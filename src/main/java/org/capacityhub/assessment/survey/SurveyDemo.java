package org.capacityhub.assessment.survey;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.capacityhub.assessment.domain.Assessment;
import org.capacityhub.assessment.domain.AssessmentRepository;
import org.capacityhub.directory.Directory;
import org.capacityhub.framework.Frameworks;
import org.capacityhub.framework.Frameworks.Competency;
import org.capacityhub.framework.Frameworks.ScaleLevel;
import org.capacityhub.platform.AuditContext;
import org.capacityhub.platform.DemoContributor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The survey's part of the demo dataset: an anonymous staff survey that prepared the demo Ministry of Digital
 * Economy's focus-group assessment, with three groups: leadership (6 responses), ICT practitioners (8) and other
 * staff (3, so that the small-numbers rule shows). Skipped without the demo assessment.
 */
@Component
class SurveyDemo implements DemoContributor {

    static final String MINISTRY = "Ministry of Digital Economy";
    private static final Logger log = LoggerFactory.getLogger(SurveyDemo.class);

    /** Per group: its name, and per respondent the rank offset from the group's base (per section). */
    private record Group(String name, int[] base, int respondents, String[] comments) {}

    private static final List<Group> GROUPS = List.of(
            new Group("Leadership", new int[] {2, 1, 2, 1, 2, 2, 1, 1}, 6, new String[] {
                    "We have a strategy; delivery depends on a few people (demo).",
                    "Decisions still go up to the Permanent Secretary (demo)."}),
            new Group("ICT practitioners", new int[] {1, 0, 1, 0, 1, 1, 0, 0}, 8, new String[] {
                    "No time set aside for learning new methods (demo).",
                    "We build services one by one, without shared building blocks (demo).",
                    "Managers ask for detailed instructions rather than outcomes (demo)."}),
            new Group("Other staff", new int[] {0, 0, 1, 0, 1, 0, 0, 0}, 3, new String[] {
                    "Nobody explained the digital strategy to us (demo)."}));

    private final Directory directory;
    private final Frameworks frameworks;
    private final AssessmentRepository assessments;
    private final SurveyRepository surveys;
    private final SurveyLinkRepository links;
    private final SurveyResponseRepository responses;

    SurveyDemo(Directory directory, Frameworks frameworks, AssessmentRepository assessments, SurveyRepository surveys,
            SurveyLinkRepository links, SurveyResponseRepository responses) {
        this.directory = directory;
        this.frameworks = frameworks;
        this.assessments = assessments;
        this.surveys = surveys;
        this.links = links;
        this.responses = responses;
    }

    @Override
    public int order() {
        return 31;
    }

    @Override
    public void contribute() {
        Optional<Assessment> assessment = directory.demoOrganisationNamed(MINISTRY)
                .flatMap(o -> assessments.findByOrganisationIdOrderByHeldOnDescIdDesc(o.id()).stream()
                        .filter(Assessment::isDemo).findFirst());
        if (assessment.isEmpty()) {
            log.info("Demo survey skipped: no demo assessment of '{}'.", MINISTRY);
            return;
        }
        Assessment a = assessment.get();
        long versionId = a.getFrameworkVersionId();
        List<Long> sections = frameworks.tree(versionId).stream().filter(c -> c.parentId() == null)
                .map(Competency::id).toList();
        List<ScaleLevel> scale = frameworks.levels(versionId);
        Instant now = Instant.now();
        Survey survey = new Survey(a.getOrganisationId(), versionId, a.getId(),
                "Staff survey before the focus group (demo)", GROUPS.stream().map(Group::name).toList(), null,
                AuditContext.currentActor(), now);
        survey.markAsDemo();
        survey.close(AuditContext.currentActor(), now);
        surveys.saveAndFlush(survey);
        for (int g = 0; g < GROUPS.size(); g++) {
            Group group = GROUPS.get(g);
            long groupId = survey.getGroups().get(g).getId();
            for (int r = 0; r < group.respondents(); r++) {
                // issued and spent like any link; the token itself was never kept
                SurveyLink link = links.save(new SurveyLink(survey.getId(), groupId,
                        SurveyService.hash("demo-" + survey.getId() + "-" + g + "-" + r + "-" + now.toEpochMilli())));
                links.spend(link.getId());
                List<SurveyResponse.Answer> answers = new ArrayList<>();
                for (int s = 0; s < sections.size(); s++) {
                    int rank = group.base()[s % group.base().length] + ((r + s) % 3 == 0 ? -1 : 0) + (r % 4 == 3 ? 1 : 0);
                    rank = Math.max(0, Math.min(scale.size() - 1, rank));
                    String comment = s == 1 && r < group.comments().length ? group.comments()[r]
                            : s == 7 && r == 0 ? group.comments()[group.comments().length - 1] : null;
                    answers.add(new SurveyResponse.Answer(sections.get(s), scale.get(rank).id(), comment));
                }
                responses.save(new SurveyResponse(survey.getId(), groupId, answers));
            }
        }
    }
}
