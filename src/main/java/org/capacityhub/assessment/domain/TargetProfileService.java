package org.capacityhub.assessment.domain;

import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.capacityhub.assessment.AssessmentGaps;
import org.capacityhub.assessment.CompetencyGap;
import org.capacityhub.assessment.CompetencyLevel;
import org.capacityhub.directory.Directory;
import org.capacityhub.directory.DirectoryAccess;
import org.capacityhub.framework.Frameworks;
import org.capacityhub.framework.Frameworks.Competency;
import org.capacityhub.framework.Frameworks.FrameworkVersionRef;
import org.capacityhub.framework.Frameworks.ScaleLevel;
import org.capacityhub.platform.AuditContext;
import org.capacityhub.platform.InvalidInputException;
import org.capacityhub.platform.NotFoundException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Target profiles (seen by everyone signed in; created and edited by administrators and programme coordinators)
 * and the gaps of an assessment against one (access-checked as the assessment's results).
 */
@Service
@Transactional
public class TargetProfileService {

    /** A section of the version with the profile's target level (null when none). */
    public record SectionTarget(long competencyId, String code, String title, Long levelId, String levelTitle,
            Integer rank, int depth, int weight) {}

    /** A target profile as pages and the API show it. */
    public record ProfileView(long id, String name, long frameworkVersionId, String frameworkTitle,
            String organisationType, String positionTitle, List<SectionTarget> sections, long version) {}

    /** One row of the gap table of a report. */
    public record GapRow(int number, long competencyId, String code, String title, String currentTitle,
            Integer currentRank, String targetTitle, Integer targetRank, Integer gap) {}

    /** The gap table of a report against one profile. */
    public record GapTable(long targetProfileId, String targetProfileName, List<GapRow> rows) {}

    private final TargetProfileRepository profiles;
    private final AssessmentService assessments;
    private final Frameworks frameworks;
    private final DirectoryAccess access;
    private final Directory directory;

    TargetProfileService(TargetProfileRepository profiles, AssessmentService assessments, Frameworks frameworks,
            DirectoryAccess access, Directory directory) {
        this.profiles = profiles;
        this.assessments = assessments;
        this.frameworks = frameworks;
        this.access = access;
        this.directory = directory;
    }

    // ---------------------------------------------------------------- profiles

    public boolean canEdit() {
        return access.isAdministrator() || access.isCoordinatorOfAnyProgramme();
    }

    private void requireEdit() {
        access.requireUser();
        if (!canEdit()) {
            throw new AccessDeniedException("Only administrators and programme coordinators edit target profiles");
        }
    }

    private TargetProfile found(long id) {
        access.requireUser();
        return profiles.findById(id).orElseThrow(() -> new NotFoundException("TargetProfile", id));
    }

    @Transactional(readOnly = true)
    public List<ProfileView> list() {
        access.requireUser();
        return profiles.findAllByOrderByNameAscIdAsc().stream().map(this::view).toList();
    }

    @Transactional(readOnly = true)
    public ProfileView profile(long id) {
        return view(found(id));
    }

    /** The published framework versions a profile may be made for. */
    @Transactional(readOnly = true)
    public List<FrameworkVersionRef> versions() {
        return frameworks.publishedFrameworks();
    }

    /** The sections of a published version with no target yet (the empty form). */
    @Transactional(readOnly = true)
    public List<SectionTarget> emptySections(long versionId) {
        publishedVersion(versionId);
        return sections(versionId, Map.of());
    }

    @Transactional(readOnly = true)
    public List<ScaleLevel> scale(long versionId) {
        return frameworks.levels(versionId);
    }

    private FrameworkVersionRef publishedVersion(long versionId) {
        return frameworks.publishedFrameworks().stream().filter(v -> v.versionId() == versionId).findFirst()
                .orElseThrow(() -> new InvalidInputException("frameworkVersionId", "assessment.framework.notPublished",
                        "Unknown or unpublished framework version", versionId));
    }

    public long create(long versionId, String name, String organisationType, String positionTitle,
            Map<Long, Long> levels) {
        return create(versionId, name, organisationType, positionTitle, levels, Map.of());
    }

    /** Creates a profile with a weight per competency (absent: 1). */
    public long create(long versionId, String name, String organisationType, String positionTitle,
            Map<Long, Long> levels, Map<Long, Integer> weights) {
        requireEdit();
        publishedVersion(versionId);
        Instant now = Instant.now();
        TargetProfile p = new TargetProfile(versionId, AuditContext.currentActor(), now);
        describe(p, name, organisationType, positionTitle, levels, weights, now);
        return profiles.save(p).getId();
    }

    public void update(long id, String name, String organisationType, String positionTitle,
            Map<Long, Long> levels) {
        update(id, name, organisationType, positionTitle, levels, null);
    }

    /** Updates a profile; {@code weights} null keeps the weights it has. */
    public void update(long id, String name, String organisationType, String positionTitle,
            Map<Long, Long> levels, Map<Long, Integer> weights) {
        TargetProfile p = found(id);
        requireEdit();
        describe(p, name, organisationType, positionTitle, levels, weights == null ? p.getWeights() : weights,
                Instant.now());
        profiles.flush();
    }

    private void describe(TargetProfile p, String name, String organisationType, String positionTitle,
            Map<Long, Long> levels, Map<Long, Integer> weights, Instant now) {
        // targets may name competencies at any depth of the version (sections, areas, competencies)
        Set<Long> competencies = frameworks.tree(p.getFrameworkVersionId()).stream().map(Competency::id)
                .collect(Collectors.toSet());
        Set<Long> scale = frameworks.levels(p.getFrameworkVersionId()).stream().map(ScaleLevel::id)
                .collect(Collectors.toSet());
        p.describe(name, organisationType, positionTitle, levels, competencies, scale, AuditContext.currentActor(),
                now);
        p.weigh(weights, competencies);
    }

    private ProfileView view(TargetProfile p) {
        String title = frameworks.version(p.getFrameworkVersionId())
                .map(v -> v.title() + " (" + (v.versionLabel() == null || v.versionLabel().isBlank() ? "v" + v.number()
                        : v.versionLabel()) + ")")
                .orElse("#" + p.getFrameworkVersionId());
        return new ProfileView(p.getId(), p.getName(), p.getFrameworkVersionId(), title, p.getOrganisationType(),
                p.getPositionTitle(), sections(p.getFrameworkVersionId(), p.getLevels(), p.getWeights()), p.getVersion());
    }

    private List<SectionTarget> sections(long versionId, Map<Long, Long> targets) {
        Map<Long, ScaleLevel> scale = frameworks.levels(versionId).stream()
                .collect(Collectors.toMap(ScaleLevel::id, Function.identity()));
        return sections(versionId, targets, Map.of());
    }

    /** Every node of the version (parents first, with its depth) with its target level and weight. */
    private List<SectionTarget> sections(long versionId, Map<Long, Long> targets, Map<Long, Integer> weights) {
        Map<Long, ScaleLevel> scale = frameworks.levels(versionId).stream()
                .collect(Collectors.toMap(ScaleLevel::id, Function.identity()));
        return frameworks.tree(versionId).stream().map(c -> {
            Long levelId = targets.get(c.id());
            ScaleLevel l = levelId == null ? null : scale.get(levelId);
            return new SectionTarget(c.id(), c.code(), c.title(), levelId, l == null ? null : l.title(),
                    l == null ? null : l.rank(), c.depth(), weights.getOrDefault(c.id(), 1));
        }).toList();
    }

    // ---------------------------------------------------------------- gaps

    /** The target profiles of an assessment's version (the assessment must be visible: 404 otherwise). */
    @Transactional(readOnly = true)
    public List<ProfileView> profilesFor(long assessmentId) {
        Assessment a = assessments.visible(assessmentId);
        return profiles.findByFrameworkVersionIdOrderByNameAscIdAsc(a.getFrameworkVersionId()).stream()
                .map(this::view).toList();
    }

    /** The profile matching the assessment's organisation type, if any (the assessment must be visible). */
    @Transactional(readOnly = true)
    public Optional<Long> defaultProfile(long assessmentId) {
        return assessments.matchingProfile(assessments.visible(assessmentId)).map(TargetProfile::getId);
    }

    /** The gaps of a visible assessment against a profile of the same version (404 for either otherwise). */
    @Transactional(readOnly = true)
    public AssessmentGaps gaps(long assessmentId, long targetProfileId) {
        Assessment a = assessments.visible(assessmentId);
        TargetProfile p = profiles.findById(targetProfileId)
                .filter(t -> t.getFrameworkVersionId() == a.getFrameworkVersionId())
                .orElseThrow(() -> new NotFoundException("TargetProfile", targetProfileId));
        return assessments.gaps(a, p);
    }

    /** The gaps, or empty when the assessment or the profile (of the same version) does not exist for the user. */
    @Transactional(readOnly = true)
    public Optional<AssessmentGaps> findGaps(long assessmentId, long targetProfileId) {
        return assessments.viewable(assessmentId).flatMap(a -> profiles.findById(targetProfileId)
                .filter(t -> t.getFrameworkVersionId() == a.getFrameworkVersionId())
                .map(p -> assessments.gaps(a, p)));
    }

    /** The gap table of a report. */
    @Transactional(readOnly = true)
    public GapTable gapTable(long assessmentId, long targetProfileId) {
        AssessmentGaps gaps = gaps(assessmentId, targetProfileId);
        Map<Long, Competency> tree = frameworks.tree(gaps.frameworkVersionId()).stream()
                .collect(Collectors.toMap(Competency::id, Function.identity()));
        Map<Long, ScaleLevel> scale = frameworks.levels(gaps.frameworkVersionId()).stream()
                .collect(Collectors.toMap(ScaleLevel::id, Function.identity()));
        List<GapRow> rows = new java.util.ArrayList<>();
        int n = 1;
        for (CompetencyGap g : gaps.gaps()) {
            Competency c = tree.get(g.competencyId());
            ScaleLevel cur = g.currentLevelId() == null ? null : scale.get(g.currentLevelId());
            ScaleLevel tgt = g.targetLevelId() == null ? null : scale.get(g.targetLevelId());
            rows.add(new GapRow(n++, g.competencyId(), c == null ? null : c.code(),
                    c == null ? "#" + g.competencyId() : c.title(), cur == null ? null : cur.title(),
                    g.currentRank(), tgt == null ? null : tgt.title(), g.targetRank(), g.gap()));
        }
        return new GapTable(gaps.targetProfileId(), gaps.targetProfileName(), rows);
    }
}
