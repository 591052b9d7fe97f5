package org.capacityhub.assessment.individual;

import org.capacityhub.assessment.comparison.ChangeOverTime;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.capacityhub.assessment.CompetencyGap;
import org.capacityhub.assessment.CompetencyLevel;
import org.capacityhub.assessment.PersonGaps;
import org.capacityhub.assessment.SelfAssessmentSubmitted;
import org.capacityhub.assessment.domain.TargetProfile;
import org.capacityhub.assessment.domain.TargetProfileRepository;
import org.capacityhub.directory.Directory;
import org.capacityhub.directory.Directory.PersonSummary;
import org.capacityhub.directory.DirectoryAccess;
import org.capacityhub.framework.Frameworks;
import org.capacityhub.framework.Frameworks.Competency;
import org.capacityhub.framework.Frameworks.FrameworkVersionRef;
import org.capacityhub.framework.Frameworks.LevelDescriptor;
import org.capacityhub.framework.Frameworks.ScaleLevel;
import org.capacityhub.platform.InvalidInputException;
import org.capacityhub.platform.NotFoundException;
import org.capacityhub.platform.PlatformUser;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Individual self-assessments. A person's ratings are seen only by the person and, once submitted, by the rater
 * they named (who adds a second rating); anyone else gets "not found". Organisations see them only in aggregate
 * ({@link #aggregate}), with no figure based on fewer than {@value #THRESHOLD} people.
 */
@Service
@Transactional
public class SelfAssessmentService {

    /** No aggregate figure is shown for fewer people than this. */
    public static final int THRESHOLD = 5;

    private final SelfAssessmentRepository repository;
    private final TargetProfileRepository profiles;
    private final Frameworks frameworks;
    private final Directory directory;
    private final DirectoryAccess access;
    private final ApplicationEventPublisher events;

    SelfAssessmentService(SelfAssessmentRepository repository, TargetProfileRepository profiles,
            Frameworks frameworks, Directory directory, DirectoryAccess access, ApplicationEventPublisher events) {
        this.repository = repository;
        this.profiles = profiles;
        this.frameworks = frameworks;
        this.directory = directory;
        this.access = access;
        this.events = events;
    }

    // ---------------------------------------------------------------- the framework's shape

    /** The competencies a person rates in a version (the leaves of its tree, in tree order) and their area. */
    record Shape(List<Competency> tree, List<Competency> leaves, Map<Long, Competency> byId,
            Map<Long, Competency> topOf, List<ScaleLevel> scale) {

        Set<Long> levelIds() {
            return scale.stream().map(ScaleLevel::id).collect(Collectors.toSet());
        }

        ScaleLevel level(Long id) {
            return id == null ? null : scale.stream().filter(l -> l.id() == id).findFirst().orElse(null);
        }

        String area(long competencyId) {
            Competency top = topOf.get(competencyId);
            return top == null || top.id() == competencyId ? null : top.title();
        }
    }

    Shape shape(long versionId) {
        return shape(frameworks, versionId);
    }

    static Shape shape(Frameworks frameworks, long versionId) {
        List<Competency> tree = frameworks.tree(versionId);
        Map<Long, Competency> byId = tree.stream().collect(Collectors.toMap(Competency::id, Function.identity()));
        Set<Long> parents = tree.stream().map(Competency::parentId).filter(Objects::nonNull).collect(Collectors.toSet());
        List<Competency> leaves = tree.stream().filter(c -> !parents.contains(c.id())).toList();
        Map<Long, Competency> topOf = new HashMap<>();
        for (Competency c : tree) {
            Competency top = c;
            while (top.parentId() != null && byId.containsKey(top.parentId())) {
                top = byId.get(top.parentId());
            }
            topOf.put(c.id(), top);
        }
        return new Shape(tree, leaves, byId, topOf, frameworks.levels(versionId));
    }

    private FrameworkVersionRef published(long versionId) {
        return frameworks.version(versionId).filter(FrameworkVersionRef::published)
                .orElseThrow(() -> new InvalidInputException("frameworkVersionId", "assessment.framework.notPublished",
                        "Choose a published framework version."));
    }

    // ---------------------------------------------------------------- access

    private long me() {
        return access.requireUser().personId();
    }

    /** The signed-in person (401/403 when nobody is signed in). */
    public long currentPersonId() {
        return me();
    }

    private boolean canSee(SelfAssessment s, long personId) {
        return s.isOwnedBy(personId) || (s.isRatedBy(personId) && s.getState() == SelfAssessmentState.SUBMITTED);
    }

    private SelfAssessment visible(long id) {
        long me = me();
        return repository.findById(id).filter(s -> canSee(s, me))
                .orElseThrow(() -> new NotFoundException("SelfAssessment", id));
    }

    private SelfAssessment own(long id) {
        long me = me();
        SelfAssessment s = repository.findForUpdate(id).filter(x -> canSee(x, me))
                .orElseThrow(() -> new NotFoundException("SelfAssessment", id));
        if (!s.isOwnedBy(me)) {
            throw new AccessDeniedException("Only the person changes their own self-assessment");
        }
        return s;
    }

    private SelfAssessment asRater(long id) {
        long me = me();
        SelfAssessment s = repository.findForUpdate(id).filter(x -> canSee(x, me))
                .orElseThrow(() -> new NotFoundException("SelfAssessment", id));
        if (!s.isRatedBy(me)) {
            throw new AccessDeniedException("Only the named rater gives the second rating");
        }
        return s;
    }

    // ---------------------------------------------------------------- queries

    @Transactional(readOnly = true)
    public List<SelfViews.Option> frameworks() {
        access.requireUser();
        return frameworks.publishedFrameworks().stream()
                .map(f -> new SelfViews.Option(f.versionId(), frameworkLabel(f))).toList();
    }

    /** People who may be named as raters (who can sign in), the current user left out. */
    @Transactional(readOnly = true)
    public List<SelfViews.Option> raterChoices() {
        long me = me();
        List<PersonSummary> people = directory.peopleWhoCanSignIn();
        Map<Long, String> organisations = directory.organisations(people.stream().map(PersonSummary::organisationId)
                .filter(Objects::nonNull).collect(Collectors.toSet())).stream()
                .collect(Collectors.toMap(Directory.OrganisationSummary::id, Directory.OrganisationSummary::label));
        return people.stream().filter(p -> p.id() != me).map(p -> {
            StringBuilder label = new StringBuilder(p.fullName());
            if (p.positionTitle() != null && !p.positionTitle().isBlank()) {
                label.append(", ").append(p.positionTitle());
            }
            if (p.organisationId() != null && organisations.containsKey(p.organisationId())) {
                label.append(" (").append(organisations.get(p.organisationId())).append(')');
            }
            return new SelfViews.Option(p.id(), label.toString());
        }).toList();
    }

    /** The current user's self-assessments, newest first. */
    @Transactional(readOnly = true)
    public List<SelfViews.Summary> mine() {
        return repository.findByPersonIdOrderByCreatedAtDescIdDesc(me()).stream().map(this::summary).toList();
    }

    /** Self-assessments submitted by people who named the current user as their rater, newest first. */
    @Transactional(readOnly = true)
    public List<SelfViews.Summary> inbox() {
        return repository.findByRaterPersonIdAndStateOrderBySubmittedAtDescIdDesc(me(), SelfAssessmentState.SUBMITTED)
                .stream().map(this::summary).toList();
    }

    private SelfViews.Summary summary(SelfAssessment s) {
        return new SelfViews.Summary(s.getId(), s.getPersonId(), personName(s.getPersonId()),
                s.getFrameworkVersionId(), frameworkTitle(s.getFrameworkVersionId()), s.getState(), s.getCreatedAt(),
                s.getSubmittedAt(), s.getRaterPersonId() == null ? null : personName(s.getRaterPersonId()),
                s.getRaterRole(), s.getRaterSubmittedAt(),
                (int) s.getRatings().values().stream().filter(r -> r.getLevelId() != null).count(),
                s.getRatings().size());
    }

    @Transactional(readOnly = true)
    public SelfViews.Detail detail(long id) {
        return detail(visible(id), me());
    }

    SelfViews.Detail detail(SelfAssessment s, long viewer) {
        Shape shape = shape(s.getFrameworkVersionId());
        List<SelfViews.LevelView> scale = shape.scale().stream()
                .map(l -> new SelfViews.LevelView(l.id(), l.rank(), l.title(), l.description())).toList();
        List<SelfViews.PageView> pages = new ArrayList<>();
        Map<Long, List<SelfViews.RatingView>> byArea = new LinkedHashMap<>();
        for (Competency c : shape.leaves()) {
            SelfRating r = s.getRatings().get(c.id());
            if (r == null) {
                continue;
            }
            Competency top = shape.topOf().get(c.id());
            long key = top.id() == c.id() ? -1L : top.id();
            byArea.computeIfAbsent(key, k -> new ArrayList<>()).add(rating(shape, c, r));
        }
        int number = 1;
        for (Map.Entry<Long, List<SelfViews.RatingView>> e : byArea.entrySet()) {
            pages.add(new SelfViews.PageView(number++, e.getKey() < 0 ? null : shape.byId().get(e.getKey()).title(),
                    e.getValue()));
        }
        int rated = (int) s.getRatings().values().stream().filter(r -> r.getLevelId() != null).count();
        int raterRated = (int) s.getRatings().values().stream().filter(r -> r.getRaterLevelId() != null).count();
        return new SelfViews.Detail(s.getId(), s.getPersonId(), personName(s.getPersonId()),
                s.getFrameworkVersionId(), frameworkTitle(s.getFrameworkVersionId()), s.getState(), s.getCreatedAt(),
                s.getSubmittedAt(), s.getRaterPersonId(),
                s.getRaterPersonId() == null ? null : personName(s.getRaterPersonId()), s.getRaterRole(),
                s.getRaterSubmittedAt(), scale, pages, rated, raterRated, s.getRatings().size(), s.isOwnedBy(viewer),
                s.isRatedBy(viewer), s.getVersion());
    }

    private SelfViews.RatingView rating(Shape shape, Competency c, SelfRating r) {
        ScaleLevel own = shape.level(r.getLevelId());
        ScaleLevel rater = shape.level(r.getRaterLevelId());
        Map<Integer, List<String>> statements = new HashMap<>();
        for (LevelDescriptor d : frameworks.descriptors(c.id())) {
            statements.put(d.rank(), d.statements());
        }
        List<SelfViews.Choice> choices = shape.scale().stream().map(l -> new SelfViews.Choice(l.id(), l.rank(),
                l.title(), statements.getOrDefault(l.rank(), List.of()))).toList();
        return new SelfViews.RatingView(c.id(), c.code(), c.title(), c.description(), shape.area(c.id()),
                r.getLevelId(), own == null ? null : own.title(), own == null ? null : own.rank(), r.getComment(),
                r.getEvidence(), r.getRaterLevelId(), rater == null ? null : rater.title(),
                rater == null ? null : rater.rank(), r.getRaterComment(), choices);
    }

    // ---------------------------------------------------------------- the person's commands

    /** Starts a draft against a published version, optionally naming a rater (who can sign in). */
    public long start(long frameworkVersionId, Long raterPersonId, RaterRole role) {
        long me = me();
        FrameworkVersionRef version = published(frameworkVersionId);
        checkRater(raterPersonId);
        SelfAssessment s = new SelfAssessment(me, version.versionId(),
                shape(version.versionId()).leaves().stream().map(Competency::id).toList(), Instant.now());
        s.nameRater(raterPersonId, role);
        return repository.save(s).getId();
    }

    private void checkRater(Long raterPersonId) {
        if (raterPersonId != null && !directory.whoCanSignIn(Set.of(raterPersonId)).contains(raterPersonId)) {
            throw new InvalidInputException("raterPersonId", "assessment.self.rater.unknown",
                    "Choose the rater among the people who can sign in.");
        }
    }

    public void nameRater(long id, Long raterPersonId, RaterRole role) {
        SelfAssessment s = own(id);
        checkRater(raterPersonId);
        s.nameRater(raterPersonId, role);
        repository.flush();
    }

    /** Saves some of the person's ratings (all or none). */
    public void rate(long id, Map<Long, RatingInput> ratings) {
        SelfAssessment s = own(id);
        s.rate(ratings, shape(s.getFrameworkVersionId()).levelIds());
        repository.flush();
    }

    /** Submits (every competency rated) and publishes {@link SelfAssessmentSubmitted}. */
    public void submit(long id) {
        SelfAssessment s = own(id);
        Instant now = Instant.now();
        s.submit(now);
        repository.flush();
        Shape shape = shape(s.getFrameworkVersionId());
        PersonGaps gaps = gaps(s, applicableProfile(s, null).orElse(null), shape);
        events.publishEvent(new SelfAssessmentSubmitted(s.getId(), s.getPersonId(), s.getFrameworkVersionId(), now,
                levels(s, shape), gaps.targetProfileId() == null ? null : gaps));
    }

    // ---------------------------------------------------------------- the rater's commands

    public void rateAsRater(long id, Map<Long, RatingInput> ratings) {
        SelfAssessment s = asRater(id);
        s.rateAsRater(ratings, shape(s.getFrameworkVersionId()).levelIds());
        repository.flush();
    }

    public void submitAsRater(long id) {
        SelfAssessment s = asRater(id);
        s.submitAsRater(Instant.now());
        repository.flush();
    }

    // ---------------------------------------------------------------- current ratings, history, gaps

    private List<CompetencyLevel> levels(SelfAssessment s, Shape shape) {
        return shape.leaves().stream().filter(c -> s.getRatings().containsKey(c.id())).map(c -> {
            ScaleLevel l = shape.level(s.getRatings().get(c.id()).getLevelId());
            return new CompetencyLevel(c.id(), c.identifier(), l == null ? null : l.id(),
                    l == null ? null : l.identifier(), l == null ? null : l.rank(), shape.scale().size());
        }).toList();
    }

    /** The person's latest submitted self-assessment of a version. */
    private Optional<SelfAssessment> latest(long personId, long versionId) {
        return repository.findByPersonIdAndStateOrderBySubmittedAtDescIdDesc(personId, SelfAssessmentState.SUBMITTED)
                .stream().filter(s -> s.getFrameworkVersionId() == versionId).findFirst();
    }

    /**
     * The target profile that applies: the one asked for (same version), else the one the person chose, else the
     * first-made profile of the version whose position title is the person's position.
     */
    Optional<TargetProfile> applicableProfile(SelfAssessment s, Long asked) {
        long versionId = s.getFrameworkVersionId();
        if (asked != null) {
            return profiles.findById(asked).filter(p -> p.getFrameworkVersionId() == versionId);
        }
        if (s.getTargetProfileId() != null) {
            Optional<TargetProfile> chosen = profiles.findById(s.getTargetProfileId())
                    .filter(p -> p.getFrameworkVersionId() == versionId);
            if (chosen.isPresent()) {
                return chosen;
            }
        }
        String position = directory.person(s.getPersonId()).map(PersonSummary::positionTitle).orElse(null);
        if (position == null || position.isBlank()) {
            return Optional.empty();
        }
        return profiles.findByFrameworkVersionIdOrderByNameAscIdAsc(versionId).stream()
                .filter(p -> p.getPositionTitle() != null && p.getPositionTitle().strip().equalsIgnoreCase(position.strip()))
                .min(Comparator.comparing(TargetProfile::getId));
    }

    /**
     * {@link #applicableProfile(SelfAssessment, Long)} without a profile asked for, for many people at once: the
     * person's position given, profiles looked up once per chosen id and per version and position.
     */
    private Optional<TargetProfile> applicableProfile(SelfAssessment s, String position,
            Map<String, Optional<TargetProfile>> cache) {
        long versionId = s.getFrameworkVersionId();
        if (s.getTargetProfileId() != null) {
            Optional<TargetProfile> chosen = cache.computeIfAbsent("id:" + s.getTargetProfileId(),
                    k -> profiles.findById(s.getTargetProfileId())).filter(p -> p.getFrameworkVersionId() == versionId);
            if (chosen.isPresent()) {
                return chosen;
            }
        }
        if (position == null || position.isBlank()) {
            return Optional.empty();
        }
        return cache.computeIfAbsent("position:" + versionId + ":" + position.strip().toLowerCase(java.util.Locale.ROOT),
                k -> profiles.findByFrameworkVersionIdOrderByNameAscIdAsc(versionId).stream()
                        .filter(p -> p.getPositionTitle() != null
                                && p.getPositionTitle().strip().equalsIgnoreCase(position.strip()))
                        .min(Comparator.comparing(TargetProfile::getId)));
    }

    /** The target and weight for a competency: its own, else the nearest area's above it that has one. */
    private record Target(Long levelId, int weight) {}

    private static Target target(TargetProfile p, Shape shape, long competencyId) {
        if (p == null) {
            return new Target(null, 1);
        }
        Competency c = shape.byId().get(competencyId);
        while (c != null) {
            Long level = p.getLevels().get(c.id());
            if (level != null) {
                int weight = p.getWeights().containsKey(competencyId) ? p.weightOf(competencyId) : p.weightOf(c.id());
                return new Target(level, weight);
            }
            c = c.parentId() == null ? null : shape.byId().get(c.parentId());
        }
        return new Target(null, p.weightOf(competencyId));
    }

    PersonGaps gaps(SelfAssessment s, TargetProfile p, Shape shape) {
        List<CompetencyGap> gaps = new ArrayList<>();
        for (Competency c : shape.leaves()) {
            SelfRating r = s.getRatings().get(c.id());
            if (r == null) {
                continue;
            }
            ScaleLevel current = shape.level(r.getLevelId());
            Target t = target(p, shape, c.id());
            ScaleLevel target = shape.level(t.levelId());
            Integer currentRank = current == null ? null : current.rank();
            Integer targetRank = target == null ? null : target.rank();
            gaps.add(new CompetencyGap(c.id(), current == null ? null : current.id(), currentRank,
                    target == null ? null : target.id(), targetRank, CompetencyGap.gap(currentRank, targetRank),
                    t.weight()));
        }
        return new PersonGaps(s.getPersonId(), s.getFrameworkVersionId(), s.getId(), s.getSubmittedAt(),
                p == null ? null : p.getId(), p == null ? null : p.getName(), gaps);
    }

    /**
     * A person's gaps for every version they submitted a self-assessment of; only the person sees their own (empty
     * for anyone else, as if there were none).
     */
    @Transactional(readOnly = true)
    public List<PersonGaps> personGaps(long personId) {
        Optional<PlatformUser> user = access.currentUser();
        if (user.isEmpty() || user.get().personId() != personId) {
            return List.of();
        }
        Map<Long, SelfAssessment> latest = new LinkedHashMap<>();
        for (SelfAssessment s : repository.findByPersonIdAndStateOrderBySubmittedAtDescIdDesc(personId,
                SelfAssessmentState.SUBMITTED)) {
            latest.putIfAbsent(s.getFrameworkVersionId(), s);
        }
        return latest.values().stream().map(s -> gaps(s, applicableProfile(s, null).orElse(null),
                shape(s.getFrameworkVersionId()))).toList();
    }

    /** The versions the current user submitted self-assessments of (for the profile and history pages). */
    @Transactional(readOnly = true)
    public List<SelfViews.Option> assessedVersions() {
        Set<Long> versions = new LinkedHashSet<>();
        repository.findByPersonIdAndStateOrderBySubmittedAtDescIdDesc(me(), SelfAssessmentState.SUBMITTED)
                .forEach(s -> versions.add(s.getFrameworkVersionId()));
        return versions.stream().map(v -> new SelfViews.Option(v, frameworkTitle(v))).toList();
    }

    /**
     * The current user's current ratings for a version (from their latest submitted self-assessment) against a
     * target profile (the one asked for, else the applicable one), with the gap per competency.
     */
    @Transactional(readOnly = true)
    public SelfViews.Profile profile(long versionId, Long targetProfileId) {
        long me = me();
        SelfAssessment s = latest(me, versionId).orElseThrow(() -> new NotFoundException("SelfAssessment", versionId));
        Shape shape = shape(versionId);
        TargetProfile p = applicableProfile(s, targetProfileId).orElse(null);
        if (targetProfileId != null && p == null) {
            throw new NotFoundException("TargetProfile", targetProfileId);
        }
        PersonGaps gaps = gaps(s, p, shape);
        List<SelfViews.ProfileRow> rows = new ArrayList<>();
        int weighted = 0;
        for (CompetencyGap g : gaps.gaps()) {
            Competency c = shape.byId().get(g.competencyId());
            SelfRating r = s.getRatings().get(g.competencyId());
            ScaleLevel own = shape.level(g.currentLevelId());
            ScaleLevel rater = s.getRaterSubmittedAt() == null ? null : shape.level(r.getRaterLevelId());
            ScaleLevel target = shape.level(g.targetLevelId());
            int weight = g.weight();
            if (g.gap() != null) {
                weighted += g.gap() * weight;
            }
            rows.add(new SelfViews.ProfileRow(c.id(), c.code(), c.title(), shape.area(c.id()),
                    own == null ? null : own.title(), own == null ? null : own.rank(),
                    rater == null ? null : rater.title(), rater == null ? null : rater.rank(),
                    target == null ? null : target.title(), target == null ? null : target.rank(), g.gap(), weight));
        }
        List<SelfViews.Option> choices = profiles.findByFrameworkVersionIdOrderByNameAscIdAsc(versionId).stream()
                .map(t -> new SelfViews.Option(t.getId(), t.getName()
                        + (t.getPositionTitle() == null ? "" : " (" + t.getPositionTitle() + ")")))
                .toList();
        return new SelfViews.Profile(versionId, frameworkTitle(versionId), s.getId(), s.getSubmittedAt(),
                s.getRaterPersonId() == null ? null : personName(s.getRaterPersonId()), s.getRaterRole(),
                s.getRaterSubmittedAt() != null, p == null ? null : p.getId(), p == null ? null : p.getName(),
                choices, directory.person(me).map(PersonSummary::positionTitle).orElse(null), rows, weighted);
    }

    /** Every submitted self-assessment of the current user for a version, oldest first: nothing is overwritten. */
    @Transactional(readOnly = true)
    public SelfViews.History history(long versionId) {
        long me = me();
        List<SelfAssessment> snapshots = new ArrayList<>(repository
                .findByPersonIdAndStateOrderBySubmittedAtDescIdDesc(me, SelfAssessmentState.SUBMITTED).stream()
                .filter(s -> s.getFrameworkVersionId() == versionId).toList());
        if (snapshots.isEmpty()) {
            throw new NotFoundException("SelfAssessment", versionId);
        }
        java.util.Collections.reverse(snapshots);
        Shape shape = shape(versionId);
        List<SelfViews.HistoryColumn> columns = snapshots.stream().map(s -> new SelfViews.HistoryColumn(s.getId(),
                s.getSubmittedAt(), s.getRaterSubmittedAt() == null ? null : personName(s.getRaterPersonId())))
                .toList();
        List<SelfViews.HistoryRow> rows = shape.leaves().stream().map(c -> new SelfViews.HistoryRow(c.code(),
                c.title(), snapshots.stream().map(s -> title(shape, s.getRatings().get(c.id()), false)).toList(),
                snapshots.stream().map(s -> s.getRaterSubmittedAt() == null ? null
                        : title(shape, s.getRatings().get(c.id()), true)).toList())).toList();
        List<ChangeOverTime.Row> trend = shape.leaves().stream().map(c -> new ChangeOverTime.Row(c.code(), c.title(),
                ChangeOverTime.Cell.series(
                        snapshots.stream().map(s -> title(shape, s.getRatings().get(c.id()), false)).toList(),
                        snapshots.stream().map(s -> rank(shape, s.getRatings().get(c.id()))).toList()))).toList();
        ChangeOverTime.Chart chart = snapshots.size() < 2 ? null : ChangeOverTime.chart(
                snapshots.stream().map(s -> s.getSubmittedAt().atZone(java.time.ZoneOffset.UTC).toLocalDate().toString())
                        .toList(),
                trend, shape.scale().stream().collect(Collectors.toMap(ScaleLevel::rank, ScaleLevel::title)));
        return new SelfViews.History(versionId, frameworkTitle(versionId), columns, rows, trend, chart);
    }

    private static Integer rank(Shape shape, SelfRating r) {
        ScaleLevel l = r == null ? null : shape.level(r.getLevelId());
        return l == null ? null : l.rank();
    }

    private static String title(Shape shape, SelfRating r, boolean rater) {
        if (r == null) {
            return null;
        }
        ScaleLevel l = shape.level(rater ? r.getRaterLevelId() : r.getLevelId());
        return l == null ? null : l.title();
    }

    // ---------------------------------------------------------------- organisation aggregate

    /**
     * For an organisation (with its units) the current user may view, per competency of a version: how many of
     * its people with a submitted self-assessment rated it, how many are at each level and at or above their
     * target; a figure under {@value #THRESHOLD} people is suppressed (with its complement, so that none can be
     * derived by subtraction); a competency held at or above target by a single person is flagged as a retention
     * risk, without any rating.
     */
    @Transactional(readOnly = true)
    public SelfViews.Aggregate aggregate(long organisationId, long versionId) {
        access.requireUser();
        access.requireView(organisationId);
        Directory.OrganisationSummary organisation = directory.organisation(organisationId)
                .orElseThrow(() -> new NotFoundException("Organisation", organisationId));
        FrameworkVersionRef version = frameworks.version(versionId)
                .orElseThrow(() -> new NotFoundException("FrameworkVersion", versionId));
        Set<Long> units = directory.organisationAndUnits(organisationId);
        Set<Long> people = new LinkedHashSet<>();
        for (long unit : units) {
            directory.peopleOf(unit).forEach(p -> people.add(p.id()));
        }
        Map<Long, SelfAssessment> latest = new LinkedHashMap<>();
        if (!people.isEmpty()) {
            for (SelfAssessment s : repository.findByPersonIdInAndFrameworkVersionIdAndStateOrderBySubmittedAtDescIdDesc(
                    people, versionId, SelfAssessmentState.SUBMITTED)) {
                latest.putIfAbsent(s.getPersonId(), s);
            }
        }
        Shape shape = shape(versionId);
        Map<Long, TargetProfile> profileOf = new HashMap<>();
        latest.values().forEach(s -> applicableProfile(s, null).ifPresent(p -> profileOf.put(s.getPersonId(), p)));
        List<SelfViews.AggregateRow> rows = new ArrayList<>();
        for (Competency c : shape.leaves()) {
            int[] counts = new int[shape.scale().size()];
            int rated = 0;
            int withTarget = 0;
            int atOrAbove = 0;
            for (SelfAssessment s : latest.values()) {
                SelfRating r = s.getRatings().get(c.id());
                ScaleLevel l = r == null ? null : shape.level(r.getLevelId());
                if (l == null) {
                    continue;
                }
                rated++;
                counts[l.rank()]++;
                ScaleLevel t = shape.level(target(profileOf.get(s.getPersonId()), shape, c.id()).levelId());
                if (t != null) {
                    withTarget++;
                    if (l.rank() >= t.rank()) {
                        atOrAbove++;
                    }
                }
            }
            rows.add(row(c, shape, rated, counts, withTarget, atOrAbove));
        }
        List<SelfViews.Option> unitOptions = directory.organisations(units).stream()
                .filter(o -> o.id() != organisationId).map(o -> new SelfViews.Option(o.id(), o.label())).toList();
        return new SelfViews.Aggregate(organisationId, organisation.label(), versionId, frameworkLabel(version),
                shape.scale().stream().map(l -> new SelfViews.LevelView(l.id(), l.rank(), l.title(), l.description()))
                        .toList(),
                rows, latest.size(), unitOptions, THRESHOLD);
    }

    private static SelfViews.AggregateRow row(Competency c, Shape shape, int rated, int[] counts, int withTarget,
            int atOrAbove) {
        boolean risk = atOrAbove == 1;
        if (rated < THRESHOLD) {
            return new SelfViews.AggregateRow(c.id(), c.code(), c.title(), shape.area(c.id()), null,
                    java.util.Collections.nCopies(counts.length, (Integer) null), null, true, risk);
        }
        Integer[] shown = new Integer[counts.length];
        List<Integer> hidden = new ArrayList<>();
        for (int i = 0; i < counts.length; i++) {
            if (counts[i] > 0 && counts[i] < THRESHOLD) {
                hidden.add(i);
            } else {
                shown[i] = counts[i];
            }
        }
        if (hidden.size() == 1) {
            // one hidden cell could be derived from the total: hide the smallest other non-zero cell too
            int other = -1;
            for (int i = 0; i < counts.length; i++) {
                if (i != hidden.get(0) && counts[i] > 0 && (other < 0 || counts[i] < counts[other])) {
                    other = i;
                }
            }
            if (other >= 0) {
                hidden.add(other);
            }
        }
        hidden.forEach(i -> shown[i] = null);
        Integer above = null;
        int below = withTarget - atOrAbove;
        if (withTarget >= THRESHOLD && (atOrAbove == 0 || atOrAbove >= THRESHOLD)
                && (below == 0 || below >= THRESHOLD)) {
            above = atOrAbove;
        }
        return new SelfViews.AggregateRow(c.id(), c.code(), c.title(), shape.area(c.id()), rated,
                java.util.Arrays.asList(shown), above, !hidden.isEmpty() || above == null, risk);
    }

    /**
     * How many people of an organisation (with its units) the current user may view share each gap: per key, the
     * number of its people whose latest submitted self-assessment of a version shows a gap (&gt; 0, against the
     * target profile that applies to them) on one of the key's competencies. A count under {@value #THRESHOLD}
     * (none included) is given as 0, never exactly; a key none of whose competencies anyone of the organisation
     * rated is left out (not known). Empty when the current user may not view the organisation.
     */
    @Transactional(readOnly = true)
    public Map<Long, Integer> peopleSharingGaps(long organisationId, Map<Long, Set<Long>> competenciesByKey) {
        if (access.currentUser().isEmpty() || !access.canView(organisationId) || competenciesByKey.isEmpty()) {
            return Map.of();
        }
        Set<Long> people = new LinkedHashSet<>();
        Map<Long, String> positions = new HashMap<>();
        for (long unit : directory.organisationAndUnits(organisationId)) {
            directory.peopleOf(unit).forEach(p -> {
                people.add(p.id());
                if (p.positionTitle() != null) {
                    positions.put(p.id(), p.positionTitle());
                }
            });
        }
        if (people.isEmpty()) {
            return Map.of();
        }
        Map<String, Optional<TargetProfile>> profileCache = new HashMap<>();
        // per person: the competencies rated and those with a gap, over their latest submission of each version
        Map<Long, Set<Long>> rated = new HashMap<>();
        Map<Long, Set<Long>> withGap = new HashMap<>();
        Set<String> seen = new java.util.HashSet<>();
        Map<Long, Shape> shapes = new HashMap<>();
        for (SelfAssessment s : repository.findByPersonIdInAndStateOrderBySubmittedAtDescIdDesc(people,
                SelfAssessmentState.SUBMITTED)) {
            if (!seen.add(s.getPersonId() + "/" + s.getFrameworkVersionId())) {
                continue; // an older submission of the same version
            }
            Shape shape = shapes.computeIfAbsent(s.getFrameworkVersionId(), this::shape);
            TargetProfile profile = applicableProfile(s, positions.get(s.getPersonId()), profileCache).orElse(null);
            for (CompetencyGap g : gaps(s, profile, shape).gaps()) {
                if (g.rated()) {
                    rated.computeIfAbsent(s.getPersonId(), k -> new java.util.HashSet<>()).add(g.competencyId());
                }
                if (g.gap() != null && g.gap() > 0) {
                    withGap.computeIfAbsent(s.getPersonId(), k -> new java.util.HashSet<>()).add(g.competencyId());
                }
            }
        }
        Map<Long, Integer> result = new LinkedHashMap<>();
        for (Map.Entry<Long, Set<Long>> e : competenciesByKey.entrySet()) {
            Set<Long> competencies = e.getValue();
            boolean known = rated.values().stream().anyMatch(r -> r.stream().anyMatch(competencies::contains));
            if (!known) {
                continue;
            }
            int count = (int) withGap.values().stream().filter(g -> g.stream().anyMatch(competencies::contains))
                    .count();
            result.put(e.getKey(), count < THRESHOLD ? 0 : count);
        }
        return result;
    }

    /** The rater named on a self-assessment of the current user; empty for anyone else or when none is named. */
    @Transactional(readOnly = true)
    public Optional<org.capacityhub.assessment.Assessments.NamedRater> namedRater(long selfAssessmentId) {
        Optional<PlatformUser> user = access.currentUser();
        if (user.isEmpty()) {
            return Optional.empty();
        }
        return repository.findById(selfAssessmentId).filter(s -> s.isOwnedBy(user.get().personId()))
                .filter(s -> s.getRaterPersonId() != null)
                .map(s -> new org.capacityhub.assessment.Assessments.NamedRater(s.getRaterPersonId(),
                        s.getRaterRole() == RaterRole.SUPERVISOR));
    }

    /** The organisations whose aggregate the current user may see (for the choice on the aggregate page). */
    @Transactional(readOnly = true)
    public List<SelfViews.Option> viewableOrganisations() {
        access.requireUser();
        Set<Long> ids = access.viewableOrganisationIds();
        return directory.organisations(ids).stream().map(o -> new SelfViews.Option(o.id(), o.label())).toList();
    }

    // ---------------------------------------------------------------- labels

    private String personName(long personId) {
        return directory.person(personId).map(PersonSummary::fullName).orElse("#" + personId);
    }

    private String frameworkTitle(long versionId) {
        return frameworks.version(versionId).map(SelfAssessmentService::frameworkLabel).orElse("#" + versionId);
    }

    static String frameworkLabel(FrameworkVersionRef f) {
        return f.title() + " (" + (f.versionLabel() == null || f.versionLabel().isBlank() ? "v" + f.number()
                : f.versionLabel()) + ")";
    }
}
