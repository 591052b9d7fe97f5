package org.capacityhub.directory.person;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

import org.capacityhub.directory.DirectoryAccess;
import org.capacityhub.directory.organisation.Organisation;
import org.capacityhub.directory.organisation.OrganisationRepository;
import org.capacityhub.platform.ConflictException;
import org.capacityhub.platform.InvalidInputException;
import org.capacityhub.platform.NotFoundException;
import org.capacityhub.platform.PlatformUser;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * People of the directory. A person is visible to administrators, to themselves and to those who may view their
 * organisation's non-public data; they are created and changed by administrators and by the focal points of their
 * organisation. Their self-declared gender is never handled here: only the person sees it, on their own profile.
 */
@Service
@Transactional
public class PersonService {

    public static final int PAGE_SIZE = 50;

    /** What an administrator or focal point fills in for a person. */
    public record Command(String fullName, String email, String positionTitle, RoleFamily roleFamily,
            Long organisationId, String countryCode, String region, List<String> languages, String timeZone) {}

    private final PersonRepository people;
    private final OrganisationRepository organisations;
    private final DirectoryAccess access;

    PersonService(PersonRepository people, OrganisationRepository organisations, DirectoryAccess access) {
        this.people = people;
        this.organisations = organisations;
        this.access = access;
    }

    /** A person the current user may see; 404 otherwise (so as not to reveal who exists). */
    @Transactional(readOnly = true)
    public Person get(long id) {
        Person person = people.findById(id).orElseThrow(() -> new NotFoundException("Person", id));
        if (!canSee(person)) {
            throw new NotFoundException("Person", id);
        }
        org.hibernate.Hibernate.initialize(person.getOrganisation());
        return person;
    }

    public boolean canSee(Person person) {
        if (access.isAdministrator()) {
            return true;
        }
        PlatformUser user = access.currentUser().orElse(null);
        if (user == null) {
            return false;
        }
        if (Objects.equals(person.getId(), user.personId())) {
            return true;
        }
        return person.getOrganisation() != null && access.canView(person.getOrganisation().getId());
    }

    public boolean canEdit(Person person) {
        return access.isAdministrator()
                || (person.getOrganisation() != null && access.canManage(person.getOrganisation().getId()));
    }

    /** May the current user add people at all (administrator, or focal point of some organisation)? */
    public boolean canCreate() {
        return access.isAdministrator() || access.currentUser()
                .map(u -> !organisations.findIdsWithFocalPoint(u.personId()).isEmpty()).orElse(false);
    }

    /** People the current user may see, matching {@code text} in name, e-mail or position. */
    @Transactional(readOnly = true)
    public Page<Person> search(String text, int page) {
        PlatformUser user = access.requireUser();
        String needle = text == null ? "" : text.strip().toLowerCase(Locale.ROOT)
                .replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
        boolean everyone = user.administrator();
        Set<Long> ids = everyone ? Set.of(-1L) : access.viewableOrganisationIds();
        if (ids.isEmpty()) {
            ids = Set.of(-1L);
        }
        return people.search(everyone, ids, user.personId(), "%" + needle + "%",
                PageRequest.of(Math.max(0, page), PAGE_SIZE));
    }

    public Person create(Command command) {
        requireUniqueEmail(Person.normaliseEmail(command.email()), null);
        Organisation organisation = organisationFor(command.organisationId());
        Person person = new Person(command.fullName(), command.email(), organisation);
        apply(person, command, organisation);
        try {
            return people.saveAndFlush(person);
        } catch (DataIntegrityViolationException e) {
            throw emailTaken();
        }
    }

    public Person update(long id, Long expectedVersion, Command command) {
        Person person = get(id);
        if (!canEdit(person)) {
            throw new AccessDeniedException("Not allowed to change person " + id);
        }
        if (expectedVersion != null && expectedVersion != person.getVersion()) {
            throw new ObjectOptimisticLockingFailureException(Person.class, id);
        }
        requireUniqueEmail(Person.normaliseEmail(command.email()), person.getId());
        Organisation current = person.getOrganisation();
        Organisation organisation = Objects.equals(current == null ? null : current.getId(), command.organisationId())
                ? current : organisationFor(command.organisationId());
        person.rename(command.fullName());
        person.changeEmail(command.email());
        apply(person, command, organisation);
        try {
            people.flush();
        } catch (DataIntegrityViolationException e) {
            throw emailTaken();
        }
        return person;
    }

    /** The organisation a person is placed in: one the user manages (none: administrators only). */
    private Organisation organisationFor(Long organisationId) {
        if (organisationId == null) {
            if (!access.isAdministrator()) {
                throw new InvalidInputException("organisationId", "person.organisation.required",
                        "Choose the person's organisation.");
            }
            return null;
        }
        Organisation organisation = organisations.findById(organisationId)
                .orElseThrow(() -> new InvalidInputException("organisationId", "person.organisation.unknown",
                        "There is no such organisation."));
        access.requireManage(organisationId);
        return organisation;
    }

    private static void apply(Person person, Command command, Organisation organisation) {
        person.describeRole(command.positionTitle(), command.roleFamily(), organisation);
        person.locate(command.countryCode(), command.region(), command.languages(), command.timeZone());
    }

    private void requireUniqueEmail(String email, Long self) {
        if (email == null) {
            return;
        }
        people.findByEmail(email).filter(other -> !other.getId().equals(self)).ifPresent(other -> {
            throw emailTaken();
        });
    }

    private static ConflictException emailTaken() {
        return new ConflictException("email", "person.email.taken", "This e-mail address is already used.");
    }
}
