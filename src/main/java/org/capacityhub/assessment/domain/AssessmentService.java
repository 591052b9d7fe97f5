package org.capacityhub.assessment.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.capacityhub.assessment.AssessmentGaps;
import org.capacityhub.assessment.AssessmentResult;
import org.capacityhub.assessment.CompetencyGap;
import org.capacityhub.assessment.AssessmentSubmitted;
import org.capacityhub.assessment.CompetencyLevel;
import org.capacityhub.directory.Directory;
import org.capacityhub.directory.DirectoryAccess;
import org.capacityhub.framework.Frameworks;
import org.capacityhub.framework.Frameworks.Competency;
import org.capacityhub.framework.Frameworks.FacilitationGuide;
import org.capacityhub.framework.Frameworks.FrameworkVersionRef;
import org.capacityhub.framework.Frameworks.LevelDescriptor;
import org.capacityhub.framework.Frameworks.ScaleLevel;
import org.capacityhub.platform.AuditContext;
import org.capacityhub.platform.InvalidInputException;
import org.capacityhub.platform.NotFoundException;
import org.capacityhub.platform.PlatformUser;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Organisational assessments: who may see and change which (checked on every call), the commands of the
 * workflow and the views pages and the API show.
 * <ul>
 * <li>see: the organisation's entitled people ({@link DirectoryAccess#canView}: focal points, members, the
 * programme's coordinators) and the assessment's facilitators; anyone else gets "not found";</li>
 * <li>create, edit, submit: coordinators of the organisation ({@link DirectoryAccess#canCoordinate}) and, for an
 * existing assessment, its facilitators;</li>
 * <li>validate: the organisation's focal points ({@link DirectoryAccess#canManage});</li>
 * <li>reopen: coordinators of the organisation.</li>
 * </ul>
 */
@Service
@Transactional
public class AssessmentService {

    private final AssessmentRepository assessments;
    private final Frameworks frameworks;
    private final DirectoryAccess access;
    private final Directory directory;
    private final ApplicationEventPublisher events;
    private final TargetProfileRepository targetProfiles;
    private LatestFinalAssessments latestFinal;

    /** The heat map's table of latest final assessments, refreshed on submission and reopening. */
    @org.springframework.beans.factory.annotation.Autowired
    void setLatestFinal(LatestFinalAssessments latestFinal) {
        this.latestFinal = latestFinal;
    }

    AssessmentService(AssessmentRepository assessments, Frameworks frameworks, DirectoryAccess access,
            Directory directory, ApplicationEventPublisher events, TargetProfileRepository targetProfiles) {
        this.targetProfiles = targetProfiles;
        this.assessments = assessments;
        this.frameworks = frameworks;
        this.access = access;
        this.directory = directory;
        this.events = events;
    }

    // ---------------------------------------------------------------- access

    private boolean isFacilitator(Assessment a) {
        return access.currentUser().map(u -> a.isFacilitator(u.personId())).orElse(false);
    }

    private boolean canView(Assessment a) {
        return access.canView(a.getOrganisationId()) || isFacilitator(a);
    }

    private boolean canEdit(Assessment a) {
        return access.canCoordinate(a.getOrganisationId()) || isFacilitator(a);
    }

    private Views.Permissions permissions(Assessment a) {
        boolean edit = canEdit(a);
        return new Views.Permissions(edit && a.getState().isEditable(), edit && a.getState().isEditable(),
                access.canManage(a.getOrganisationId()) && a.getState() == AssessmentState.SUBMITTED,
                access.canCoordinate(a.getOrganisationId())
                        && (a.getState() == AssessmentState.SUBMITTED || a.getState() == AssessmentState.VALIDATED));
    }

    /** The assessment, if the current user may see it; "not found" otherwise (so as not to reveal it exists). */
    Assessment visible(long id) {
        return assessments.findById(id).filter(this::canView)
                .orElseThrow(() -> new NotFoundException("Assessment", id));
    }

    /** The assessment, if the current user may see it. */
    Optional<Assessment> viewable(long id) {
        return assessments.findById(id).filter(this::canView);
    }

    /** The assessment locked for writing, if the current user may edit it. */
    private Assessment editable(long id) {
        Assessment a = assessments.findForUpdate(id).filter(this::canView)
                .orElseThrow(() -> new NotFoundException("Assessment", id));
        if (!canEdit(a)) {
            throw new AccessDeniedException("Not allowed to edit assessment " + id);
        }
        return a;
    }

    // ---------------------------------------------------------------- evidence files (EvidenceFileService)

    /** The assessment locked for writing, if the current user may edit it (404 if unseen, 403 if not an editor). */
    Assessment lockedForEdit(long id) {
        return editable(id);
    }

    private static String actor() {
        return AuditContext.currentActor();
    }

    // ---------------------------------------------------------------- queries

    @Transactional(readOnly = true)
    public List<Views.Summary> visibleAssessments() {
        PlatformUser user = access.requireUser();
        List<Assessment> found = access.isAdministrator() ? assessments.findAllNewestFirst()
                : assessments.findVisible(withPlaceholder(access.viewableOrganisationIds()), user.personId());
        Map<Long, String> organisations = organisationNames(found.stream().map(Assessment::getOrganisationId)
                .collect(Collectors.toSet()));
        Map<Long, String> titles = new LinkedHashMap<>();
        return found.stream().map(a -> new Views.Summary(a.getId(), a.getOrganisationId(),
                organisations.getOrDefault(a.getOrganisationId(), "#" + a.getOrganisationId()),
                titles.computeIfAbsent(a.getFrameworkVersionId(), this::frameworkTitle), a.getHeldOn(), a.getState(),
                (int) a.getSections().stream().filter(s -> s.getLevelId() != null).count(), a.getSections().size(),
                a.isDemo())).toList();
    }

    /** An empty "in" list is not valid SQL everywhere: use an id no organisation has. */
    private static Set<Long> withPlaceholder(Set<Long> ids) {
        return ids.isEmpty() ? Set.of(-1L) : ids;
    }

    @Transactional(readOnly = true)
    public Views.Detail detail(long id) {
        return detail(visible(id));
    }

    @Transactional(readOnly = true)
    public Views.SectionScreen section(long id, int number) {
        Assessment a = visible(id);
        Views.Detail detail = detail(a);
        if (number < 1 || number > detail.sections().size()) {
            throw new NotFoundException("Section", number);
        }
        Views.SectionView section = detail.sections().get(number - 1);
        List<Views.LevelView> columns = detail.levelsHighestFirst();
        List<Views.DescriptorRow> rows = new ArrayList<>();
        addRow(rows, frameworks.competency(section.competencyId()).orElse(null), columns);
        List<Views.CompetencyView> competencies = new ArrayList<>();
        for (Competency child : frameworks.descendants(section.competencyId())) {
            addRow(rows, child, columns);
            competencies.add(new Views.CompetencyView(child.code(), child.title(), child.description(), child.depth()));
        }
        String subject = frameworks.competency(section.competencyId()).map(Competency::subject).orElse(null);
        return new Views.SectionScreen(detail, section, rows, competencies, detail.sections().size(), subject,
                frameworks.supportingQuestions(section.competencyId()),
                frameworks.guide(a.getFrameworkVersionId()).orElse(null));
    }

    /** The facilitation guide of the assessment's framework version, if it has one (for the start page). */
    @Transactional(readOnly = true)
    public java.util.Optional<FacilitationGuide> guide(long id) {
        return frameworks.guide(visible(id).getFrameworkVersionId());
    }

    private void addRow(List<Views.DescriptorRow> rows, Competency competency, List<Views.LevelView> columns) {
        if (competency == null) {
            return;
        }
        Map<Integer, List<String>> byRank = new LinkedHashMap<>();
        for (LevelDescriptor d : frameworks.descriptors(competency.id())) {
            byRank.put(d.rank(), d.statements());
        }
        if (byRank.values().stream().allMatch(List::isEmpty)) {
            return;
        }
        rows.add(new Views.DescriptorRow(competency.code(), competency.title(),
                columns.stream().map(l -> byRank.getOrDefault(l.rank(), List.of())).toList()));
    }

    /** The current state of one section (e.g. "their version" in a conflict). */
    @Transactional(readOnly = true)
    public Views.SectionView sectionView(long id, long competencyId) {
        return detail(visible(id)).sections().stream().filter(s -> s.competencyId() == competencyId).findFirst()
                .orElseThrow(() -> new NotFoundException("Section", competencyId));
    }

    /** The section number (1-based) of a competency in the assessment, for links. */
    @Transactional(readOnly = true)
    public int sectionNumber(long id, long competencyId) {
        return sectionView(id, competencyId).number();
    }

    @Transactional(readOnly = true)
    public Views.CreateOptions createOptions() {
        access.requireUser();
        List<Directory.OrganisationSummary> organisations = directory.coordinatableOrganisations();
        return new Views.CreateOptions(
                organisations.stream().map(o -> new Views.Option(o.id(), o.label())).toList(),
                frameworks.publishedFrameworks().stream().map(f -> new Views.Option(f.versionId(), frameworkLabel(f)))
                        .toList(),
                facilitatorChoices());
    }

    @Transactional(readOnly = true)
    public List<Views.Option> facilitatorChoices() {
        List<Directory.PersonSummary> people = directory.peopleWhoCanSignIn();
        Map<Long, String> organisations = organisationNames(people.stream().map(Directory.PersonSummary::organisationId)
                .filter(java.util.Objects::nonNull).collect(Collectors.toSet()));
        return people.stream().map(p -> new Views.Option(p.id(), personLabel(p, organisations))).toList();
    }

    /** "Name, position (organisation)", as the facilitator choice shows a person. */
    private static String personLabel(Directory.PersonSummary p, Map<Long, String> organisations) {
        StringBuilder label = new StringBuilder(p.fullName());
        if (p.positionTitle() != null && !p.positionTitle().isBlank()) {
            label.append(", ").append(p.positionTitle());
        }
        String organisation = p.organisationId() == null ? null : organisations.get(p.organisationId());
        if (organisation != null) {
            label.append(" (").append(organisation).append(')');
        }
        return label.toString();
    }

    /** May the current user create assessments at all (coordinates or manages some organisation)? */
    @Transactional(readOnly = true)
    public boolean canCreateAny() {
        return access.isAdministrator() || access.isCoordinatorOfAnyProgramme()
                || access.viewableOrganisationIds().stream().anyMatch(access::canManage);
    }

    // ---------------------------------------------------------------- commands

    public long create(long organisationId, long frameworkVersionId, DetailsInput details) {
        if (!access.canCoordinate(organisationId)) {
            if (access.canView(organisationId)) {
                throw new AccessDeniedException("Not allowed to assess organisation " + organisationId);
            }
            throw new InvalidInputException("organisationId", "assessment.organisation.unknown",
                    "Choose an organisation you coordinate.");
        }
        FrameworkVersionRef version = frameworks.version(frameworkVersionId).filter(FrameworkVersionRef::published)
                .orElseThrow(() -> new InvalidInputException("frameworkVersionId", "assessment.framework.notPublished",
                        "Choose a published framework version."));
        checkFacilitators(details.facilitatorIds());
        List<Long> sections = frameworks.tree(version.versionId()).stream().filter(c -> c.parentId() == null)
                .map(Competency::id).toList();
        Assessment a = new Assessment(organisationId, version.versionId(), sections, details, actor(), Instant.now());
        return assessments.save(a).getId();
    }

    private void checkFacilitators(Set<Long> ids) {
        if (!directory.whoCanSignIn(ids).containsAll(ids)) {
            throw new InvalidInputException("facilitatorIds", "assessment.facilitator.unknown",
                    "Choose facilitators among the people who can sign in.");
        }
    }

    public void describe(long id, DetailsInput details) {
        Assessment a = editable(id);
        checkFacilitators(details.facilitatorIds());
        a.describe(details);
    }

    /** Saves one section's answer if {@code expectedVersion} is still current; returns the saved section. */
    public Views.SectionView answer(long id, long competencyId, long expectedVersion, AnswerInput input) {
        Assessment a = editable(id);
        Set<Long> levels = frameworks.levels(a.getFrameworkVersionId()).stream().map(ScaleLevel::id)
                .collect(Collectors.toSet());
        a.answer(competencyId, expectedVersion, input, levels, actor(), Instant.now());
        assessments.flush();
        return detail(a).sections().stream().filter(s -> s.competencyId() == competencyId).findFirst().orElseThrow();
    }

    public void submit(long id) {
        Assessment a = editable(id);
        Instant now = Instant.now();
        a.submit(actor(), now);
        latestFinal.refresh(a.getOrganisationId(), a.getFrameworkVersionId()); // heat map (LatestFinalAssessments)
        events.publishEvent(new AssessmentSubmitted(a.getId(), a.getOrganisationId(), a.getFrameworkVersionId(), now,
                levels(a), matchingProfile(a).map(p -> gaps(a, p)).orElse(null)));
    }

    public void validate(long id) {
        Assessment a = assessments.findForUpdate(id).filter(this::canView)
                .orElseThrow(() -> new NotFoundException("Assessment", id));
        if (!access.canManage(a.getOrganisationId())) {
            throw new AccessDeniedException("Only the organisation's focal points validate its assessments");
        }
        a.validate(actor(), Instant.now());
    }

    public void reopen(long id, String reason) {
        Assessment a = assessments.findForUpdate(id).filter(this::canView)
                .orElseThrow(() -> new NotFoundException("Assessment", id));
        if (!access.canCoordinate(a.getOrganisationId())) {
            throw new AccessDeniedException("Only the organisation's coordinators reopen its assessments");
        }
        a.reopen(reason, actor(), Instant.now());
        latestFinal.refresh(a.getOrganisationId(), a.getFrameworkVersionId()); // heat map (LatestFinalAssessments)
    }

    // ---------------------------------------------------------------- results

    /** The results of an assessment the current user may see; empty otherwise (as if it did not exist). */
    @Transactional(readOnly = true)
    public java.util.Optional<AssessmentResult> result(long id) {
        return assessments.findById(id).filter(this::canView).map(this::result);
    }

    @Transactional(readOnly = true)
    public List<AssessmentResult> finalResults(long organisationId) {
        return assessments.findByOrganisationIdOrderByHeldOnDescIdDesc(organisationId).stream()
                .filter(this::canView)
                .filter(a -> a.getState() == AssessmentState.SUBMITTED || a.getState() == AssessmentState.VALIDATED)
                .map(this::result).toList();
    }

    /** The barriers recorded per section of an assessment the current user may see (none otherwise). */
    @Transactional(readOnly = true)
    public List<org.capacityhub.assessment.SectionBarrier> barriers(long id) {
        return viewable(id).map(a -> a.getSections().stream().flatMap(s -> s.getBarriers().stream()
                .map(b -> new org.capacityhub.assessment.SectionBarrier(s.getCompetencyId(), b.getKind().name(),
                        b.getDescription()))).toList()).orElse(List.of());
    }

    private AssessmentResult result(Assessment a) {
        return new AssessmentResult(a.getId(), a.getOrganisationId(), a.getFrameworkVersionId(), a.getState().name(),
                a.getHeldOn(), a.getSubmittedAt(), a.getValidatedAt(), levels(a));
    }

    /** The level per competency (section), for the results API and the submission event. */
    List<CompetencyLevel> levels(Assessment a) {
        Map<Long, Competency> tree = frameworks.tree(a.getFrameworkVersionId()).stream()
                .collect(Collectors.toMap(Competency::id, Function.identity()));
        List<ScaleLevel> scale = frameworks.levels(a.getFrameworkVersionId());
        Map<Long, ScaleLevel> levels = scale.stream().collect(Collectors.toMap(ScaleLevel::id, Function.identity()));
        return a.getSections().stream().map(s -> {
            Competency c = tree.get(s.getCompetencyId());
            ScaleLevel l = s.getLevelId() == null ? null : levels.get(s.getLevelId());
            return new CompetencyLevel(s.getCompetencyId(), c == null ? null : c.identifier(),
                    l == null ? null : l.id(), l == null ? null : l.identifier(), l == null ? null : l.rank(),
                    scale.size());
        }).toList();
    }

    // ---------------------------------------------------------------- gaps

    /** The target profile of the assessment's version for its organisation's type (the first made), if any. */
    Optional<TargetProfile> matchingProfile(Assessment a) {
        return directory.organisation(a.getOrganisationId()).flatMap(o -> targetProfiles
                .findByFrameworkVersionIdAndOrganisationTypeOrderByIdAsc(a.getFrameworkVersionId(), o.type())
                .stream().findFirst());
    }

    /** The gaps of the assessment against a profile of the same version (no access check here). */
    AssessmentGaps gaps(Assessment a, TargetProfile p) {
        Map<Long, Integer> ranks = frameworks.levels(a.getFrameworkVersionId()).stream()
                .collect(Collectors.toMap(ScaleLevel::id, ScaleLevel::rank));
        List<CompetencyGap> gaps = levels(a).stream().map(l -> {
            Long target = p.getLevels().get(l.competencyId());
            Integer targetRank = target == null ? null : ranks.get(target);
            return new CompetencyGap(l.competencyId(), l.levelId(), l.rank(), target, targetRank,
                    CompetencyGap.gap(l.rank(), targetRank), p.weightOf(l.competencyId()));
        }).toList();
        return new AssessmentGaps(a.getId(), a.getOrganisationId(), p.getId(), p.getName(),
                a.getFrameworkVersionId(), gaps);
    }

    // ---------------------------------------------------------------- views

    Views.Detail detail(Assessment a) {
        FrameworkVersionRef version = frameworks.version(a.getFrameworkVersionId()).orElse(null);
        Map<Long, Competency> tree = frameworks.tree(a.getFrameworkVersionId()).stream()
                .collect(Collectors.toMap(Competency::id, Function.identity()));
        List<Views.LevelView> levels = frameworks.levels(a.getFrameworkVersionId()).stream()
                .map(l -> new Views.LevelView(l.id(), l.rank(), l.code(), l.title(), l.description())).toList();
        Map<Long, Views.LevelView> levelById = levels.stream()
                .collect(Collectors.toMap(Views.LevelView::id, Function.identity()));
        List<Views.SectionView> sections = new ArrayList<>();
        int number = 1;
        for (SectionAnswer s : a.getSections()) {
            Competency c = tree.get(s.getCompetencyId());
            Views.LevelView level = s.getLevelId() == null ? null : levelById.get(s.getLevelId());
            sections.add(new Views.SectionView(number++, s.getCompetencyId(), c == null ? null : c.code(),
                    c == null ? "#" + s.getCompetencyId() : c.title(), c == null ? null : c.description(),
                    s.getLevelId(), level == null ? null : level.title(), level == null ? null : level.rank(),
                    s.getNotes(), List.copyOf(s.getEvidence()), s.getConfidence(),
                    s.getBarriers().stream().map(b -> new Views.BarrierView(b.getKind(), b.getDescription())).toList(),
                    s.getVersion(), s.getUpdatedAt(), s.getUpdatedBy()));
        }
        Map<Long, String> people = directory.people(a.getFacilitatorIds()).stream()
                .collect(Collectors.toMap(Directory.PersonSummary::id, Directory.PersonSummary::fullName));
        return new Views.Detail(a.getId(), a.getOrganisationId(),
                organisationNames(Set.of(a.getOrganisationId())).getOrDefault(a.getOrganisationId(),
                        "#" + a.getOrganisationId()),
                a.getFrameworkVersionId(), version == null ? "#" + a.getFrameworkVersionId() : version.title(),
                version == null ? null : versionLabel(version), a.getState(), a.getHeldOn(), a.getDelivery(),
                a.getPlace(), a.getPurpose(),
                a.getFacilitatorIds().stream().map(p -> new Views.PersonRef(p, people.getOrDefault(p, "#" + p)))
                        .toList(),
                a.getParticipants().stream().map(p -> new Views.ParticipantView(p.getFullName(), p.getPositionTitle(),
                        p.isConsentRecorded())).toList(),
                sections, levels,
                a.getHistory().stream().map(t -> new Views.TransitionView(t.getFromState(), t.getToState(),
                        t.getActor(), t.getOccurredAt(), t.getReason())).toList(),
                a.getSubmittedAt(), a.getValidatedAt(), a.getValidatedBy(), a.getReopenReason(), permissions(a),
                a.isDemo());
    }

    private Map<Long, String> organisationNames(Set<Long> ids) {
        return directory.organisations(ids).stream().collect(Collectors.toMap(Directory.OrganisationSummary::id,
                Directory.OrganisationSummary::label));
    }

    private String frameworkTitle(long versionId) {
        return frameworks.version(versionId).map(AssessmentService::frameworkLabel).orElse("#" + versionId);
    }

    private static String frameworkLabel(FrameworkVersionRef f) {
        return f.title() + " (" + versionLabel(f) + ")";
    }

    private static String versionLabel(FrameworkVersionRef f) {
        return f.versionLabel() == null || f.versionLabel().isBlank() ? "v" + f.number() : f.versionLabel();
    }
}
