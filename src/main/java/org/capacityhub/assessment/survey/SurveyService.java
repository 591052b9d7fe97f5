package org.capacityhub.assessment.survey;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.capacityhub.assessment.domain.Assessment;
import org.capacityhub.assessment.domain.AssessmentRepository;
import org.capacityhub.directory.Directory;
import org.capacityhub.directory.DirectoryAccess;
import org.capacityhub.framework.Frameworks;
import org.capacityhub.framework.Frameworks.Competency;
import org.capacityhub.framework.Frameworks.FrameworkVersionRef;
import org.capacityhub.framework.Frameworks.ScaleLevel;
import org.capacityhub.platform.AuditContext;
import org.capacityhub.platform.ConflictException;
import org.capacityhub.platform.InvalidInputException;
import org.capacityhub.platform.NotFoundException;
import org.capacityhub.platform.PlatformSettings;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Anonymous organisational surveys.
 * <ul>
 * <li>see (details, aggregated results): the organisation's entitled people ({@link DirectoryAccess#canView}) and
 * the facilitators of the assessment the survey prepares; anyone else gets "not found";</li>
 * <li>create, issue links, close: coordinators of the organisation ({@link DirectoryAccess#canCoordinate}) and
 * those facilitators;</li>
 * <li>answer: whoever holds an unspent link of an open survey, without an account.</li>
 * </ul>
 * Results leave this service only through {@link #results(long)}, already suppressed by {@link Suppression}.
 */
@Service
@Transactional
public class SurveyService {

    public static final int MAX_LINKS_PER_BATCH = 500;
    public static final int COMMENT = 2000;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final SurveyRepository surveys;
    private final SurveyLinkRepository links;
    private final SurveyResponseRepository responses;
    private final AssessmentRepository assessments;
    private final Frameworks frameworks;
    private final Directory directory;
    private final DirectoryAccess access;
    private final PlatformSettings settings;
    private final MessageSource messages;

    SurveyService(SurveyRepository surveys, SurveyLinkRepository links, SurveyResponseRepository responses,
            AssessmentRepository assessments, Frameworks frameworks, Directory directory, DirectoryAccess access,
            PlatformSettings settings, MessageSource messages) {
        this.surveys = surveys;
        this.links = links;
        this.responses = responses;
        this.assessments = assessments;
        this.frameworks = frameworks;
        this.directory = directory;
        this.access = access;
        this.settings = settings;
        this.messages = messages;
    }

    // ---------------------------------------------------------------- access

    private boolean facilitatesLinkedAssessment(Survey s) {
        if (s.getAssessmentId() == null) {
            return false;
        }
        return access.currentUser().flatMap(u -> assessments.findById(s.getAssessmentId())
                .map(a -> a.isFacilitator(u.personId()))).orElse(false);
    }

    private boolean canView(Survey s) {
        return access.canView(s.getOrganisationId()) || facilitatesLinkedAssessment(s);
    }

    private boolean canManage(Survey s) {
        return access.canCoordinate(s.getOrganisationId()) || facilitatesLinkedAssessment(s);
    }

    private Survey visible(long id) {
        return surveys.findById(id).filter(this::canView).orElseThrow(() -> new NotFoundException("Survey", id));
    }

    private Survey manageable(long id) {
        Survey s = visible(id);
        if (!canManage(s)) {
            throw new AccessDeniedException("Not allowed to manage survey " + id);
        }
        return s;
    }

    // ---------------------------------------------------------------- surveys

    @Transactional(readOnly = true)
    public List<SurveyViews.Summary> visibleSurveys() {
        access.requireUser();
        List<Survey> found = access.isAdministrator() ? surveys.findAllByOrderByCreatedAtDescIdDesc()
                : surveys.findAllByOrderByCreatedAtDescIdDesc().stream().filter(this::canView).toList();
        return summaries(found);
    }

    /** The surveys prepared for an assessment, those the current user may see. */
    @Transactional(readOnly = true)
    public List<SurveyViews.Summary> surveysOf(long assessmentId) {
        return summaries(surveys.findByAssessmentIdOrderByCreatedAtDescIdDesc(assessmentId).stream()
                .filter(this::canView).toList());
    }

    private List<SurveyViews.Summary> summaries(List<Survey> found) {
        Map<Long, String> names = organisationNames(found.stream().map(Survey::getOrganisationId)
                .collect(Collectors.toSet()));
        Instant now = Instant.now();
        return found.stream().map(s -> new SurveyViews.Summary(s.getId(), s.getTitle(), s.getOrganisationId(),
                names.getOrDefault(s.getOrganisationId(), "#" + s.getOrganisationId()),
                frameworkLabel(s.getFrameworkVersionId()), s.getAssessmentId(), s.isOpen(now), s.getClosesOn(),
                s.isDemo())).toList();
    }

    /** May the current user create surveys at all? */
    @Transactional(readOnly = true)
    public boolean canCreateAny() {
        return access.currentUser().isPresent() && (access.isAdministrator()
                || !access.coordinatableOrganisationIds().isEmpty());
    }

    /** What the creation form offers; with an assessment, the survey prepares that assessment. */
    @Transactional(readOnly = true)
    public SurveyViews.CreateOptions createOptions(Long assessmentId) {
        access.requireUser();
        SurveyViews.Option assessment = null;
        if (assessmentId != null) {
            Assessment a = assessmentToPrepare(assessmentId);
            assessment = new SurveyViews.Option(a.getId(), organisationNames(Set.of(a.getOrganisationId()))
                    .getOrDefault(a.getOrganisationId(), "#" + a.getOrganisationId()) + ", "
                    + frameworkLabel(a.getFrameworkVersionId()));
        }
        return new SurveyViews.CreateOptions(
                directory.coordinatableOrganisations().stream()
                        .map(o -> new SurveyViews.Option(o.id(), o.label())).toList(),
                frameworks.publishedFrameworks().stream()
                        .map(f -> new SurveyViews.Option(f.versionId(), label(f))).toList(),
                assessment);
    }

    /** The assessment a new survey prepares: visible to and coordinated or facilitated by the current user. */
    private Assessment assessmentToPrepare(long assessmentId) {
        Assessment a = assessments.findById(assessmentId).orElse(null);
        boolean facilitator = a != null && access.currentUser().map(u -> a.isFacilitator(u.personId())).orElse(false);
        if (a == null || !(access.canView(a.getOrganisationId()) || facilitator)) {
            throw new NotFoundException("Assessment", assessmentId);
        }
        if (!(access.canCoordinate(a.getOrganisationId()) || facilitator)) {
            throw new AccessDeniedException("Not allowed to prepare assessment " + assessmentId);
        }
        return a;
    }

    /** Creates a survey of an organisation on a published framework version, or for an assessment (its own). */
    public long create(Long organisationId, Long frameworkVersionId, Long assessmentId, String title,
            List<String> groups, LocalDate closesOn) {
        access.requireUser();
        long organisation;
        long version;
        if (assessmentId != null) {
            Assessment a = assessmentToPrepare(assessmentId);
            organisation = a.getOrganisationId();
            version = a.getFrameworkVersionId();
        } else {
            if (organisationId == null || !access.canCoordinate(organisationId)) {
                if (organisationId != null && access.canView(organisationId)) {
                    throw new AccessDeniedException("Not allowed to survey organisation " + organisationId);
                }
                throw new InvalidInputException("organisationId", "survey.organisation.unknown",
                        "Choose an organisation you coordinate.");
            }
            organisation = organisationId;
            FrameworkVersionRef v = frameworkVersionId == null ? null
                    : frameworks.version(frameworkVersionId).filter(FrameworkVersionRef::published).orElse(null);
            if (v == null) {
                throw new InvalidInputException("frameworkVersionId", "survey.framework.notPublished",
                        "Choose a published framework version.");
            }
            version = v.versionId();
        }
        Survey survey = new Survey(organisation, version, assessmentId, title, groups, closesOn,
                AuditContext.currentActor(), Instant.now());
        return surveys.save(survey).getId();
    }

    public void close(long id) {
        manageable(id).close(AuditContext.currentActor(), Instant.now());
    }

    @Transactional(readOnly = true)
    public SurveyViews.Detail detail(long id) {
        Survey s = visible(id);
        Map<Long, Long> issued = counts(links.countByGroup(s.getId()));
        Map<Long, Integer> answered = new HashMap<>();
        for (SurveyResponse r : responses.findBySurveyId(s.getId())) {
            answered.merge(r.getGroupId(), 1, Integer::sum);
        }
        int[][] participation = new int[s.getGroups().size()][1];
        for (int g = 0; g < participation.length; g++) {
            participation[g][0] = answered.getOrDefault(s.getGroups().get(g).getId(), 0);
        }
        Suppression.Mask mask = Suppression.apply(participation);
        List<SurveyViews.GroupParticipation> groups = new ArrayList<>();
        for (int g = 0; g < participation.length; g++) {
            SurveyGroup group = s.getGroups().get(g);
            int n = participation[g][0];
            groups.add(new SurveyViews.GroupParticipation(group.getId(), group.getName(),
                    issued.getOrDefault(group.getId(), 0L).intValue(),
                    mask.groupShown(g) || n == 0 ? Integer.valueOf(n) : null, Suppression.small(n)));
        }
        int total = java.util.Arrays.stream(participation).mapToInt(r -> r[0]).sum();
        return new SurveyViews.Detail(s.getId(), s.getTitle(), s.getOrganisationId(),
                organisationNames(Set.of(s.getOrganisationId())).getOrDefault(s.getOrganisationId(), "?"),
                s.getFrameworkVersionId(), frameworkLabel(s.getFrameworkVersionId()), s.getAssessmentId(),
                s.isOpen(Instant.now()), s.getClosesOn(), s.getClosedAt(), s.getClosedBy(), s.getCreatedAt(),
                s.getCreatedBy(), s.isDemo(), groups, mask.totalShown() || total == 0 ? Integer.valueOf(total) : null,
                new SurveyViews.Permissions(canManage(s)));
    }

    private static Map<Long, Long> counts(List<Object[]> rows) {
        Map<Long, Long> result = new HashMap<>();
        for (Object[] row : rows) {
            result.put(((Number) row[0]).longValue(), ((Number) row[1]).longValue());
        }
        return result;
    }

    // ---------------------------------------------------------------- links

    /** Issues {@code count} single-use links for a group of an open survey; the tokens are returned this once. */
    public List<SurveyViews.IssuedLink> issueLinks(long surveyId, long groupId, int count) {
        Survey s = manageable(surveyId);
        if (!s.isOpen(Instant.now())) {
            throw new ConflictException(null, "survey.closedRefused", "The survey is closed.");
        }
        SurveyGroup group = s.group(groupId);
        if (count < 1 || count > MAX_LINKS_PER_BATCH) {
            throw new InvalidInputException("count", "survey.links.count", "Issue between 1 and 500 links at a time.",
                    MAX_LINKS_PER_BATCH);
        }
        List<SurveyViews.IssuedLink> issued = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            byte[] bytes = new byte[32];
            RANDOM.nextBytes(bytes);
            String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
            links.save(new SurveyLink(s.getId(), group.getId(), hash(token)));
            issued.add(new SurveyViews.IssuedLink(group.getName(), respondentUrl(token)));
        }
        return issued;
    }

    private String respondentUrl(String token) {
        String base = settings.baseUrl();
        return (base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + "/survey/r/" + token;
    }

    static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    // ---------------------------------------------------------------- answering (no account)

    /** The link, if it exists, is unspent and its survey open; a clear refusal otherwise. */
    private SurveyLink usableLink(String token) {
        SurveyLink link = token == null || token.length() > 100 ? null
                : links.findByTokenHash(hash(token)).orElse(null);
        if (link == null) {
            throw new LinkRefusedException(404, "survey.link.unknown", "This survey link is not valid.");
        }
        if (link.isSpent()) {
            throw new LinkRefusedException(410, "survey.link.spent", "This survey link has already been used.");
        }
        Survey s = surveys.findById(link.getSurveyId()).orElseThrow();
        if (!s.isOpen(Instant.now())) {
            throw new LinkRefusedException(410, "survey.link.closed", "This survey is closed.");
        }
        return link;
    }

    @Transactional(readOnly = true)
    public SurveyViews.RespondentForm form(String token) {
        SurveyLink link = usableLink(token);
        Survey s = surveys.findById(link.getSurveyId()).orElseThrow();
        return new SurveyViews.RespondentForm(s.getTitle(),
                directory.organisation(s.getOrganisationId()).map(Directory.OrganisationSummary::label).orElse("?"),
                s.group(link.getGroupId()).getName(), levels(s.getFrameworkVersionId()),
                sections(s.getFrameworkVersionId()));
    }

    /**
     * Records one respondent's answers and spends the link, all or nothing. Every section needs a level of the
     * scale; comments are optional.
     */
    public void respond(String token, Map<Long, Long> levelBySection, Map<Long, String> commentBySection) {
        SurveyLink link = usableLink(token);
        Survey s = surveys.findById(link.getSurveyId()).orElseThrow();
        List<SurveyViews.Section> sections = sections(s.getFrameworkVersionId());
        Set<Long> sectionIds = sections.stream().map(SurveyViews.Section::competencyId).collect(Collectors.toSet());
        Set<Long> levelIds = frameworks.levels(s.getFrameworkVersionId()).stream().map(ScaleLevel::id)
                .collect(Collectors.toSet());
        Map<Long, Long> given = levelBySection == null ? Map.of() : levelBySection;
        Map<Long, String> comments = commentBySection == null ? Map.of() : commentBySection;
        for (Long id : given.keySet()) {
            if (!sectionIds.contains(id)) {
                throw new InvalidInputException("levels[" + id + "]", "survey.section.unknown",
                        "This is not a section of the survey.");
            }
        }
        for (Long id : comments.keySet()) {
            if (!sectionIds.contains(id)) {
                throw new InvalidInputException("comments[" + id + "]", "survey.section.unknown",
                        "This is not a section of the survey.");
            }
        }
        List<SurveyResponse.Answer> answers = new ArrayList<>();
        for (SurveyViews.Section section : sections) {
            Long level = given.get(section.competencyId());
            if (level == null) {
                throw new InvalidInputException("levels[" + section.competencyId() + "]", "survey.level.required",
                        "Choose a level for every section.", section.title());
            }
            if (!levelIds.contains(level)) {
                throw new InvalidInputException("levels[" + section.competencyId() + "]", "survey.level.invalid",
                        "Choose a level of the scale.", section.title());
            }
            String comment = comments.get(section.competencyId());
            comment = comment == null || comment.isBlank() ? null : comment.strip();
            if (comment != null && comment.length() > COMMENT) {
                throw new InvalidInputException("comments[" + section.competencyId() + "]", "survey.comment.tooLong",
                        "A comment has at most 2,000 characters.", section.title());
            }
            answers.add(new SurveyResponse.Answer(section.competencyId(), level, comment));
        }
        if (links.spend(link.getId()) != 1) {
            throw new LinkRefusedException(410, "survey.link.spent", "This survey link has already been used.");
        }
        responses.save(new SurveyResponse(s.getId(), link.getGroupId(), answers));
    }

    private List<SurveyViews.Level> levels(long versionId) {
        return frameworks.levels(versionId).stream()
                .map(l -> new SurveyViews.Level(l.id(), l.rank(), l.title(), l.description())).toList();
    }

    private List<SurveyViews.Section> sections(long versionId) {
        List<SurveyViews.Section> sections = new ArrayList<>();
        int number = 1;
        for (Competency c : frameworks.tree(versionId)) {
            if (c.parentId() != null) {
                continue;
            }
            List<SurveyViews.Descriptor> descriptors = frameworks.descriptors(c.id()).stream()
                    .map(d -> new SurveyViews.Descriptor(d.rank(), d.statements())).toList();
            sections.add(new SurveyViews.Section(number++, c.id(), c.code(), c.title(), c.description(),
                    descriptors));
        }
        return sections;
    }

    // ---------------------------------------------------------------- results

    /** The aggregated results of a survey the current user may see, with every small figure suppressed. */
    @Transactional(readOnly = true)
    public SurveyViews.Results results(long id) {
        return results(visible(id));
    }

    /** The results of the surveys prepared for an assessment that the current user may see. */
    @Transactional(readOnly = true)
    public List<SurveyViews.Results> resultsForAssessment(long assessmentId) {
        return surveys.findByAssessmentIdOrderByCreatedAtDescIdDesc(assessmentId).stream().filter(this::canView)
                .map(this::results).toList();
    }

    private SurveyViews.Results results(Survey s) {
        List<SurveyViews.Level> levels = levels(s.getFrameworkVersionId());
        String organisation = organisationNames(Set.of(s.getOrganisationId())).getOrDefault(s.getOrganisationId(), "?");
        if (s.isOpen(Instant.now())) {
            return new SurveyViews.Results(s.getId(), s.getTitle(), organisation, false, levels, List.of(),
                    Suppression.THRESHOLD);
        }
        Map<Long, Integer> rankOf = levels.stream()
                .collect(Collectors.toMap(SurveyViews.Level::id, SurveyViews.Level::rank));
        List<SurveyGroup> groups = s.getGroups();
        Map<Long, Integer> groupIndex = new HashMap<>();
        for (int g = 0; g < groups.size(); g++) {
            groupIndex.put(groups.get(g).getId(), g);
        }
        List<SurveyResponse> all = responses.findBySurveyId(s.getId());
        String allName = messages.getMessage("survey.results.all", null, "All respondents",
                LocaleContextHolder.getLocale());
        List<SurveyViews.SectionResult> sections = new ArrayList<>();
        for (SurveyViews.Section section : sections(s.getFrameworkVersionId())) {
            int[][] counts = new int[groups.size()][levels.size()];
            List<List<Integer>> ranks = new ArrayList<>();
            List<List<String>> comments = new ArrayList<>();
            for (int g = 0; g < groups.size(); g++) {
                ranks.add(new ArrayList<>());
                comments.add(new ArrayList<>());
            }
            for (SurveyResponse r : all) {
                Integer g = groupIndex.get(r.getGroupId());
                if (g == null) {
                    continue;
                }
                for (SurveyResponse.Answer answer : r.getAnswers()) {
                    if (answer.getCompetencyId() != section.competencyId()) {
                        continue;
                    }
                    Integer rank = rankOf.get(answer.getLevelId());
                    if (rank != null && rank < levels.size()) {
                        counts[g][rank]++;
                        ranks.get(g).add(rank);
                    }
                    if (answer.getComment() != null) {
                        comments.get(g).add(answer.getComment());
                    }
                }
            }
            Suppression.Mask mask = Suppression.apply(counts);
            List<SurveyViews.Figures> figures = new ArrayList<>();
            List<SurveyViews.GroupComments> groupComments = new ArrayList<>();
            List<Integer> allRanks = new ArrayList<>();
            for (int g = 0; g < groups.size(); g++) {
                allRanks.addAll(ranks.get(g));
                int n = ranks.get(g).size();
                if (mask.groupShown(g)) {
                    List<Integer> shown = new ArrayList<>();
                    for (int l = 0; l < levels.size(); l++) {
                        shown.add(mask.cellShown(g, l) ? counts[g][l] : null);
                    }
                    double median = median(ranks.get(g));
                    figures.add(new SurveyViews.Figures(groups.get(g).getName(), "SHOWN", n, shown, median,
                            medianLabel(median, levels)));
                    List<String> sorted = new ArrayList<>(comments.get(g));
                    // alphabetical, so that the order says nothing about who wrote what or when
                    sorted.sort(String.CASE_INSENSITIVE_ORDER);
                    if (!sorted.isEmpty()) {
                        groupComments.add(new SurveyViews.GroupComments(groups.get(g).getName(), sorted));
                    }
                } else {
                    figures.add(new SurveyViews.Figures(groups.get(g).getName(), n == 0 ? "NONE" : "FEWER",
                            n == 0 ? 0 : null, List.of(), null, null));
                }
            }
            SurveyViews.Figures total;
            if (mask.totalShown()) {
                List<Integer> shown = new ArrayList<>();
                for (int l = 0; l < levels.size(); l++) {
                    int sum = 0;
                    for (int[] row : counts) {
                        sum += row[l];
                    }
                    shown.add(mask.totalCellShown(l) ? sum : null);
                }
                double median = median(allRanks);
                total = new SurveyViews.Figures(allName, "SHOWN", allRanks.size(), shown, median,
                        medianLabel(median, levels));
            } else {
                total = new SurveyViews.Figures(allName, allRanks.isEmpty() ? "NONE"
                        : allRanks.size() < Suppression.THRESHOLD ? "FEWER" : "WITHHELD",
                        allRanks.isEmpty() ? 0 : null, List.of(), null, null);
            }
            sections.add(new SurveyViews.SectionResult(section.competencyId(), section.code(), section.title(),
                    figures, total, agreement(figures, levels), groupComments));
        }
        return new SurveyViews.Results(s.getId(), s.getTitle(), organisation, true, levels, sections,
                Suppression.THRESHOLD);
    }

    static double median(List<Integer> values) {
        List<Integer> sorted = values.stream().sorted().toList();
        int n = sorted.size();
        return (sorted.get((n - 1) / 2) + sorted.get(n / 2)) / 2.0;
    }

    private static String medianLabel(double median, List<SurveyViews.Level> levels) {
        int low = (int) Math.floor(median);
        int high = (int) Math.ceil(median);
        String lowTitle = low < levels.size() ? levels.get(low).title() : String.valueOf(low);
        String highTitle = high < levels.size() ? levels.get(high).title() : String.valueOf(high);
        return low == high ? lowTitle : lowTitle + " – " + highTitle;
    }

    /** Agreement between the groups that can be shown: medians one level or more apart differ. */
    static SurveyViews.Agreement agreement(List<SurveyViews.Figures> figures, List<SurveyViews.Level> levels) {
        List<SurveyViews.Figures> shown = figures.stream().filter(SurveyViews.Figures::shown).toList();
        if (shown.size() < 2) {
            return new SurveyViews.Agreement("UNKNOWN", null, null, null, null, null);
        }
        double max = shown.stream().mapToDouble(SurveyViews.Figures::median).max().orElseThrow();
        double min = shown.stream().mapToDouble(SurveyViews.Figures::median).min().orElseThrow();
        String highest = shown.stream().filter(f -> f.median() == max).map(SurveyViews.Figures::name)
                .collect(Collectors.joining(", "));
        String lowest = shown.stream().filter(f -> f.median() == min).map(SurveyViews.Figures::name)
                .collect(Collectors.joining(", "));
        return new SurveyViews.Agreement(max - min >= 1 ? "DIFFER" : "AGREE", max - min, highest,
                medianLabel(max, levels), lowest, medianLabel(min, levels));
    }

    // ---------------------------------------------------------------- helpers

    private Map<Long, String> organisationNames(Set<Long> ids) {
        return directory.organisations(ids).stream().collect(Collectors.toMap(Directory.OrganisationSummary::id,
                Directory.OrganisationSummary::label));
    }

    private String frameworkLabel(long versionId) {
        return frameworks.version(versionId).map(SurveyService::label).orElse("#" + versionId);
    }

    private static String label(FrameworkVersionRef f) {
        return f.title() + " (" + (f.versionLabel() == null || f.versionLabel().isBlank() ? "v" + f.number()
                : f.versionLabel()) + ")";
    }
}
