package org.capacityhub.assessment.campaign;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.capacityhub.assessment.domain.Assessment;
import org.capacityhub.assessment.domain.AssessmentRepository;
import org.capacityhub.assessment.domain.AssessmentService;
import org.capacityhub.assessment.domain.AssessmentState;
import org.capacityhub.assessment.domain.Delivery;
import org.capacityhub.assessment.domain.DetailsInput;
import org.capacityhub.assessment.individual.SelfAssessment;
import org.capacityhub.assessment.individual.SelfAssessmentRepository;
import org.capacityhub.assessment.individual.SelfAssessmentState;
import org.capacityhub.directory.Directory;
import org.capacityhub.directory.Directory.PersonSummary;
import org.capacityhub.directory.DirectoryAccess;
import org.capacityhub.framework.Frameworks;
import org.capacityhub.framework.Frameworks.FrameworkVersionRef;
import org.capacityhub.platform.ConflictException;
import org.capacityhub.platform.InvalidInputException;
import org.capacityhub.platform.Mailer;
import org.capacityhub.platform.NotFoundException;
import org.capacityhub.platform.PlatformSettings;
import org.capacityhub.platform.PlatformUser;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Campaigns: a coordinator ({@link DirectoryAccess#canCoordinate}) launches a published framework version across
 * organisations they coordinate (each gets a focus-group assessment in DRAFT, its focal points an e-mail) and
 * people of those organisations (invited by e-mail to self-assess), with a deadline; reminders go to those not done
 * (by hand, or daily by {@link CampaignReminderJob}); the tracker shows each organisation's progress. A campaign is
 * seen by whoever launched it and by administrators; names of people appear only for organisations the viewer
 * coordinates. Mail is sent after the deciding transaction commits.
 */
@Service
@Transactional
public class CampaignService {

    private static final Logger log = LoggerFactory.getLogger(CampaignService.class);

    public record Option(long id, String label) {}

    public record PersonOption(long id, String label, long organisationId) {}

    public record Summary(long id, String name, String frameworkTitle, LocalDate deadline, Instant launchedAt,
            int organisations, int people) {}

    /** One invited person as the tracker shows them (only for organisations the viewer coordinates). */
    public record PersonStatus(long personId, String name, boolean done) {}

    /** An organisation's progress: its assessment's state, and its invited people done / not done. */
    public record OrganisationRow(Long organisationId, String organisationName, Long assessmentId,
            AssessmentState assessmentState, int peopleDone, int peopleNotDone, List<PersonStatus> people) {}

    public record Tracker(long id, String name, long frameworkVersionId, String frameworkTitle, LocalDate deadline,
            Instant launchedAt, String launchedBy, Instant lastRemindedAt, boolean overdue,
            List<OrganisationRow> rows) {}

    private record Mail(String to, String subject, String body) {}

    private final CampaignRepository campaigns;
    private final AssessmentService assessmentService;
    private final AssessmentRepository assessments;
    private final SelfAssessmentRepository selfAssessments;
    private final Directory directory;
    private final DirectoryAccess access;
    private final Frameworks frameworks;
    private final Mailer mailer;
    private final MessageSource messages;
    private final PlatformSettings settings;
    private final Clock clock = Clock.systemUTC();

    CampaignService(CampaignRepository campaigns, AssessmentService assessmentService,
            AssessmentRepository assessments, SelfAssessmentRepository selfAssessments, Directory directory,
            DirectoryAccess access, Frameworks frameworks, Mailer mailer, MessageSource messages,
            PlatformSettings settings) {
        this.campaigns = campaigns;
        this.assessmentService = assessmentService;
        this.assessments = assessments;
        this.selfAssessments = selfAssessments;
        this.directory = directory;
        this.access = access;
        this.frameworks = frameworks;
        this.mailer = mailer;
        this.messages = messages;
        this.settings = settings;
    }

    // ---------------------------------------------------------------- access

    /** May the current user launch campaigns (coordinates at least one organisation)? */
    @Transactional(readOnly = true)
    public boolean canLaunch() {
        return access.currentUser().isPresent() && !directory.coordinatableOrganisations().isEmpty();
    }

    private Campaign visible(long id) {
        PlatformUser user = access.requireUser();
        return campaigns.findById(id)
                .filter(c -> user.administrator() || c.getLaunchedByPersonId() == user.personId())
                .orElseThrow(() -> new NotFoundException("Campaign", id));
    }

    // ---------------------------------------------------------------- queries

    @Transactional(readOnly = true)
    public List<Summary> visibleCampaigns() {
        PlatformUser user = access.requireUser();
        List<Campaign> found = user.administrator() ? campaigns.findAllByOrderByLaunchedAtDescIdDesc()
                : campaigns.findByLaunchedByPersonIdOrderByLaunchedAtDescIdDesc(user.personId());
        return found.stream().map(c -> new Summary(c.getId(), c.getName(), frameworkTitle(c.getFrameworkVersionId()),
                c.getDeadline(), c.getLaunchedAt(), c.getAssessments().size(), c.getPeople().size())).toList();
    }

    @Transactional(readOnly = true)
    public List<Option> organisationChoices() {
        return directory.coordinatableOrganisations().stream().map(o -> new Option(o.id(), o.label())).toList();
    }

    /** People of the organisations the current user coordinates. */
    @Transactional(readOnly = true)
    public List<PersonOption> personChoices() {
        List<PersonOption> result = new ArrayList<>();
        for (var o : directory.coordinatableOrganisations()) {
            for (PersonSummary p : directory.peopleOf(o.id())) {
                result.add(new PersonOption(p.id(), p.fullName() + " (" + o.label() + ")", o.id()));
            }
        }
        return result;
    }

    @Transactional(readOnly = true)
    public List<Option> frameworkChoices() {
        return frameworks.publishedFrameworks().stream().map(f -> new Option(f.versionId(), label(f))).toList();
    }

    /** What may still be added to a campaign the current user may manage: those they coordinate, not yet in it. */
    public record Choices(List<Option> organisations, List<PersonOption> people) {}

    @Transactional(readOnly = true)
    public Choices additionalChoices(long id) {
        Campaign c = visible(id);
        return new Choices(organisationChoices().stream().filter(o -> !c.getAssessments().containsKey(o.id())).toList(),
                personChoices().stream().filter(p -> !c.getPeople().contains(p.id())).toList());
    }

    // ---------------------------------------------------------------- commands

    /**
     * Launches a campaign: organisations and people must be ones the current user coordinates (people: of such an
     * organisation); each organisation gets a focus-group assessment in DRAFT; invitations are e-mailed after
     * commit. All or nothing.
     */
    public long launch(String name, Long frameworkVersionId, LocalDate deadline, Set<Long> organisationIds,
            Set<Long> personIds) {
        PlatformUser user = access.requireUser();
        if (!canLaunch()) {
            throw new AccessDeniedException("Only coordinators launch campaigns");
        }
        Set<Long> organisations = organisationIds == null ? Set.of() : new LinkedHashSet<>(organisationIds);
        Set<Long> people = personIds == null ? Set.of() : new LinkedHashSet<>(personIds);
        FrameworkVersionRef version = frameworkVersionId == null ? null
                : frameworks.version(frameworkVersionId).filter(FrameworkVersionRef::published).orElse(null);
        if (version == null) {
            throw new InvalidInputException("frameworkVersionId", "assessment.framework.notPublished",
                    "Choose a published framework version.");
        }
        Campaign campaign = new Campaign(name, version.versionId(), deadline, user.personId(), Instant.now(clock),
                LocalDate.now(clock));
        if (organisations.isEmpty() && people.isEmpty()) {
            throw new InvalidInputException("organisationIds", "assessment.campaign.nobody",
                    "Choose organisations or people");
        }
        for (long o : organisations) {
            if (!access.canCoordinate(o)) {
                throw new InvalidInputException("organisationIds", "assessment.campaign.organisation.notYours",
                        "Choose organisations you coordinate", o);
            }
        }
        Map<Long, PersonSummary> invited = new LinkedHashMap<>();
        for (PersonSummary p : directory.people(people)) {
            invited.put(p.id(), p);
        }
        for (long p : people) {
            PersonSummary person = invited.get(p);
            if (person == null || person.organisationId() == null || !access.canCoordinate(person.organisationId())) {
                throw new InvalidInputException("personIds", "assessment.campaign.person.notYours",
                        "Choose people of organisations you coordinate", p);
            }
        }
        for (long o : organisations) {
            long assessmentId = assessmentService.create(o, version.versionId(), new DetailsInput(deadline,
                    Delivery.IN_PERSON, null, campaign.getName(), Set.of(), List.of()));
            campaign.addOrganisation(o, assessmentId);
        }
        people.forEach(campaign::addPerson);
        long id = campaigns.save(campaign).getId();

        Locale locale = LocaleContextHolder.getLocale();
        String launcher = user.displayName();
        List<Mail> mails = new ArrayList<>();
        for (long o : organisations) {
            String orgName = directory.organisation(o).map(Directory.OrganisationSummary::label).orElse("#" + o);
            String link = settings.baseUrl() + "/assessments/" + campaign.getAssessments().get(o);
            for (PersonSummary focal : directory.focalPoints(o)) {
                mails.add(mail(focal, "assessment.campaign.mail.organisation", locale, campaign, launcher,
                        version, orgName, link));
            }
        }
        for (PersonSummary p : invited.values()) {
            mails.add(mail(p, "assessment.campaign.mail.person", locale, campaign, launcher, version, null,
                    settings.baseUrl() + "/self-assessments"));
        }
        sendAfterCommit(mails);
        return id;
    }

    private Mail mail(PersonSummary to, String key, Locale locale, Campaign c, String launcher,
            FrameworkVersionRef version, String organisation, String link) {
        Object[] args = {to.fullName(), launcher, c.getName(), label(version), c.getDeadline().toString(),
                organisation, link};
        return new Mail(to.email(), messages.getMessage(key + ".subject", args, locale),
                messages.getMessage(key + ".body", args, locale));
    }

    private void sendAfterCommit(List<Mail> mails) {
        if (mails.isEmpty()) {
            return;
        }
        Runnable send = () -> mails.forEach(m -> {
            try {
                mailer.send(m.to(), m.subject(), m.body());
            } catch (RuntimeException e) {
                log.warn("Campaign mail to {} could not be recorded: {}", m.to(), e.toString());
            }
        });
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    send.run();
                }
            });
        } else {
            send.run();
        }
    }

    /**
     * Adds organisations and people to a campaign the current user may manage (its launcher, administrators) whose
     * deadline has not passed, with the same rules as the launch: organisations and people of organisations the
     * current user coordinates; each new organisation gets its assessment in DRAFT and its focal points an
     * invitation, each new person an invitation (after commit). Those already in the campaign are left as they
     * are. All or nothing; returns how many invitations were sent.
     */
    public int addParticipants(long id, Set<Long> organisationIds, Set<Long> personIds) {
        Campaign campaign = visible(id);
        PlatformUser user = access.requireUser();
        Set<Long> organisations = organisationIds == null ? Set.of() : new LinkedHashSet<>(organisationIds);
        Set<Long> people = personIds == null ? Set.of() : new LinkedHashSet<>(personIds);
        if (organisations.isEmpty() && people.isEmpty()) {
            throw new InvalidInputException("organisationIds", "assessment.campaign.nobody",
                    "Choose organisations or people");
        }
        if (LocalDate.now(clock).isAfter(campaign.getDeadline())) {
            throw new ConflictException(null, "assessment.campaign.over",
                    "The campaign's deadline has passed: nobody can be added.");
        }
        FrameworkVersionRef version = frameworks.version(campaign.getFrameworkVersionId()).orElseThrow(
                () -> new NotFoundException("Campaign", id));
        Set<Long> newOrganisations = new LinkedHashSet<>();
        for (long o : organisations) {
            if (!access.canCoordinate(o)) {
                throw new InvalidInputException("organisationIds", "assessment.campaign.organisation.notYours",
                        "Choose organisations you coordinate", o);
            }
            if (!campaign.getAssessments().containsKey(o)) {
                newOrganisations.add(o);
            }
        }
        Map<Long, PersonSummary> found = new LinkedHashMap<>();
        for (PersonSummary p : directory.people(people)) {
            found.put(p.id(), p);
        }
        List<PersonSummary> newPeople = new ArrayList<>();
        for (long p : people) {
            PersonSummary person = found.get(p);
            if (person == null || person.organisationId() == null || !access.canCoordinate(person.organisationId())) {
                throw new InvalidInputException("personIds", "assessment.campaign.person.notYours",
                        "Choose people of organisations you coordinate", p);
            }
            if (!campaign.getPeople().contains(p)) {
                newPeople.add(person);
            }
        }
        for (long o : newOrganisations) {
            long assessmentId = assessmentService.create(o, version.versionId(), new DetailsInput(
                    campaign.getDeadline(), Delivery.IN_PERSON, null, campaign.getName(), Set.of(), List.of()));
            campaign.addOrganisation(o, assessmentId);
        }
        newPeople.forEach(p -> campaign.addPerson(p.id()));
        campaigns.save(campaign);

        Locale locale = LocaleContextHolder.getLocale();
        String launcher = directory.person(campaign.getLaunchedByPersonId()).map(PersonSummary::fullName)
                .orElse(user.displayName());
        List<Mail> mails = new ArrayList<>();
        for (long o : newOrganisations) {
            String orgName = directory.organisation(o).map(Directory.OrganisationSummary::label).orElse("#" + o);
            String link = settings.baseUrl() + "/assessments/" + campaign.getAssessments().get(o);
            for (PersonSummary focal : directory.focalPoints(o)) {
                mails.add(mail(focal, "assessment.campaign.mail.organisation", locale, campaign, launcher,
                        version, orgName, link));
            }
        }
        for (PersonSummary p : newPeople) {
            mails.add(mail(p, "assessment.campaign.mail.person", locale, campaign, launcher, version, null,
                    settings.baseUrl() + "/self-assessments"));
        }
        sendAfterCommit(mails);
        return mails.size();
    }

    /** Sends reminders now (the launcher or an administrator); returns how many were sent. */
    public int remind(long id) {
        Campaign c = visible(id);
        return remind(c, LocaleContextHolder.getLocale());
    }

    /**
     * The daily reminders: for each campaign whose deadline has not passed and that was not reminded in the last
     * 20 hours, reminds those not done. Runs without a user (a background job).
     */
    public int remindAllDue() {
        int sent = 0;
        Instant now = Instant.now(clock);
        for (Campaign c : campaigns.findByDeadlineGreaterThanEqual(LocalDate.now(clock))) {
            if (c.getLastRemindedAt() == null || c.getLastRemindedAt().isBefore(now.minus(Duration.ofHours(20)))) {
                sent += remind(c, Locale.ENGLISH);
            }
        }
        return sent;
    }

    private int remind(Campaign c, Locale locale) {
        FrameworkVersionRef version = frameworks.version(c.getFrameworkVersionId()).orElse(null);
        if (version == null) {
            return 0;
        }
        String launcher = directory.person(c.getLaunchedByPersonId()).map(PersonSummary::fullName).orElse("");
        List<Mail> mails = new ArrayList<>();
        for (Map.Entry<Long, Long> e : c.getAssessments().entrySet()) {
            AssessmentState state = assessments.findById(e.getValue()).map(Assessment::getState).orElse(null);
            if (state == AssessmentState.SUBMITTED || state == AssessmentState.VALIDATED) {
                continue;
            }
            String orgName = directory.organisation(e.getKey()).map(Directory.OrganisationSummary::label)
                    .orElse("#" + e.getKey());
            for (PersonSummary focal : directory.focalPoints(e.getKey())) {
                mails.add(mail(focal, "assessment.campaign.reminder.organisation", locale, c, launcher, version,
                        orgName, settings.baseUrl() + "/assessments/" + e.getValue()));
            }
        }
        Set<Long> done = done(c);
        for (PersonSummary p : directory.people(c.getPeople())) {
            if (!done.contains(p.id())) {
                mails.add(mail(p, "assessment.campaign.reminder.person", locale, c, launcher, version, null,
                        settings.baseUrl() + "/self-assessments"));
            }
        }
        c.reminded(Instant.now(clock));
        sendAfterCommit(mails);
        return mails.size();
    }

    /** The invited people who submitted a self-assessment of the version since the launch. */
    private Set<Long> done(Campaign c) {
        if (c.getPeople().isEmpty()) {
            return Set.of();
        }
        return selfAssessments.findByPersonIdInAndFrameworkVersionIdAndStateOrderBySubmittedAtDescIdDesc(
                c.getPeople(), c.getFrameworkVersionId(), SelfAssessmentState.SUBMITTED).stream()
                .filter(s -> !s.getSubmittedAt().isBefore(c.getLaunchedAt())).map(SelfAssessment::getPersonId)
                .collect(Collectors.toSet());
    }

    // ---------------------------------------------------------------- tracker

    @Transactional(readOnly = true)
    public Tracker tracker(long id) {
        Campaign c = visible(id);
        Set<Long> done = done(c);
        Map<Long, List<PersonSummary>> peopleByOrganisation = new LinkedHashMap<>();
        for (PersonSummary p : directory.people(c.getPeople())) {
            peopleByOrganisation.computeIfAbsent(p.organisationId() == null ? -1L : p.organisationId(),
                    k -> new ArrayList<>()).add(p);
        }
        Set<Long> organisationIds = new LinkedHashSet<>(c.getAssessments().keySet());
        peopleByOrganisation.keySet().stream().filter(k -> k >= 0).forEach(organisationIds::add);
        Map<Long, String> names = directory.organisations(organisationIds).stream()
                .collect(Collectors.toMap(Directory.OrganisationSummary::id, Directory.OrganisationSummary::label));
        List<OrganisationRow> rows = new ArrayList<>();
        for (long o : organisationIds.stream().sorted((a, b) -> names.getOrDefault(a, "").compareToIgnoreCase(
                names.getOrDefault(b, ""))).toList()) {
            Long assessmentId = c.getAssessments().get(o);
            AssessmentState state = assessmentId == null ? null
                    : assessments.findById(assessmentId).map(Assessment::getState).orElse(null);
            List<PersonSummary> invited = peopleByOrganisation.getOrDefault(o, List.of());
            int peopleDone = (int) invited.stream().filter(p -> done.contains(p.id())).count();
            List<PersonStatus> statuses = access.canCoordinate(o)
                    ? invited.stream().map(p -> new PersonStatus(p.id(), p.fullName(), done.contains(p.id()))).toList()
                    : List.of();
            rows.add(new OrganisationRow(o, names.getOrDefault(o, "#" + o), assessmentId, state, peopleDone,
                    invited.size() - peopleDone, statuses));
        }
        return new Tracker(c.getId(), c.getName(), c.getFrameworkVersionId(), frameworkTitle(c.getFrameworkVersionId()),
                c.getDeadline(), c.getLaunchedAt(),
                directory.person(c.getLaunchedByPersonId()).map(PersonSummary::fullName).orElse(""),
                c.getLastRemindedAt(), LocalDate.now(clock).isAfter(c.getDeadline()), rows);
    }

    // ---------------------------------------------------------------- labels

    private String frameworkTitle(long versionId) {
        return frameworks.version(versionId).map(CampaignService::label).orElse("#" + versionId);
    }

    private static String label(FrameworkVersionRef f) {
        return f.title() + " (" + (f.versionLabel() == null || f.versionLabel().isBlank() ? "v" + f.number()
                : f.versionLabel()) + ")";
    }
}
