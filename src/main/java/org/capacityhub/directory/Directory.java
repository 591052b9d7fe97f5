package org.capacityhub.directory;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.capacityhub.directory.account.UserAccountRepository;
import org.capacityhub.directory.organisation.Organisation;
import org.capacityhub.directory.organisation.OrganisationRepository;
import org.capacityhub.directory.organisation.OrganisationService;
import org.capacityhub.directory.person.Person;
import org.capacityhub.directory.person.PersonRepository;
import org.capacityhub.directory.programme.Programme;
import org.capacityhub.directory.programme.ProgrammeRepository;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The directory as other modules see it: organisations and people by id, as small immutable summaries (other
 * modules never touch the directory's entities). It answers facts, not permissions: ask {@link DirectoryAccess}
 * whether the current user may see an organisation's non-public data before showing it. The one exception,
 * {@link #coordinatableOrganisations()}, lists what {@link DirectoryAccess#canCoordinate(long)} allows.
 */
@Service
@Transactional(readOnly = true)
public class Directory {

    /** The names of the kinds of organisation the directory knows (e.g. MINISTRY), for other modules to refer to. */
    public static final List<String> ORGANISATION_TYPES = java.util.Arrays.stream(
            org.capacityhub.directory.organisation.OrganisationType.values()).map(Enum::name).toList();

    /** An organisation's public facts. */
    public record OrganisationSummary(long id, String name, String acronym, String type, String countryCode,
            Long parentId, boolean demo) {

        static OrganisationSummary of(Organisation o) {
            return new OrganisationSummary(o.getId(), o.getName(), o.getAcronym(), o.getType().name(),
                    o.getCountryCode(), o.getParent() == null ? null : o.getParent().getId(), o.isDemo());
        }

        /** The name with the acronym in brackets, as choice lists show it. */
        public String label() {
            return acronym == null || acronym.isBlank() ? name : name + " (" + acronym + ")";
        }
    }

    /** A person's directory facts (never their self-declared gender). */
    public record PersonSummary(long id, String fullName, String email, String positionTitle, Long organisationId,
            String countryCode, List<String> languages, String timeZone) {

        static PersonSummary of(Person p) {
            return new PersonSummary(p.getId(), p.getFullName(), p.getEmail(), p.getPositionTitle(),
                    p.getOrganisation() == null ? null : p.getOrganisation().getId(), p.getCountryCode(),
                    List.copyOf(p.getLanguages()), p.getTimeZone());
        }
    }

    /** A programme and its member organisations (ids). */
    public record ProgrammeSummary(long id, String name, Set<Long> memberIds) {}

    private final OrganisationRepository organisations;
    private final ProgrammeRepository programmes;
    private final OrganisationService organisationService;
    private final PersonRepository people;
    private final UserAccountRepository accounts;
    private final DirectoryAccess access;

    Directory(OrganisationRepository organisations, OrganisationService organisationService, PersonRepository people,
            UserAccountRepository accounts, DirectoryAccess access,
            ProgrammeRepository programmes) {
        this.organisations = organisations;
        this.programmes = programmes;
        this.organisationService = organisationService;
        this.people = people;
        this.accounts = accounts;
        this.access = access;
    }

    public Optional<OrganisationSummary> organisation(long id) {
        return organisations.findById(id).map(OrganisationSummary::of);
    }

    /** The organisations with these ids, sorted by name (unknown ids are left out). */
    public List<OrganisationSummary> organisations(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return organisations.findByIdInOrderByName(ids).stream().map(OrganisationSummary::of).toList();
    }

    /** The organisation and all its units, at any depth. */
    public Set<Long> organisationAndUnits(long id) {
        return organisationService.subtree(id);
    }

    /**
     * The organisations the current user may coordinate work for (assessments, campaigns, plans), sorted by name:
     * exactly those for which {@link DirectoryAccess#canCoordinate(long)} is true (every organisation for an
     * administrator, none when nobody is signed in).
     */
    public List<OrganisationSummary> coordinatableOrganisations() {
        if (access.isAdministrator()) {
            return organisations.findAllByOrderByName().stream().map(OrganisationSummary::of).toList();
        }
        return organisations(access.coordinatableOrganisationIds());
    }

    /** The demo-data organisation with exactly this name (the first one created, if several). */
    public Optional<OrganisationSummary> demoOrganisationNamed(String name) {
        return organisations.findFirstByNameAndDemoTrueOrderById(name).map(OrganisationSummary::of);
    }

    public Optional<PersonSummary> person(long id) {
        return people.findById(id).map(PersonSummary::of);
    }

    /** The people with these ids, sorted by name (unknown ids are left out). */
    public List<PersonSummary> people(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return people.findByIdInOrderByFullName(ids).stream().map(PersonSummary::of).toList();
    }

    /** The person with this e-mail address (compared in lower case, as the directory stores it). */
    public Optional<PersonSummary> personByEmail(String email) {
        if (email == null || email.isBlank()) {
            return Optional.empty();
        }
        return people.findByEmail(email.strip().toLowerCase(java.util.Locale.ROOT)).map(PersonSummary::of);
    }

    /** The people of an organisation, sorted by name. */
    public List<PersonSummary> peopleOf(long organisationId) {
        return people.findByOrganisationIdOrderByFullName(organisationId).stream().map(PersonSummary::of).toList();
    }

    /** The focal points of an organisation itself (not of its parents), sorted by name (for mail to it). */
    public List<PersonSummary> focalPoints(long organisationId) {
        return organisations.findById(organisationId).map(o -> o.getFocalPoints().stream().map(PersonSummary::of)
                .sorted(java.util.Comparator.comparing(PersonSummary::fullName)).toList()).orElse(List.of());
    }

    /** People who can sign in (they have an enabled account), sorted by name: those who can act on the platform. */
    public List<PersonSummary> peopleWhoCanSignIn() {
        return accounts.findPeopleWhoCanSignIn().stream().map(PersonSummary::of).toList();
    }

    /** Of these person ids, those of people who exist and can sign in (have an enabled account). */
    public Set<Long> whoCanSignIn(Collection<Long> personIds) {
        if (personIds.isEmpty()) {
            return Set.of();
        }
        return Set.copyOf(accounts.findIdsOfPeopleWhoCanSignIn(personIds));
    }

    // ---------------------------------------------------------------- programmes (facts, not permissions)

    /** A programme by id, with its member organisations. */
    public Optional<ProgrammeSummary> programme(long id) {
        return programmes.findById(id).map(Directory::summary);
    }

    /** The ids of a programme's member organisations (empty for an unknown programme). */
    public Set<Long> programmeMemberIds(long programmeId) {
        return Set.copyOf(programmes.findMemberIds(programmeId));
    }

    /**
     * The programmes this organisation is a member of, each with all its member organisations, sorted by name (a
     * fact, not a permission: e.g. to find comparable organisations for an anonymised benchmark).
     */
    public List<ProgrammeSummary> programmesOf(long organisationId) {
        return programmes.findByMember(organisationId).stream().map(Directory::summary).toList();
    }

    /**
     * The programmes whose member organisations the current user may see together, sorted by name: every
     * programme for an administrator, the programmes they coordinate for a coordinator, none otherwise (exactly
     * the programmes for which {@link DirectoryAccess#isCoordinatorOf(long)} or administrator holds).
     */
    public List<ProgrammeSummary> coordinatedProgrammes() {
        var user = access.currentUser();
        if (user.isEmpty()) {
            return List.of();
        }
        Set<Long> mine = user.get().administrator() ? null
                : Set.copyOf(programmes.findIdsCoordinatedBy(user.get().personId()));
        return programmes.findAllByOrderByName().stream().filter(p -> mine == null || mine.contains(p.getId()))
                .map(Directory::summary).toList();
    }

    private static ProgrammeSummary summary(Programme p) {
        return new ProgrammeSummary(p.getId(), p.getName(), p.getMembers().stream()
                .map(Organisation::getId).collect(java.util.stream.Collectors.toUnmodifiableSet()));
    }

    /**
     * The organisations that share at least one programme with this one (itself included when it belongs to a
     * programme): those within the same programme, e.g. for profiles visible "within the programme".
     */
    public Set<Long> programmePartners(long organisationId) {
        return Set.copyOf(programmes.findPartnerIdsOf(organisationId));
    }
}
