package org.capacityhub.assessment.demo;

import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.capacityhub.assessment.domain.AnswerInput;
import org.capacityhub.assessment.domain.AnswerInput.BarrierInput;
import org.capacityhub.assessment.domain.Assessment;
import org.capacityhub.assessment.domain.AssessmentRepository;
import org.capacityhub.assessment.domain.BarrierKind;
import org.capacityhub.assessment.domain.Confidence;
import org.capacityhub.assessment.domain.Delivery;
import org.capacityhub.assessment.domain.DetailsInput;
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
 * The assessments' part of the demo dataset: a submitted GovStack focus-group assessment of the demo Ministry of
 * Digital Economy (fictional Republic of Examplia), facilitated by the demo programme coordinator. Skipped when
 * the directory's demo data or the GovStack framework is not there.
 */
@Component
class AssessmentDemo implements DemoContributor {

    static final String MINISTRY = "Ministry of Digital Economy";
    static final String FACILITATOR_EMAIL = "amina.diallo@examplia.example";
    private static final Logger log = LoggerFactory.getLogger(AssessmentDemo.class);

    /** Level rank, notes, confidence and barrier per GovStack section (in the order of the script). */
    private record Finding(int rank, String notes, Confidence confidence, BarrierKind barrier, String barrierText) {}

    private static final List<Finding> FINDINGS = List.of(
            new Finding(1, "The digital transformation directorate maps the whole ecosystem of e-services, but "
                    + "workshops with other ministries to build a shared picture have not started (demo).",
                    Confidence.HIGH, null, null),
            new Finding(0, "Decisions wait for the Permanent Secretary; teams are uncomfortable with ambiguity and "
                    + "prefer detailed instructions (demo).", Confidence.MEDIUM, BarrierKind.CULTURAL_ORGANISATIONAL,
                    "Hierarchical sign-off for every change slows iteration."),
            new Finding(1, "Two certified project managers; no programme management office yet (demo).",
                    Confidence.HIGH, BarrierKind.HUMAN_RESOURCES, "Posts for a PMO are approved but not filled."),
            new Finding(0, "Change management is left to each project; no shared approach (demo).",
                    Confidence.MEDIUM, null, null),
            new Finding(1, "A 2025-2028 digital strategy exists; progress is reported once a year (demo).",
                    Confidence.HIGH, BarrierKind.BUDGET, "No budget line for the annual revision."),
            new Finding(1, "The Ministry sits on the national e-government committee and is consulted on the data "
                    + "protection bill (demo).", Confidence.MEDIUM, BarrierKind.MANDATE,
                    "No formal mandate to coordinate other ministries."),
            new Finding(0, "Processes are documented for the help desk only; services are run reactively (demo).",
                    Confidence.LOW, BarrierKind.EQUIPMENT, "No service-management tool."),
            new Finding(0, "Services are deployed one by one without an interoperability layer (demo).",
                    Confidence.HIGH, BarrierKind.DATA_INFRASTRUCTURE, "No shared identity or payment building block."));

    private final Directory directory;
    private final Frameworks frameworks;
    private final AssessmentRepository assessments;
    private org.capacityhub.assessment.domain.LatestFinalAssessments latestFinal;

    /** The heat map's table of latest final assessments (the demo's assessment is submitted). */
    @org.springframework.beans.factory.annotation.Autowired
    void setLatestFinal(org.capacityhub.assessment.domain.LatestFinalAssessments latestFinal) {
        this.latestFinal = latestFinal;
    }

    AssessmentDemo(Directory directory, Frameworks frameworks, AssessmentRepository assessments) {
        this.directory = directory;
        this.frameworks = frameworks;
        this.assessments = assessments;
    }

    @Override
    public int order() {
        return 30;
    }

    @Override
    public void contribute() {
        Optional<Long> ministry = directory.demoOrganisationNamed(MINISTRY).map(Directory.OrganisationSummary::id);
        Optional<FrameworkVersionRef> govstack = frameworks.publishedFrameworks().stream()
                .filter(f -> f.frameworkIdentifier().equals(Frameworks.GOVSTACK_SKILLS_ASSESSMENT)).findFirst();
        if (ministry.isEmpty() || govstack.isEmpty()) {
            log.info("Demo assessment skipped: no demo '{}' or no published GovStack framework.", MINISTRY);
            return;
        }
        long versionId = govstack.get().versionId();
        List<Long> sections = frameworks.tree(versionId).stream().filter(c -> c.parentId() == null)
                .map(Competency::id).toList();
        List<ScaleLevel> scale = frameworks.levels(versionId);
        Set<Long> levelIds = scale.stream().map(ScaleLevel::id).collect(Collectors.toSet());
        Set<Long> facilitators = new LinkedHashSet<>();
        directory.personByEmail(FACILITATOR_EMAIL).map(Directory.PersonSummary::id).ifPresent(facilitators::add);
        String actor = AuditContext.currentActor();
        Instant now = Instant.now();

        Assessment assessment = new Assessment(ministry.get(), versionId, sections, new DetailsInput(
                LocalDate.now().minusDays(14), Delivery.IN_PERSON, "Ministry of Digital Economy, meeting room 2 (demo)",
                "Baseline of the Ministry's digital capacities, to prepare a customised training programme for the "
                        + "ICT practitioners who lead the design of government digital services (demo).",
                facilitators, List.of(
                        new DetailsInput.ParticipantInput("Leila Benali", "Human resources officer", true),
                        new DetailsInput.ParticipantInput("Demo participant A", "Head of ICT unit", true),
                        new DetailsInput.ParticipantInput("Demo participant B", "Systems administrator", false),
                        new DetailsInput.ParticipantInput("Demo participant C", "Policy analyst", true))),
                actor, now);
        assessment.markAsDemo();
        for (int i = 0; i < sections.size(); i++) {
            Finding finding = FINDINGS.get(i % FINDINGS.size());
            ScaleLevel level = scale.get(Math.min(finding.rank(), scale.size() - 1));
            List<BarrierInput> barriers = finding.barrier() == null ? List.of()
                    : List.of(new BarrierInput(finding.barrier(), finding.barrierText()));
            assessment.answer(sections.get(i), 0, new AnswerInput(level.id(), finding.notes(), List.of(),
                    finding.confidence(), barriers), levelIds, actor, now);
        }
        assessment.submit(actor, now);
        assessments.save(assessment);
        latestFinal.refresh(assessment.getOrganisationId(), assessment.getFrameworkVersionId());
    }
}
