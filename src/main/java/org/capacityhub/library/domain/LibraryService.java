package org.capacityhub.library.domain;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import org.capacityhub.directory.Directory;
import org.capacityhub.directory.Directory.PersonSummary;
import org.capacityhub.directory.DirectoryAccess;
import org.capacityhub.framework.Frameworks;
import org.capacityhub.framework.Frameworks.Competency;
import org.capacityhub.library.files.FileStore;
import org.capacityhub.library.files.StoredFile;
import org.capacityhub.library.files.TextExtraction;
import org.capacityhub.planning.Cost;
import org.capacityhub.planning.SuggestionsChanged;
import org.capacityhub.platform.AuditContext;
import org.capacityhub.platform.Countries;
import org.capacityhub.platform.InvalidInputException;
import org.capacityhub.platform.NotFoundException;
import org.capacityhub.platform.PlatformUser;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The library's rules: who may see and change which resource, and its cycle.
 * <ul>
 * <li>Drafts and resources in review: only their author and the reviewers chosen for them (not even
 * administrators: a draft is its author's work in progress).</li>
 * <li>Published and archived resources: public ones to everyone signed in; private ones to those who may see
 * their organisation's data ({@link DirectoryAccess#canView}).</li>
 * <li>Only the author changes a draft; only a chosen reviewer publishes or returns it; the author, an
 * administrator or a manager of its organisation archives it or starts a new version.</li>
 * </ul>
 * What one may not see answers 404; a change one may not make, 403.
 */
@Service
@Transactional
public class LibraryService {

    private static final Pattern LANGUAGE = Pattern.compile("[a-z]{2}");
    private static final Pattern CURRENCY = Pattern.compile("[A-Z]{3}");
    private static final Set<String> KNOWN_CURRENCIES = java.util.Currency.getAvailableCurrencies().stream()
            .map(java.util.Currency::getCurrencyCode).collect(java.util.stream.Collectors.toUnmodifiableSet());
    private static final Pattern LICENCE = Pattern.compile("[A-Za-z0-9.+\\-]{1,64}");

    private final ResourceRepository resources;
    private final ResourceVersionRepository versions;
    private final CommentRepository comments;
    private final ReviewRepository reviews;
    private final OutdatedReportRepository reports;
    private final CuratorRepository curators;
    private final SeriesRepository series;
    private final DirectoryAccess access;
    private final Directory directory;
    private final Frameworks frameworks;
    private final FileStore files;
    private final TextExtraction extraction;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    LibraryService(ResourceRepository resources, ResourceVersionRepository versions, CommentRepository comments,
            ReviewRepository reviews, OutdatedReportRepository reports, CuratorRepository curators,
            SeriesRepository series, DirectoryAccess access, Directory directory, Frameworks frameworks,
            FileStore files, TextExtraction extraction, ApplicationEventPublisher events) {
        this.resources = resources;
        this.versions = versions;
        this.comments = comments;
        this.reviews = reviews;
        this.reports = reports;
        this.curators = curators;
        this.series = series;
        this.access = access;
        this.directory = directory;
        this.frameworks = frameworks;
        this.files = files;
        this.extraction = extraction;
        this.events = events;
        this.clock = Clock.systemUTC();
    }

    // --- access ----------------------------------------------------------------------------------------------------

    public long me() {
        return access.requireUser().personId();
    }

    public boolean canRead(Resource r) {
        Optional<PlatformUser> user = access.currentUser();
        if (user.isEmpty()) {
            return false;
        }
        long me = user.get().personId();
        if (r.getAuthorPersonId() == me || r.getReviewerIds().contains(me)) {
            return true;
        }
        if (r.getStatus() != ResourceStatus.PUBLISHED && r.getStatus() != ResourceStatus.ARCHIVED) {
            return false;
        }
        return r.getVisibility() == Visibility.PUBLIC
                || (r.getOrganisationId() != null && access.canView(r.getOrganisationId()));
    }

    public boolean canEdit(Resource r) {
        return r.getStatus() == ResourceStatus.DRAFT && isAuthor(r);
    }

    public boolean canReview(Resource r) {
        return r.getStatus() == ResourceStatus.IN_REVIEW && access.currentUser()
                .map(u -> r.getReviewerIds().contains(u.personId())).orElse(false);
    }

    public boolean canComment(Resource r) {
        return (r.getStatus() == ResourceStatus.DRAFT || r.getStatus() == ResourceStatus.IN_REVIEW)
                && (isAuthor(r) || access.currentUser().map(u -> r.getReviewerIds().contains(u.personId())).orElse(false));
    }

    /** Archive, start a new version, resolve outdated reports: the author, an administrator, a manager of its organisation. */
    public boolean canMaintain(Resource r) {
        return isAuthor(r) || access.isAdministrator()
                || (r.getOrganisationId() != null && access.canManage(r.getOrganisationId()));
    }

    public boolean canRate(Resource r) {
        return r.getStatus() == ResourceStatus.PUBLISHED && !isAuthor(r);
    }

    private boolean isAuthor(Resource r) {
        return access.currentUser().map(u -> u.personId() == r.getAuthorPersonId()).orElse(false);
    }

    /** A resource the current user may see (404 otherwise). */
    @Transactional(readOnly = true)
    public Resource readable(long id) {
        Resource r = resources.findById(id).orElseThrow(() -> new NotFoundException("Resource", id));
        if (!canRead(r)) {
            throw new NotFoundException("Resource", id);
        }
        return r;
    }

    private Resource editable(long id) {
        Resource r = readable(id);
        if (!canEdit(r)) {
            throw new AccessDeniedException("Only the author changes a draft");
        }
        return r;
    }

    // --- drafts ----------------------------------------------------------------------------------------------------

    public long create(ResourceInput input) {
        long me = me();
        PersonSummary person = directory.person(me).orElseThrow();
        Resource r = new Resource(input.kind() == null ? ResourceKind.GUIDELINE : input.kind(),
                input.title() == null ? "" : input.title(), "en", me, person.organisationId(), clock.instant());
        apply(r, input);
        return resources.save(r).getId();
    }

    public void update(long id, ResourceInput input) {
        apply(editable(id), input);
    }

    /**
     * What would be refused if the current user created a draft from this input (the first problem, with the same
     * rules as {@link #create}), without storing anything: the input is applied to a resource that is never saved.
     */
    @Transactional(readOnly = true)
    public Optional<InvalidInputException> problemWith(ResourceInput input) {
        long me = me();
        Long organisation = directory.person(me).map(PersonSummary::organisationId).orElse(null);
        Resource scratch = new Resource(input.kind() == null ? ResourceKind.GUIDELINE : input.kind(), "", "en", me,
                organisation, clock.instant());
        try {
            apply(scratch, input);
            return Optional.empty();
        } catch (InvalidInputException e) {
            return Optional.of(e);
        }
    }

    private void apply(Resource r, ResourceInput in) {
        if (in.kind() == null) {
            throw new InvalidInputException("kind", "library.kind.required", "Choose the kind of resource");
        }
        String title = required(in.title(), "title", Resource.TITLE);
        String language = in.language() == null ? "" : in.language().trim().toLowerCase(Locale.ROOT);
        if (!LANGUAGE.matcher(language).matches()) {
            throw new InvalidInputException("language", "library.language.invalid", "Choose a language");
        }
        Set<String> others = new LinkedHashSet<>();
        for (String l : in.otherLanguages()) {
            String code = l == null ? "" : l.trim().toLowerCase(Locale.ROOT);
            if (code.isEmpty()) {
                continue;
            }
            if (!LANGUAGE.matcher(code).matches()) {
                throw new InvalidInputException("otherLanguages", "library.language.invalid", "Choose a language");
            }
            others.add(code);
        }
        String country = blankToNull(in.countryCode());
        if (country != null) {
            country = country.toUpperCase(Locale.ROOT);
            if (!Countries.isKnown(country)) {
                throw new InvalidInputException("countryCode", "library.country.invalid", "Unknown country");
            }
        }
        String region = optional(in.region(), "region", 100);
        if (in.durationHours() != null && (in.durationHours() < 0 || in.durationHours() > 10_000)) {
            throw new InvalidInputException("durationHours", "library.duration.invalid",
                    "The duration is a number of hours between 0 and 10000");
        }
        Cost cost = cost(in.costAmount(), blankToNull(in.costCurrency()));
        String licence = blankToNull(in.licence());
        if (licence != null && !LICENCE.matcher(licence).matches()) {
            throw new InvalidInputException("licence", "library.licence.invalid",
                    "Give the licence as an SPDX identifier, e.g. CC-BY-4.0");
        }
        String link = blankToNull(in.linkUrl());
        if (link != null) {
            link = checkLink(link);
        }
        for (Integer sdg : in.sdgs()) {
            if (sdg == null || sdg < 1 || sdg > 17) {
                throw new InvalidInputException("sdgs", "library.sdg.invalid", "SDGs are numbered 1 to 17");
            }
        }
        Visibility visibility = in.visibility() == null ? Visibility.PUBLIC : in.visibility();
        if (visibility == Visibility.PRIVATE && r.getOrganisationId() == null) {
            throw new InvalidInputException("visibility", "library.visibility.noOrganisation",
                    "Only someone who belongs to an organisation can keep a resource private to it");
        }
        // competencies: each must exist; the scope adds all their ancestors
        Set<Long> scope = new LinkedHashSet<>();
        Integer scaleSize = null;
        for (Long id : in.competencyIds()) {
            Competency c = id == null ? null : frameworks.competency(id).orElse(null);
            if (c == null) {
                throw new InvalidInputException("competencyIds", "library.competency.unknown", "Unknown competency");
            }
            scope.add(c.id());
            Long parent = c.parentId();
            while (parent != null) {
                scope.add(parent);
                parent = frameworks.competency(parent).map(Competency::parentId).orElse(null);
            }
            int size = frameworks.levels(c.versionId()).size();
            scaleSize = scaleSize == null ? size : Math.min(scaleSize, size);
        }
        if (in.levelRank() != null) {
            if (in.competencyIds().isEmpty()) {
                throw new InvalidInputException("levelRank", "library.level.needsCompetency",
                        "Tag a competency before choosing a level");
            }
            if (in.levelRank() < 0 || scaleSize == null || in.levelRank() >= scaleSize) {
                throw new InvalidInputException("levelRank", "library.level.invalid",
                        "Choose a level of the tagged competencies' scale");
            }
        }
        Resource original = null;
        if (in.translationOfId() != null) {
            original = resources.findById(in.translationOfId()).filter(this::canRead).orElseThrow(
                    () -> new InvalidInputException("translationOfId", "library.translation.unknown",
                            "Unknown resource to translate"));
        }
        Series inSeries = null;
        if (in.seriesId() != null) {
            inSeries = series.findById(in.seriesId()).orElseThrow(() -> new InvalidInputException("seriesId",
                    "library.series.unknown", "Unknown series"));
        }
        Instant now = clock.instant();
        r.describe(in.kind(), title, optional(in.summary(), "summary", Resource.SUMMARY),
                optional(in.coverText(), "coverText", Resource.COVER), language, country, region,
                in.delivery() == null ? Delivery.ONLINE : in.delivery(), in.durationHours(), cost, licence, link,
                visibility, in.levelRank(), in.sdgs(), now);
        r.describeUseCase(optional(in.useContext(), "useContext", Resource.CASE_FIELD),
                optional(in.useChallenge(), "useChallenge", Resource.CASE_FIELD),
                optional(in.useApproach(), "useApproach", Resource.CASE_FIELD),
                optional(in.useResults(), "useResults", Resource.CASE_FIELD),
                optional(in.useLessons(), "useLessons", Resource.CASE_FIELD),
                optional(in.useContacts(), "useContacts", Resource.CONTACTS));
        r.setLanguages(others);
        r.tag(in.competencyIds(), scope);
        r.linkTranslationOf(original);
        r.placeInSeries(inSeries);
    }

    static String checkLink(String link) {
        try {
            URI uri = URI.create(link.trim());
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if ((scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null
                    && link.length() <= Resource.LINK) {
                return uri.toString();
            }
        } catch (IllegalArgumentException e) {
            // below
        }
        throw new InvalidInputException("linkUrl", "library.link.invalid", "Give a web address starting with https://");
    }

    private static Cost cost(BigDecimal amount, String currency) {
        if (amount == null || amount.signum() == 0) {
            return Cost.FREE;
        }
        if (amount.signum() < 0 || amount.scale() > 2 || amount.compareTo(new BigDecimal("9999999999")) > 0) {
            throw new InvalidInputException("costAmount", "library.cost.invalid", "The cost is zero or a positive amount");
        }
        if (currency == null || !CURRENCY.matcher(currency.toUpperCase(Locale.ROOT)).matches()
                || !KNOWN_CURRENCIES.contains(currency.toUpperCase(Locale.ROOT))) {
            throw new InvalidInputException("costCurrency", "library.currency.invalid",
                    "A cost needs an ISO 4217 currency, e.g. EUR");
        }
        return new Cost(amount, currency.toUpperCase(Locale.ROOT));
    }

    /** Attaches a checked file to a draft and queues the extraction of its text. */
    public void attachFile(long id, String originalName, long size, InputStream content) {
        Resource r = editable(id);
        StoredFile stored = files.store(originalName, size, content);
        r.attachFile(stored.name(), stored.storage(), stored.type(), stored.size(), stored.sha256(), clock.instant());
        if (TextExtraction.textual(stored.type())) {
            extraction.schedule(r.getId(), stored.storage());
        } else {
            r.extractionFailed(ExtractionStatus.SKIPPED, null);
        }
    }

    public void submit(long id, Set<Long> reviewerIds) {
        Resource r = editable(id);
        Set<Long> allowed = reviewerCandidates(r).keySet();
        for (Long reviewer : reviewerIds) {
            if (reviewer == null || !allowed.contains(reviewer)) {
                throw new InvalidInputException("reviewerIds", "library.reviewers.notAllowed",
                        "Reviewers are chosen from the organisation's members and the library's curators");
            }
        }
        r.submitForReview(reviewerIds, clock.instant());
    }

    /**
     * Who may review a resource: the members of its organisation who can sign in, and the library's curators; never
     * the author.
     */
    @Transactional(readOnly = true)
    public Map<Long, PersonSummary> reviewerCandidates(Resource r) {
        Map<Long, PersonSummary> result = new LinkedHashMap<>();
        List<PersonSummary> people = new ArrayList<>();
        if (r.getOrganisationId() != null) {
            people.addAll(directory.peopleOf(r.getOrganisationId()));
        }
        people.addAll(directory.people(curators.findAll().stream().map(Curator::getPersonId).toList()));
        Set<Long> canSignIn = directory.whoCanSignIn(people.stream().map(PersonSummary::id).toList());
        people.stream().filter(p -> canSignIn.contains(p.id()) && p.id() != r.getAuthorPersonId())
                .sorted(Comparator.comparing(PersonSummary::fullName, String.CASE_INSENSITIVE_ORDER))
                .forEach(p -> result.putIfAbsent(p.id(), p));
        return result;
    }

    public void returnToDraft(long id, String comment) {
        Resource r = reviewed(id);
        if (comment != null && !comment.isBlank()) {
            addComment(r, comment);
        }
        r.returnToDraft(clock.instant());
    }

    public void publish(long id) {
        Resource r = reviewed(id);
        Instant now = clock.instant();
        r.publish(now);
        versions.save(new ResourceVersion(r, me(), now));
        events.publishEvent(new SuggestionsChanged("library", r.getCompetencyIds()));
    }

    private Resource reviewed(long id) {
        Resource r = readable(id);
        if (!canReview(r)) {
            throw new AccessDeniedException("Only a chosen reviewer decides on a resource in review");
        }
        return r;
    }

    public void archive(long id) {
        Resource r = maintained(id);
        r.archive(clock.instant());
    }

    public void newVersion(long id) {
        Resource r = maintained(id);
        if (!isAuthor(r)) {
            throw new AccessDeniedException("Only the author starts a new version");
        }
        r.startNewVersion(clock.instant());
    }

    private Resource maintained(long id) {
        Resource r = readable(id);
        if (!canMaintain(r)) {
            throw new AccessDeniedException("Not allowed to maintain this resource");
        }
        return r;
    }

    // --- conversation, use and quality -----------------------------------------------------------------------------

    public void comment(long id, String body) {
        Resource r = readable(id);
        if (!canComment(r)) {
            throw new AccessDeniedException("Only the author and reviewers comment on a draft");
        }
        addComment(r, body);
    }

    private void addComment(Resource r, String body) {
        comments.save(new Comment(r.getId(), me(), required(body, "body", Comment.BODY), clock.instant()));
    }

    @Transactional(readOnly = true)
    public List<Comment> comments(Resource r) {
        return canComment(r) || isAuthor(r) || r.getReviewerIds().contains(me())
                ? comments.findByResourceIdOrderByCreatedAtAsc(r.getId()) : List.of();
    }

    public void rate(long id, Integer rating, String body, String usedInCountry, String usedInOrgType, String outcome) {
        Resource r = readable(id);
        if (!canRate(r)) {
            throw new AccessDeniedException("Authors do not rate their own resources; only published ones are rated");
        }
        if (rating == null || rating < 1 || rating > 5) {
            throw new InvalidInputException("rating", "library.rating.invalid", "Rate from 1 to 5");
        }
        String country = blankToNull(usedInCountry);
        if (country != null && !Countries.isKnown(country.toUpperCase(Locale.ROOT))) {
            throw new InvalidInputException("usedInCountry", "library.country.invalid", "Unknown country");
        }
        String orgType = blankToNull(usedInOrgType);
        if (orgType != null && !Directory.ORGANISATION_TYPES.contains(orgType)) {
            throw new InvalidInputException("usedInOrgType", "library.orgType.invalid", "Unknown kind of organisation");
        }
        long me = me();
        Review review = reviews.findByResourceIdAndPersonId(id, me).orElseGet(() -> new Review(id, me, clock.instant()));
        review.rate(rating, optional(body, "body", Review.BODY), country == null ? null : country.toUpperCase(Locale.ROOT),
                orgType, optional(outcome, "outcome", Review.OUTCOME), clock.instant());
        reviews.save(review);
    }

    @Transactional(readOnly = true)
    public List<Review> reviews(long id) {
        return reviews.findByResourceIdOrderByCreatedAtDesc(id);
    }

    public void reportOutdated(long id, String reason) {
        Resource r = readable(id);
        if (r.getStatus() != ResourceStatus.PUBLISHED) {
            throw new InvalidInputException(null, "library.outdated.notPublished", "Only published resources are reported");
        }
        reports.save(new OutdatedReport(id, me(), required(reason, "reason", OutdatedReport.REASON), clock.instant()));
    }

    public void resolveReport(long id, long reportId) {
        maintained(id);
        OutdatedReport report = reports.findById(reportId).filter(x -> x.getResourceId() == id)
                .orElseThrow(() -> new NotFoundException("Report", reportId));
        report.resolve();
    }

    @Transactional(readOnly = true)
    public List<OutdatedReport> openReports(long id) {
        return reports.findByResourceIdAndResolvedFalseOrderByCreatedAtDesc(id);
    }

    @Transactional(readOnly = true)
    public List<ResourceVersion> history(long id) {
        return versions.findByResourceIdOrderByNumberDesc(id);
    }

    @Transactional(readOnly = true)
    public List<Resource> translations(Resource r) {
        List<Resource> result = new ArrayList<>();
        // The resource usually comes from an earlier transaction: its original is an uninitialised proxy of a
        // closed session, so load the original again here (getId() does not initialise the proxy).
        long rootId = r.getTranslationOf() != null ? r.getTranslationOf().getId() : r.getId();
        if (rootId != r.getId()) {
            resources.findById(rootId).filter(this::canRead).ifPresent(result::add);
        }
        resources.findTranslationsOf(rootId).stream().filter(t -> !t.getId().equals(r.getId()) && canRead(t))
                .forEach(result::add);
        return result;
    }

    /** Counts a view (not for the author's own views). */
    public void countView(Resource r) {
        if (!isAuthor(r) && r.getStatus() == ResourceStatus.PUBLISHED) {
            resources.countView(r.getId());
        }
    }

    public void countDownload(Resource r) {
        if (!isAuthor(r)) {
            resources.countDownload(r.getId());
        }
    }

    /** The current user's drafts and resources in review, and those waiting for their review. */
    @Transactional(readOnly = true)
    public List<Resource> myWork() {
        return resources.findByAuthor(me(), List.of(ResourceStatus.DRAFT, ResourceStatus.IN_REVIEW,
                ResourceStatus.PUBLISHED, ResourceStatus.ARCHIVED));
    }

    @Transactional(readOnly = true)
    public List<Resource> waitingForMyReview() {
        return resources.findInReviewBy(me());
    }

    // --- curators and series ---------------------------------------------------------------------------------------

    @Transactional(readOnly = true)
    public List<PersonSummary> curators() {
        return directory.people(curators.findAllByOrderByAddedAtAsc().stream().map(Curator::getPersonId).toList());
    }

    public void addCurator(long personId) {
        access.requireAdministrator();
        if (directory.person(personId).isEmpty()) {
            throw new InvalidInputException("personId", "library.curator.unknown", "Unknown person");
        }
        if (!curators.existsById(personId)) {
            curators.save(new Curator(personId, AuditContext.currentActor(), clock.instant()));
        }
    }

    public void removeCurator(long personId) {
        access.requireAdministrator();
        curators.deleteById(personId);
    }

    @Transactional(readOnly = true)
    public List<Series> allSeries() {
        return series.findAllByOrderByTitleAsc();
    }

    @Transactional(readOnly = true)
    public Series series(long id) {
        return series.findById(id).orElseThrow(() -> new NotFoundException("Series", id));
    }

    /** Published posts of a series the current user may read, newest first. */
    @Transactional(readOnly = true)
    public List<Resource> posts(long seriesId) {
        return resources.findPublishedInSeries(seriesId).stream().filter(this::canRead).toList();
    }

    public long createSeries(String title, String description, String language) {
        long me = me();
        String lang = language == null ? "" : language.trim().toLowerCase(Locale.ROOT);
        if (!LANGUAGE.matcher(lang).matches()) {
            throw new InvalidInputException("language", "library.language.invalid", "Choose a language");
        }
        Long organisation = directory.person(me).map(PersonSummary::organisationId).orElse(null);
        return series.save(new Series(required(title, "title", Series.TITLE),
                optional(description, "description", Series.DESCRIPTION), lang, organisation, me, clock.instant()))
                .getId();
    }

    // --- helpers ---------------------------------------------------------------------------------------------------

    static String required(String value, String field, int max) {
        String text = blankToNull(value);
        if (text == null) {
            throw new InvalidInputException(field, "library.required", "Required");
        }
        return optional(text, field, max);
    }

    static String optional(String value, String field, int max) {
        String text = blankToNull(value);
        if (text != null && text.length() > max) {
            throw new InvalidInputException(field, "library.tooLong", "At most " + max + " characters", max);
        }
        return text;
    }

    static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    public long maxUploadMegabytes() {
        return files.maxMegabytes();
    }

    /** Opens the current file of a resource the user may read. */
    @Transactional(readOnly = true)
    public InputStream open(Resource r) throws IOException {
        return java.nio.file.Files.newInputStream(files.path(r.getFileStorage()));
    }

    /**
     * The published version {@code number} of a resource the current user may read, if it had a file (404
     * otherwise: the resource unreadable, no such version, or a version without a file).
     */
    @Transactional(readOnly = true)
    public ResourceVersion versionWithFile(long id, int number) {
        readable(id);
        return versions.findByResourceIdAndNumber(id, number).filter(v -> v.getFileStorage() != null
                && files.exists(v.getFileStorage())).orElseThrow(() -> new NotFoundException("File of version", number));
    }

    /** Opens the file of an earlier version found by {@link #versionWithFile}. */
    public InputStream open(ResourceVersion v) throws IOException {
        return java.nio.file.Files.newInputStream(files.path(v.getFileStorage()));
    }
}
