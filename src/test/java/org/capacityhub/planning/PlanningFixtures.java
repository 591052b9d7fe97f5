package org.capacityhub.planning;

import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

import org.capacityhub.assessment.domain.AnswerInput;
import org.capacityhub.assessment.domain.AssessmentService;
import org.capacityhub.assessment.domain.BarrierKind;
import org.capacityhub.assessment.domain.Delivery;
import org.capacityhub.assessment.domain.DetailsInput;
import org.capacityhub.assessment.domain.TargetProfileService;
import org.capacityhub.directory.organisation.Organisation;
import org.capacityhub.directory.person.Person;
import org.capacityhub.framework.Frameworks;
import org.capacityhub.support.DirectoryFixtures;
import org.capacityhub.support.DirectoryFixtures.Actor;
import org.springframework.context.ApplicationContext;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Planning test data with unique names: a ministry with its focal point, a member, a programme coordinator and an
 * outsider; GovStack (seed 001) assessments rated and submitted; a target profile. Made from the shared context.
 */
class PlanningFixtures {

    final DirectoryFixtures directory;
    final AssessmentService assessments;
    final TargetProfileService targets;
    final Frameworks frameworks;

    final Organisation ministry;
    final Actor focal;
    final Actor member;
    final Actor coordinator;
    final Actor outsider;
    final Person focalPerson;
    final Person memberPerson;
    final long programmeId;

    PlanningFixtures(ApplicationContext context, String name) {
        directory = DirectoryFixtures.of(context);
        assessments = context.getBean(AssessmentService.class);
        targets = context.getBean(TargetProfileService.class);
        frameworks = context.getBean(Frameworks.class);
        ministry = directory.ministry(name);
        focalPerson = directory.person("Focal point", ministry);
        directory.focalPoint(ministry, focalPerson);
        focal = directory.account(focalPerson);
        memberPerson = directory.person("Member", ministry);
        member = directory.account(memberPerson);
        Person coordinatorPerson = directory.person("Coordinator", null);
        coordinator = directory.account(coordinatorPerson);
        programmeId = directory.programme("Programme", List.of(ministry), List.of(coordinatorPerson)).getId();
        outsider = directory.memberOf(directory.ministry("Elsewhere"));
    }

    Frameworks.FrameworkVersionRef govstack() {
        return frameworks.publishedFrameworks().stream()
                .filter(f -> f.frameworkIdentifier().equals(Frameworks.GOVSTACK_SKILLS_ASSESSMENT)).findFirst()
                .orElseThrow();
    }

    List<Frameworks.Competency> sections() {
        return frameworks.tree(govstack().versionId()).stream().filter(c -> c.parentId() == null).toList();
    }

    List<Frameworks.ScaleLevel> scale() {
        return frameworks.levels(govstack().versionId());
    }

    /** A target profile asking for the highest level in every section. */
    long profileAllHigh() {
        var scale = scale();
        Map<Long, Long> levels = new java.util.HashMap<>();
        sections().forEach(s -> levels.put(s.id(), scale.get(scale.size() - 1).id()));
        return as(directory.admin(), () -> targets.create(govstack().versionId(),
                "All high " + DirectoryFixtures.unique(), "AGENCY", null, levels));
    }

    /**
     * A submitted GovStack assessment of the ministry with these ranks per section (in order), and a budget barrier
     * on the third section.
     */
    long submitted(Organisation organisation, int... ranks) {
        return as(focal, () -> {
            long id = assessments.create(organisation.getId(), govstack().versionId(), new DetailsInput(
                    LocalDate.of(2026, 3, 1), Delivery.IN_PERSON, "Room 1", "Training plan", new LinkedHashSet<>(),
                    List.of(new DetailsInput.ParticipantInput("Participant", "ICT officer", true))));
            var sections = sections();
            var scale = scale();
            for (int i = 0; i < sections.size(); i++) {
                long competency = sections.get(i).id();
                long version = assessments.sectionView(id, competency).version();
                List<AnswerInput.BarrierInput> barriers = i == 2
                        ? List.of(new AnswerInput.BarrierInput(BarrierKind.BUDGET, "No budget line for training"))
                        : List.of();
                assessments.answer(id, competency, version, new AnswerInput(scale.get(ranks[i]).id(), "Notes",
                        List.of(), null, barriers));
            }
            assessments.submit(id);
            return id;
        });
    }

    static <T> T as(Actor actor, Supplier<T> work) {
        var previous = SecurityContextHolder.getContext().getAuthentication();
        SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                actor.principal(), null, actor.principal().getAuthorities()));
        try {
            return work.get();
        } finally {
            SecurityContextHolder.getContext().setAuthentication(previous);
        }
    }

    static Set<String> english() {
        return Set.of("en");
    }
}
