package org.capacityhub.planning.domain;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.capacityhub.assessment.AssessmentGaps;
import org.capacityhub.assessment.AssessmentResult;
import org.capacityhub.assessment.Assessments;
import org.capacityhub.assessment.CompetencyGap;
import org.capacityhub.assessment.CompetencyLevel;
import org.capacityhub.assessment.PersonGaps;
import org.capacityhub.assessment.SectionBarrier;
import org.capacityhub.assessment.TargetProfileRef;
import org.capacityhub.directory.Directory;
import org.capacityhub.directory.DirectoryAccess;
import org.capacityhub.framework.Frameworks;
import org.capacityhub.framework.Frameworks.Competency;
import org.capacityhub.framework.Frameworks.ScaleLevel;
import org.capacityhub.planning.PlanConstraints;
import org.capacityhub.planning.SuggestionRequest;
import org.capacityhub.planning.SuggestionSource;
import org.capacityhub.planning.domain.PlanViews.BarrierView;
import org.capacityhub.planning.domain.PlanViews.GapRow;
import org.capacityhub.planning.domain.PlanViews.GapsView;
import org.capacityhub.planning.domain.PlanViews.Option;
import org.capacityhub.platform.AuditContext;
import org.capacityhub.platform.ConflictException;
import org.capacityhub.platform.InvalidInputException;
import org.capacityhub.platform.NotFoundException;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Plans: who may see and change which (checked on every call), the gaps list, generation from a final assessment,
 * the planner's edits, the life of a plan and progress.
 * <ul>
 * <li>see: those who may see the organisation's data ({@link DirectoryAccess#canView}); a person's own plan: the
 * person, and once they share it the rater they named and their organisation's focal points; anyone else gets
 * "not found";</li>
 * <li>generate and edit: the organisation's coordinators and focal points ({@link DirectoryAccess#canCoordinate});
 * a person's own plan: the person only;</li>
 * <li>agree (sign off): the organisation's focal points ({@link DirectoryAccess#canManage}); a person's own plan:
 * the supervisor they named, else their organisation's focal points;</li>
 * <li>report progress on an activity: editors and the activity's owner;</li>
 * <li>give expectations: everyone who sees the plan, before it is agreed.</li>
 * </ul>
 */
@Service
@Transactional
public class PlanService {

    /** How many suggestions a gap gets at most when a plan is generated. */
    public static final int PER_GAP = 5;

    private final PlanRepository plans;
    private final PlanOutcomeRepository outcomes;
    private final DirectoryAccess access;
    private final Directory directory;
    private final Assessments assessments;
    private final Frameworks frameworks;
    private final GapTargets gapTargets;
    private final ObjectProvider<SuggestionSource> sources;
    private final MessageSource messages;
    private final Clock clock;

    PlanService(PlanRepository plans, PlanOutcomeRepository outcomes, DirectoryAccess access, Directory directory,
            Assessments assessments, Frameworks frameworks, GapTargets gapTargets,
            ObjectProvider<SuggestionSource> sources, MessageSource messages, ObjectProvider<Clock> clock) {
        this.plans = plans;
        this.outcomes = outcomes;
        this.access = access;
        this.directory = directory;
        this.assessments = assessments;
        this.frameworks = frameworks;
        this.gapTargets = gapTargets;
        this.sources = sources;
        this.messages = messages;
        this.clock = clock.getIfAvailable(Clock::systemUTC);
    }

    // ---------------------------------------------------------------- access

    private boolean isSubject(Plan p) {
        return p.getPersonId() != null
                && access.currentUser().map(u -> p.getPersonId().equals(u.personId())).orElse(false);
    }

    private boolean isReviewer(Plan p) {
        return p.getReviewerPersonId() != null
                && access.currentUser().map(u -> p.getReviewerPersonId().equals(u.personId())).orElse(false);
    }

    /**
     * An organisation's plan: those who may see the organisation's data. A person's plan, like their
     * self-assessment: the person; once they share it, also the rater they named on the self-assessment it comes
     * from and the focal points of their organisation (administrators included); nobody else.
     */
    boolean canView(Plan p) {
        if (p.getPersonId() != null) {
            return isSubject(p) || (p.isShared() && (isReviewer(p) || access.canManage(p.getOrganisationId())));
        }
        return access.canView(p.getOrganisationId());
    }

    /** An organisation's plan: its coordinators and focal points. A person's plan: the person only. */
    boolean canEdit(Plan p) {
        if (p.getPersonId() != null) {
            return isSubject(p);
        }
        return access.canCoordinate(p.getOrganisationId());
    }

    /**
     * Who signs a plan off: for an organisation's plan its focal points; for a person's plan (shared) the rater they
     * named as their supervisor, or, when they named none, the focal points of their organisation. Never the person
     * themselves.
     */
    boolean canSignOff(Plan p) {
        if (p.getPersonId() != null) {
            if (!p.isShared() || isSubject(p)) {
                return false;
            }
            return p.isReviewerSigns() ? isReviewer(p) : access.canManage(p.getOrganisationId());
        }
        return access.canManage(p.getOrganisationId());
    }

    private boolean isOwner(PlanItem i) {
        return i.getOwnerPersonId() != null
                && access.currentUser().map(u -> i.getOwnerPersonId().equals(u.personId())).orElse(false);
    }

    /** The plan, if the current user may see it; "not found" otherwise. */
    Plan visible(long id) {
        access.requireUser();
        return plans.findById(id).filter(this::canView).orElseThrow(() -> new NotFoundException("Plan", id));
    }

    private Plan editable(long id) {
        Plan p = lockedVisible(id);
        if (!canEdit(p)) {
            throw new AccessDeniedException("Not allowed to edit plan " + id);
        }
        return p;
    }

    private Plan lockedVisible(long id) {
        access.requireUser();
        return plans.findForUpdate(id).filter(this::canView).orElseThrow(() -> new NotFoundException("Plan", id));
    }

    private Instant now() {
        return clock.instant();
    }

    private LocalDate today() {
        return LocalDate.now(clock);
    }

    private static String actor() {
        return AuditContext.currentActor();
    }

    private String msg(String code, Object... args) {
        return messages.getMessage(code, args, code, LocaleContextHolder.getLocale());
    }

    // ---------------------------------------------------------------- lists

    @Transactional(readOnly = true)
    public List<PlanViews.Summary> visiblePlans() {
        access.requireUser();
        List<Plan> found = new ArrayList<>(access.isAdministrator() ? plans.findAllByOrderByUpdatedAtDesc()
                : plans.findByOrganisationIdInOrderByUpdatedAtDesc(withPlaceholder(access.viewableOrganisationIds())));
        access.currentUser().ifPresent(u -> {
            found.addAll(plans.findByPersonIdOrderByUpdatedAtDesc(u.personId()));
            found.addAll(plans.findByReviewerPersonIdAndSharedTrueOrderByUpdatedAtDesc(u.personId()));
        });
        // a person's plan only for those who may see it; each plan once, most recently changed first
        Map<Long, Plan> unique = new LinkedHashMap<>();
        found.stream().filter(p -> p.getPersonId() == null || canView(p))
                .sorted(Comparator.comparing(Plan::getUpdatedAt).reversed())
                .forEach(p -> unique.putIfAbsent(p.getId(), p));
        found.clear();
        found.addAll(unique.values());
        Map<Long, String> names = organisationNames(found.stream().map(Plan::getOrganisationId)
                .collect(Collectors.toSet()));
        Map<Long, String> people = personNames(found.stream().map(Plan::getPersonId).filter(Objects::nonNull)
                .collect(Collectors.toSet()));
        LocalDate today = today();
        return found.stream().map(p -> new PlanViews.Summary(p.getId(), p.getTitle(), p.getOrganisationId(),
                names.getOrDefault(p.getOrganisationId(), "#" + p.getOrganisationId()),
                p.getPersonId() == null ? null : people.get(p.getPersonId()), p.getState(), p.getGaps().size(),
                (int) p.getGaps().stream().filter(g -> !g.isCovered()).count(), p.getItems().size(), progress(p),
                (int) p.getItems().stream().filter(i -> i.overdue(today)).count(), p.isDemo(), p.getUpdatedAt(),
                p.getPersonId())).toList();
    }

    private static Set<Long> withPlaceholder(Set<Long> ids) {
        return ids.isEmpty() ? Set.of(-1L) : ids;
    }

    /** Organisations the current user may plan for (coordinate). */
    @Transactional(readOnly = true)
    public List<Option> plannableOrganisations() {
        access.requireUser();
        return directory.coordinatableOrganisations().stream().map(o -> new Option(o.id(), o.label())).toList();
    }

    /** The final assessments of an organisation the current user may see, newest first. */
    @Transactional(readOnly = true)
    public List<AssessmentResult> finalAssessments(long organisationId) {
        access.requireUser();
        access.requireView(organisationId);
        return assessments.finalResults(organisationId);
    }

    public boolean canPlanAny() {
        return access.isAdministrator() || !access.coordinatableOrganisationIds().isEmpty();
    }

    // ---------------------------------------------------------------- gaps

    /**
     * The gaps of a final assessment the current user may see, against a target profile of its version or, when
     * {@code targetProfileId} is null and the version has no profile, the highest level of the scale; ordered by
     * priority, with the barriers recorded beside them.
     */
    @Transactional(readOnly = true)
    public GapsView gaps(long assessmentId, Long targetProfileId) {
        access.requireUser();
        AssessmentResult result = assessments.result(assessmentId)
                .orElseThrow(() -> new NotFoundException("Assessment", assessmentId));
        if (!result.isFinal()) {
            throw new ConflictException("assessmentId", "planning.assessment.notFinal",
                    "Plans are made from submitted or validated assessments.");
        }
        List<TargetProfileRef> profiles = assessments.targetProfiles(assessmentId);
        Long profileId = targetProfileId;
        if (profileId == null && !profiles.isEmpty()) {
            profileId = profiles.get(0).id();
        }
        long versionId = result.frameworkVersionId();
        Map<Long, Competency> tree = frameworks.tree(versionId).stream()
                .collect(Collectors.toMap(Competency::id, Function.identity()));
        List<ScaleLevel> scale = frameworks.levels(versionId);
        Map<Integer, String> levelTitles = scale.stream()
                .collect(Collectors.toMap(ScaleLevel::rank, ScaleLevel::title, (a, b) -> a));
        List<BarrierView> barriers = assessments.barriers(assessmentId).stream()
                .map(b -> barrierView(b, tree)).toList();
        Map<Long, List<BarrierView>> barriersBySection = barriers.stream()
                .collect(Collectors.groupingBy(BarrierView::competencyId));

        List<GapRow> rows = new ArrayList<>();
        String targetDescription;
        if (profileId != null) {
            Long chosen = profileId;
            AssessmentGaps gaps = assessments.gaps(assessmentId, chosen)
                    .orElseThrow(() -> new InvalidInputException("targetProfileId", "planning.targetProfile.unknown",
                            "Choose a target profile of the assessment's framework version."));
            targetDescription = gaps.targetProfileName();
            for (CompetencyGap g : gaps.gaps()) {
                if (g.targetRank() == null) {
                    continue;
                }
                rows.add(row(tree.get(g.competencyId()), g.competencyId(), g.currentRank(), g.targetRank(),
                        g.gap(), g.weight(), scale.size(), levelTitles, barriersBySection));
            }
        } else {
            int top = scale.size() - 1;
            targetDescription = msg("planning.target.highest", levelTitles.getOrDefault(top, ""));
            for (CompetencyLevel l : result.levels()) {
                rows.add(row(tree.get(l.competencyId()), l.competencyId(), l.rank(), top,
                        CompetencyGap.gap(l.rank(), top), 1, scale.size(), levelTitles, barriersBySection));
            }
        }
        List<GapRow> open = prioritised(withPeopleSharing(result.organisationId(),
                rows.stream().filter(r -> r.gap() != null && r.gap() > 0).toList()));
        List<GapRow> met = rows.stream().filter(r -> r.gap() == null || r.gap() == 0).toList();
        List<Option> subjects = directory.organisations(directory.organisationAndUnits(result.organisationId()))
                .stream().filter(o -> access.canCoordinate(o.id()))
                .sorted(Comparator.comparing(o -> o.id() != result.organisationId()))
                .map(o -> new Option(o.id(), o.label())).toList();
        return new GapsView(assessmentId, result.organisationId(),
                organisationNames(Set.of(result.organisationId())).getOrDefault(result.organisationId(), "#"),
                versionId, frameworks.version(versionId).map(Frameworks.FrameworkVersionRef::title).orElse("#"),
                result.heldOn(), profiles, profileId, targetDescription, open, met, barriers, subjects,
                !subjects.isEmpty());
    }

    /**
     * The gaps with how many people of the organisation share each one (from their self-assessments; counts under
     * 5 come as 0, "fewer than 5"): people with a gap on the competency, one of its descendants or a crosswalked
     * competency (the same competencies that answer the gap, see {@link GapTargets}).
     */
    private List<GapRow> withPeopleSharing(long organisationId, List<GapRow> rows) {
        if (rows.isEmpty()) {
            return rows;
        }
        GapTargets.Lookup lookup = gapTargets.lookup();
        Map<Long, Set<Long>> answering = new LinkedHashMap<>();
        for (GapRow r : rows) {
            Set<Long> ids = new java.util.HashSet<>();
            ids.add(r.competencyId());
            lookup.targets(r.competencyId(), r.currentRank(), r.targetRank(), r.scaleSize())
                    .forEach(t -> ids.add(t.competencyId()));
            answering.put(r.competencyId(), ids);
        }
        Map<Long, Integer> shared = assessments.peopleSharingGaps(organisationId, answering);
        return rows.stream().map(r -> r.withPeopleCount(shared.get(r.competencyId()))).toList();
    }

    private static List<GapRow> prioritised(List<GapRow> rows) {
        List<GapRow> sorted = rows.stream().sorted(Comparator.comparingInt(GapRow::score).reversed()
                .thenComparing(GapRow::peopleCount, Comparator.nullsLast(Comparator.reverseOrder()))).toList();
        List<GapRow> numbered = new ArrayList<>();
        for (int i = 0; i < sorted.size(); i++) {
            GapRow r = sorted.get(i);
            numbered.add(new GapRow(i + 1, r.competencyId(), r.identifier(), r.code(), r.title(), r.currentRank(),
                    r.currentTitle(), r.targetRank(), r.targetTitle(), r.gap(), r.weight(), r.peopleCount(),
                    r.scaleSize(), r.barriers()));
        }
        return numbered;
    }

    private static GapRow row(Competency c, long competencyId, Integer current, int target, Integer gap, int weight,
            int scaleSize, Map<Integer, String> levels, Map<Long, List<BarrierView>> barriers) {
        return new GapRow(0, competencyId, c == null ? null : c.identifier(), c == null ? null : c.code(),
                c == null ? "#" + competencyId : c.title(), current, current == null ? null : levels.get(current),
                target, levels.get(target), gap, weight, null, scaleSize, barriers.getOrDefault(competencyId, List.of()));
    }

    private BarrierView barrierView(SectionBarrier b, Map<Long, Competency> tree) {
        Competency c = tree.get(b.competencyId());
        return new BarrierView(b.competencyId(), c == null ? "#" + b.competencyId() : c.title(), b.kind(),
                b.description());
    }

    // ---------------------------------------------------------------- generation

    /**
     * What "Generate a plan" needs.
     *
     * @param organisationId the subject: the assessed organisation or one of its units
     * @param competencyIds  the gaps chosen; empty for every open gap
     */
    public record GenerateInput(long assessmentId, Long targetProfileId, long organisationId, String title,
            Set<Long> competencyIds, Set<String> languages, PlanConstraints constraints) {}

    /** Generates a draft plan from a final assessment's gaps; returns its id. */
    public long generate(GenerateInput in) {
        access.requireUser();
        GapsView gaps = gaps(in.assessmentId(), in.targetProfileId());
        if (!access.canCoordinate(in.organisationId())) {
            if (access.canView(in.organisationId())) {
                throw new AccessDeniedException("Not allowed to plan for organisation " + in.organisationId());
            }
            throw new InvalidInputException("organisationId", "planning.organisation.unknown",
                    "Choose an organisation you coordinate.");
        }
        if (gaps.subjects().stream().noneMatch(o -> o.id() == in.organisationId())) {
            throw new InvalidInputException("organisationId", "planning.organisation.notUnit",
                    "Choose the assessed organisation or one of its units.");
        }
        List<GapRow> chosen = gaps.gaps().stream().filter(g -> in.competencyIds() == null
                || in.competencyIds().isEmpty() || in.competencyIds().contains(g.competencyId())).toList();
        if (chosen.isEmpty()) {
            throw new InvalidInputException("competencyIds", "planning.gaps.none.chosen",
                    "There is no gap to plan for: choose at least one.");
        }
        String title = in.title() == null || in.title().isBlank()
                ? msg("planning.plan.defaultTitle", gaps.subjects().stream().filter(o -> o.id() == in.organisationId())
                        .findFirst().map(Option::label).orElse(""), gaps.heldOn() == null ? "" : gaps.heldOn().format(
                        java.time.format.DateTimeFormatter.ofLocalizedDate(java.time.format.FormatStyle.MEDIUM)
                                .withLocale(LocaleContextHolder.getLocale())))
                : in.title();
        Plan plan = new Plan(title, in.organisationId(), null, in.languages(), in.constraints(), actor(), now());
        plan.basedOn(gaps.assessmentId(), gaps.frameworkVersionId(), gaps.targetProfileId(),
                gaps.targetDescription());
        Map<Long, PlanGap> planGaps = addGapsAndSuggestions(plan, chosen, gaps.targetDescription(), in.organisationId(),
                null);
        for (BarrierView b : gaps.barriers()) {
            PlanGap gap = planGaps.get(b.competencyId());
            for (Intervention i : Intervention.forBarrier(b.kind())) {
                plan.addIntervention(gap, i, msg("planning.intervention.title." + i.name(), b.competencyTitle()),
                        msg(i.defaultOwnerKey()), msg("planning.intervention.reason", b.competencyTitle(),
                                msg("planning.barrier." + b.kind()), b.description() == null ? "" : b.description()));
            }
        }
        return plans.save(plan).getId();
    }

    // ---------------------------------------------------------------- a person's own plan

    /** The current user's gaps from their self-assessments: the versions they submitted one of, and their plans. */
    @Transactional(readOnly = true)
    public PlanViews.MyPlanning myPlanning() {
        long me = access.requireUser().personId();
        List<Option> versions = assessments.personGaps(me).stream().map(g -> new Option(g.frameworkVersionId(),
                frameworks.version(g.frameworkVersionId()).map(Frameworks.FrameworkVersionRef::title)
                        .orElse("#" + g.frameworkVersionId()))).toList();
        List<PlanViews.Summary> mine = visiblePlans().stream().filter(x -> x.personId() != null && x.personId() == me)
                .toList();
        return new PlanViews.MyPlanning(versions, mine);
    }

    /**
     * The current user's own gaps for a framework version, from their latest submitted self-assessment of it,
     * against the target profile that applies to them (or, when none does, the highest level of the scale), ordered
     * by the same priority as an organisation's, the people counts being those of their organisation. Only the
     * person sees their own gaps: anyone else has none.
     */
    @Transactional(readOnly = true)
    public PlanViews.PersonGapsView myGaps(long frameworkVersionId) {
        long me = access.requireUser().personId();
        PersonGaps found = assessments.personGaps(me).stream()
                .filter(g -> g.frameworkVersionId() == frameworkVersionId).findFirst()
                .orElseThrow(() -> new NotFoundException("SelfAssessment", frameworkVersionId));
        Map<Long, Competency> tree = frameworks.tree(frameworkVersionId).stream()
                .collect(Collectors.toMap(Competency::id, Function.identity()));
        List<ScaleLevel> scale = frameworks.levels(frameworkVersionId);
        Map<Integer, String> levelTitles = scale.stream()
                .collect(Collectors.toMap(ScaleLevel::rank, ScaleLevel::title, (a, b) -> a));
        int top = scale.size() - 1;
        String targetDescription = found.targetProfileId() != null ? found.targetProfileName()
                : msg("planning.target.highest", levelTitles.getOrDefault(top, ""));
        List<GapRow> rows = new ArrayList<>();
        for (CompetencyGap g : found.gaps()) {
            if (found.targetProfileId() != null) {
                if (g.targetRank() == null) {
                    continue;
                }
                rows.add(row(tree.get(g.competencyId()), g.competencyId(), g.currentRank(), g.targetRank(), g.gap(),
                        g.weight(), scale.size(), levelTitles, Map.of()));
            } else {
                rows.add(row(tree.get(g.competencyId()), g.competencyId(), g.currentRank(), top,
                        CompetencyGap.gap(g.currentRank(), top), 1, scale.size(), levelTitles, Map.of()));
            }
        }
        Directory.PersonSummary person = directory.person(me).orElseThrow(() -> new NotFoundException("Person", me));
        Long organisationId = person.organisationId();
        List<GapRow> open = rows.stream().filter(r -> r.gap() != null && r.gap() > 0).toList();
        open = prioritised(organisationId == null ? open : withPeopleSharing(organisationId, open));
        List<GapRow> met = rows.stream().filter(r -> r.gap() == null || r.gap() == 0).toList();
        Assessments.NamedRater rater = assessments.namedRater(found.selfAssessmentId()).orElse(null);
        return new PlanViews.PersonGapsView(me, person.fullName(), frameworkVersionId,
                frameworks.version(frameworkVersionId).map(Frameworks.FrameworkVersionRef::title).orElse("#"),
                found.selfAssessmentId(), found.submittedAt(), found.targetProfileId(), targetDescription, open, met,
                organisationId, organisationId == null ? null
                        : organisationNames(Set.of(organisationId)).getOrDefault(organisationId, "#"),
                rater == null ? null : directory.person(rater.personId()).map(Directory.PersonSummary::fullName)
                        .orElse(null),
                rater != null && rater.supervisor(),
                person.languages().stream().map(PlanService::lower).filter(Plan.LANGUAGES::contains).distinct()
                        .toList());
    }

    /**
     * What a person's "Generate my plan" needs.
     *
     * @param competencyIds the gaps chosen; empty for every open gap
     */
    public record PersonGenerateInput(long frameworkVersionId, String title, Set<Long> competencyIds,
            Set<String> languages, PlanConstraints constraints) {}

    /**
     * Generates a draft plan for the current user from their own gaps (same fit rule, same sources, in the
     * languages they choose); the plan is theirs alone until they share it. Returns its id.
     */
    public long generateForMe(PersonGenerateInput in) {
        PlanViews.PersonGapsView gaps = myGaps(in.frameworkVersionId());
        if (gaps.organisationId() == null) {
            throw new InvalidInputException("organisationId", "planning.person.noOrganisation",
                    "Your profile names no organisation: ask your focal point to add you to yours first.");
        }
        List<GapRow> chosen = gaps.gaps().stream().filter(g -> in.competencyIds() == null
                || in.competencyIds().isEmpty() || in.competencyIds().contains(g.competencyId())).toList();
        if (chosen.isEmpty()) {
            throw new InvalidInputException("competencyIds", "planning.gaps.none.chosen",
                    "There is no gap to plan for: choose at least one.");
        }
        String title = in.title() == null || in.title().isBlank()
                ? msg("planning.person.defaultTitle", gaps.personName(), gaps.frameworkTitle())
                : in.title();
        Set<String> languages = in.languages() == null || in.languages().isEmpty()
                ? new java.util.LinkedHashSet<>(gaps.languages()) : in.languages();
        Plan plan = new Plan(title, gaps.organisationId(), gaps.personId(), languages, in.constraints(), actor(),
                now());
        Assessments.NamedRater rater = assessments.namedRater(gaps.selfAssessmentId()).orElse(null);
        plan.basedOnSelfAssessment(gaps.selfAssessmentId(), gaps.frameworkVersionId(), gaps.targetProfileId(),
                gaps.targetDescription(), rater == null ? null : rater.personId(), rater != null && rater.supervisor());
        addGapsAndSuggestions(plan, chosen, gaps.targetDescription(), gaps.organisationId(), gaps.personId());
        return plans.save(plan).getId();
    }

    /**
     * Adds the chosen gaps to a new plan, each with its objective, and the suggestions the planner finds for them
     * (the evidence of organisations of the same type as the plan's); answers the plan's gaps by competency.
     */
    private Map<Long, PlanGap> addGapsAndSuggestions(Plan plan, List<GapRow> chosen, String targetDescription,
            long organisationId, Long personId) {
        String orgType = directory.organisation(organisationId).map(Directory.OrganisationSummary::type)
                .orElse(null);
        GapTargets.Lookup lookup = gapTargets.lookup();
        Planner planner = planner(orgType);
        List<Planner.GapInput> inputs = new ArrayList<>();
        Map<Long, PlanGap> planGaps = new LinkedHashMap<>();
        for (GapRow g : chosen) {
            planGaps.put(g.competencyId(), plan.addGap(g.competencyId(), g.identifier(), g.currentRank(),
                    g.targetRank(), g.scaleSize(), g.weight(), g.peopleCount(), objective(g, targetDescription)));
            inputs.add(new Planner.GapInput(g.competencyId(),
                    lookup.targets(g.competencyId(), g.currentRank(), g.targetRank(), g.scaleSize()), g.gap(),
                    g.weight(), g.peopleCount()));
        }
        for (Planner.Answer answer : planner.answer(inputs, plan.languageSet(), plan.constraints(), organisationId,
                personId, PER_GAP)) {
            PlanGap gap = planGaps.get(answer.gap().competencyId());
            for (Planner.Ranked r : answer.suggestions()) {
                plan.addSuggestion(gap, r.suggestion(), r.evidence(), false);
            }
        }
        return planGaps;
    }

    /** The person shares their plan with its reviewer and their organisation's focal points. */
    public void share(long id) {
        Plan p = own(id);
        p.share(now());
    }

    /** The person takes their plan back (only while it is a draft). */
    public void unshare(long id) {
        Plan p = own(id);
        p.unshare(now());
    }

    private Plan own(long id) {
        Plan p = lockedVisible(id);
        if (p.getPersonId() == null || !isSubject(p)) {
            throw new AccessDeniedException("Only the person shares their own plan");
        }
        return p;
    }

    /** The planner with the current sources and the evidence of organisations of the same type. */
    public Planner planner(String organisationType) {
        return new Planner(sources.orderedStream().toList(), (source, reference, competencyId) ->
                (int) outcomes.countClosed(source, reference, competencyId, organisationType));
    }

    /** The learning objective in plain words: where to, from where, and why (what the target level means). */
    String objective(GapRow g, String targetDescription) {
        List<String> statements = frameworks.descriptors(g.competencyId()).stream()
                .filter(d -> d.rank() == g.targetRank()).flatMap(d -> d.statements().stream()).toList();
        String why = statements.isEmpty() ? msg("planning.objective.whyProfile", targetDescription)
                : String.join(" ", statements);
        String text = msg("planning.objective.text", g.title(), g.targetTitle(),
                g.currentTitle() == null ? msg("planning.level.unknown") : g.currentTitle(), why);
        return text.length() > Limits.TEXT ? text.substring(0, Limits.TEXT - 1) + "…" : text;
    }

    /**
     * Asks the sources again for the uncovered gaps of a plan (also when a source announces something new);
     * returns how many suggestions were added.
     */
    public int resuggest(long planId) {
        Plan p = editable(planId);
        if (!p.getState().editable()) {
            throw new ConflictException("state", "planning.plan.notEditable",
                    "An agreed plan is not changed: reopen it first.");
        }
        return resuggest(p, null);
    }

    /** Adds new fitting suggestions to the uncovered gaps of a plan (optionally only gaps answered by some competencies). */
    int resuggest(Plan p, Set<Long> onlyCompetencies) {
        String orgType = directory.organisation(p.getOrganisationId()).map(Directory.OrganisationSummary::type)
                .orElse(null);
        Planner planner = planner(orgType);
        GapTargets.Lookup lookup = gapTargets.lookup();
        int added = 0;
        for (PlanGap g : p.getGaps()) {
            if (g.isCovered()) {
                continue;
            }
            var targets = lookup.targets(g.getCompetencyId(), g.getCurrentRank(), g.getTargetRank(),
                    g.getScaleSize());
            if (onlyCompetencies != null && targets.stream().noneMatch(t -> onlyCompetencies.contains(t.competencyId()))) {
                continue;
            }
            SuggestionRequest request = new SuggestionRequest(g.getCompetencyId(), targets, p.languageSet(),
                    p.constraints(), p.getOrganisationId(), p.getPersonId(), PER_GAP);
            for (Planner.Ranked r : planner.suggest(request, PER_GAP)) {
                boolean known = p.getItems().stream().anyMatch(i -> Objects.equals(i.getSource(), r.suggestion().source())
                        && Objects.equals(i.getReference(), r.suggestion().reference()) && i.getGap() == g);
                if (!known) {
                    p.addSuggestion(g, r.suggestion(), r.evidence(), true);
                    added++;
                }
            }
        }
        return added;
    }

    /** Marks a plan the current user may edit as demo data (for the demo dataset). */
    public void markAsDemo(long id) {
        editable(id).markAsDemo();
    }

    // ---------------------------------------------------------------- edits

    public void describe(long id, String title, Set<String> languages, PlanConstraints constraints) {
        editable(id).rename(title, languages, constraints, now());
    }

    public long addItem(long id, Long gapId, ItemKind kind, Intervention intervention, ItemDetails details) {
        Plan p = editable(id);
        checkOwner(p, details.ownerPersonId());
        PlanItem item = p.addCustom(gapId, kind, intervention, details, now());
        plans.flush();
        return item.getId();
    }

    public void describeItem(long id, long itemId, ItemDetails details) {
        Plan p = editable(id);
        checkOwner(p, details.ownerPersonId());
        p.describeItem(itemId, details, now());
    }

    private void checkOwner(Plan p, Long personId) {
        if (personId != null && p.getPersonId() != null) {
            if (!personId.equals(p.getPersonId())) {
                throw new InvalidInputException("ownerPersonId", "planning.owner.notPerson",
                        "The activities of a person's plan are theirs.");
            }
            return;
        }
        if (personId != null && directory.person(personId).map(Directory.PersonSummary::organisationId)
                .filter(o -> directory.organisationAndUnits(p.getOrganisationId()).contains(o)
                        || o.equals(p.getOrganisationId())).isEmpty()) {
            throw new InvalidInputException("ownerPersonId", "planning.owner.unknown",
                    "Choose an owner among the organisation's people.");
        }
    }

    public void removeItem(long id, long itemId) {
        editable(id).removeItem(itemId, now());
    }

    public void moveItem(long id, long itemId, int delta) {
        editable(id).moveItem(itemId, delta, now());
    }

    public void moveGap(long id, long gapId, int delta) {
        editable(id).moveGap(gapId, delta, now());
    }

    public void removeGap(long id, long gapId) {
        editable(id).removeGap(gapId, now());
    }

    public void describeGap(long id, long gapId, String objective) {
        editable(id).describeGap(gapId, objective, now());
    }

    /** Reports an activity's status and progress: editors and the activity's owner. */
    public void report(long id, long itemId, ItemStatus status, int progress) {
        Plan p = lockedVisible(id);
        PlanItem item = p.item(itemId);
        if (!canEdit(p) && !isOwner(item)) {
            throw new AccessDeniedException("Not allowed to report on plan " + id);
        }
        p.reportItem(itemId, status, progress, actor(), now(), today());
    }

    public void expect(long id, String participant, String expectations, String motivations) {
        Plan p = lockedVisible(id);
        long personId = access.requireUser().personId();
        String name = participant == null || participant.isBlank()
                ? directory.person(personId).map(Directory.PersonSummary::fullName).orElse(null) : participant;
        p.expect(personId, name, expectations, motivations, now());
    }

    // ---------------------------------------------------------------- life

    /** Asks for sign-off; a person's plan is shared with its reviewer and focal points by doing so. */
    public void submitForReview(long id) {
        Plan p = editable(id);
        p.submitForReview(actor(), now());
        if (p.getPersonId() != null) {
            p.share(now());
        }
    }

    public void backToDraft(long id) {
        editable(id).backToDraft(actor(), now());
    }

    /** The sign-off: the focal point's; for a person's plan, their supervisor's (see {@link #canSignOff}). */
    public void agree(long id, String note) {
        Plan p = lockedVisible(id);
        if (!canSignOff(p)) {
            throw new AccessDeniedException("Not the one who signs this plan off");
        }
        p.agree(actor(), note, now());
    }

    public void start(long id) {
        editable(id).start(actor(), now());
    }

    public void complete(long id) {
        editable(id).complete(actor(), now());
    }

    public void reopen(long id, String reason) {
        editable(id).reopen(reason, actor(), now());
    }

    // ---------------------------------------------------------------- views

    @Transactional(readOnly = true)
    public PlanViews.PlanView view(long id) {
        return view(visible(id));
    }

    @Transactional(readOnly = true)
    public long version(long id) {
        return visible(id).getVersion();
    }

    PlanViews.PlanView view(Plan p) {
        LocalDate today = today();
        Map<Long, String> owners = personNames(p.getItems().stream().map(PlanItem::getOwnerPersonId)
                .filter(Objects::nonNull).collect(Collectors.toSet()));
        Titles titles = new Titles();
        List<BarrierView> barriers = p.getAssessmentId() == null ? List.of()
                : assessments.barriers(p.getAssessmentId()).stream().map(b -> new BarrierView(b.competencyId(),
                        titles.competency(b.competencyId()), b.kind(), b.description())).toList();
        List<PlanViews.GapView> gaps = new ArrayList<>();
        for (PlanGap g : p.getGaps()) {
            Long versionId = titles.versionOf(g.getCompetencyId());
            gaps.add(new PlanViews.GapView(g.getId(), g.getPosition(), g.getCompetencyId(),
                    titles.code(g.getCompetencyId()), titles.competency(g.getCompetencyId()), g.getCurrentRank(),
                    titles.level(versionId, g.getCurrentRank()), g.getTargetRank(),
                    titles.level(versionId, g.getTargetRank()), g.gap(), g.getWeight(), g.getPeopleCount(),
                    g.getObjective(), g.isCovered(), g.getReassessedRank(),
                    titles.level(versionId, g.getReassessedRank()), g.closed(),
                    p.itemsOf(g).stream().map(i -> item(i, owners, titles, today)).toList(),
                    barriers.stream().filter(b -> b.competencyId() == g.getCompetencyId()).toList()));
        }
        List<PlanViews.ItemView> others = p.getItems().stream().filter(i -> i.getGap() == null)
                .map(i -> item(i, owners, titles, today)).toList();
        boolean edit = canEdit(p);
        boolean subject = p.getPersonId() != null && isSubject(p);
        var can = new PlanViews.Permissions(edit && p.getState().editable(),
                canSignOff(p) && p.getState() == PlanState.IN_REVIEW,
                p.getState().running() && (edit || p.getItems().stream().anyMatch(this::isOwner)),
                p.getState().editable(), edit, subject);
        List<Option> people = !edit ? List.of() : p.getPersonId() != null
                ? directory.person(p.getPersonId()).map(x -> List.of(new Option(x.id(), x.fullName())))
                        .orElse(List.of())
                : directory.peopleOf(p.getOrganisationId()).stream()
                        .map(x -> new Option(x.id(), x.fullName())).toList();
        return new PlanViews.PlanView(p.getId(), p.getTitle(), p.getOrganisationId(),
                organisationNames(Set.of(p.getOrganisationId())).getOrDefault(p.getOrganisationId(), "#"),
                p.getPersonId(), p.getPersonId() == null ? null
                        : directory.person(p.getPersonId()).map(Directory.PersonSummary::fullName).orElse(null),
                p.getState(), List.copyOf(p.languageSet()), p.constraints().modes().stream().sorted().toList(),
                p.getMaxHoursPerMonth(), p.getMaxCost(), p.getCurrency(), p.getDeadline(), p.getAssessmentId(),
                p.getTargetProfileId(), p.getTargetDescription(), p.getTemplateId(), p.getAgreedBy(),
                p.getAgreedAt(), p.getReassessmentId(), p.isDemo(), gaps, others,
                p.getExpectations().stream().map(e -> new PlanViews.ExpectationView(e.getId(), e.getParticipant(),
                        e.getExpectations(), e.getMotivations(), e.getSubmittedAt())).toList(),
                p.getHistory().stream().map(t -> new PlanViews.TransitionView(t.getFromState(), t.getToState(),
                        t.getActor(), t.getOccurredAt(), t.getNote())).toList(),
                can, (int) p.getItems().stream().filter(i -> i.overdue(today)).count(), progress(p),
                (int) p.getGaps().stream().filter(g -> !g.isCovered()).count(),
                (int) p.getGaps().stream().filter(PlanGap::closed).count(), people, p.getVersion(),
                p.getUpdatedAt(), p.getSelfAssessmentId(), p.isShared(),
                p.getReviewerPersonId() == null ? null : directory.person(p.getReviewerPersonId())
                        .map(Directory.PersonSummary::fullName).orElse(null), p.isReviewerSigns());
    }

    private PlanViews.ItemView item(PlanItem i, Map<Long, String> owners, Titles titles, LocalDate today) {
        Long versionId = i.getCompetencyId() == null ? null : titles.versionOf(i.getCompetencyId());
        return new PlanViews.ItemView(i.getId(), i.getPosition(), i.getGap() == null ? null : i.getGap().getId(),
                i.getKind(), i.getIntervention(), i.getSource(), i.getReference(), i.getTitle(), i.getUrl(),
                i.getCompetencyId(), i.getCompetencyId() == null ? null : titles.competency(i.getCompetencyId()),
                i.getLevelRank(), titles.level(versionId, i.getLevelRank()), List.copyOf(i.languageSet()), i.getMode(), i.getHours(),
                i.getCostAmount(), i.getCostCurrency(), i.getStartsOn(), i.getDueOn(), i.getOwner(),
                i.getOwnerPersonId(), i.getOwnerPersonId() == null ? null : owners.get(i.getOwnerPersonId()),
                i.getReason(), i.getEvidenceCount(), i.isAddedLater(), i.getStatus(), i.getProgress(),
                i.overdue(today), i.getCompletedOn());
    }

    /** The plan's progress: the mean progress of its activities that are not cancelled. */
    static int progress(Plan p) {
        List<PlanItem> counted = p.getItems().stream().filter(i -> i.getStatus() != ItemStatus.CANCELLED).toList();
        return counted.isEmpty() ? 0
                : (int) Math.round(counted.stream().mapToInt(PlanItem::getProgress).average().orElse(0));
    }

    /** Competency and level titles, looked up once per view. */
    final class Titles {
        private final Map<Long, Optional<Competency>> competencies = new HashMap<>();
        private final Map<Long, Map<Integer, String>> levels = new HashMap<>();

        private Optional<Competency> c(long id) {
            return competencies.computeIfAbsent(id, frameworks::competency);
        }

        String competency(long id) {
            return c(id).map(Competency::title).orElse("#" + id);
        }

        String code(long id) {
            return c(id).map(Competency::code).orElse(null);
        }

        Long versionOf(long id) {
            return c(id).map(Competency::versionId).orElse(null);
        }

        String level(Long versionId, Integer rank) {
            if (versionId == null || rank == null) {
                return null;
            }
            return levels.computeIfAbsent(versionId, v -> frameworks.levels(v).stream()
                    .collect(Collectors.toMap(ScaleLevel::rank, ScaleLevel::title, (a, b) -> a))).get(rank);
        }
    }

    Map<Long, String> organisationNames(Set<Long> ids) {
        return directory.organisations(ids).stream().collect(Collectors.toMap(Directory.OrganisationSummary::id,
                Directory.OrganisationSummary::label));
    }

    private Map<Long, String> personNames(Set<Long> ids) {
        return directory.people(ids).stream().collect(Collectors.toMap(Directory.PersonSummary::id,
                Directory.PersonSummary::fullName));
    }

    static String lower(String s) {
        return s == null ? null : s.toLowerCase(Locale.ROOT);
    }
}
