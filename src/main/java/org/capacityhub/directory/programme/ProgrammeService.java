package org.capacityhub.directory.programme;

import java.time.LocalDate;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.capacityhub.directory.DirectoryAccess;
import org.capacityhub.directory.organisation.Organisation;
import org.capacityhub.directory.organisation.OrganisationRepository;
import org.capacityhub.directory.person.Person;
import org.capacityhub.directory.person.PersonRepository;
import org.capacityhub.platform.InvalidInputException;
import org.capacityhub.platform.NotFoundException;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Programmes: everyone signed in sees them (name, funder, countries, period, member organisations, coordinators);
 * only administrators create and change them, including their members and coordinators. Coordinators see their
 * programme's member organisations' data through {@link DirectoryAccess}.
 */
@Service
@Transactional
public class ProgrammeService {

    public record Command(String name, String funder, String description, LocalDate startsOn, LocalDate endsOn,
            Collection<String> countries) {}

    private final ProgrammeRepository programmes;
    private final OrganisationRepository organisations;
    private final PersonRepository people;
    private final DirectoryAccess access;

    ProgrammeService(ProgrammeRepository programmes, OrganisationRepository organisations, PersonRepository people,
            DirectoryAccess access) {
        this.programmes = programmes;
        this.organisations = organisations;
        this.people = people;
        this.access = access;
    }

    @Transactional(readOnly = true)
    public List<Programme> list() {
        access.requireUser();
        List<Programme> all = programmes.findAllByOrderByName();
        all.forEach(ProgrammeService::load);
        return all;
    }

    /** Loads what pages and the API show of a programme, as they render outside the transaction. */
    private static Programme load(Programme programme) {
        programme.getCountries().size();
        programme.getMembers().size();
        programme.getCoordinators().size();
        return programme;
    }

    @Transactional(readOnly = true)
    public Programme get(long id) {
        access.requireUser();
        return load(programmes.findById(id).orElseThrow(() -> new NotFoundException("Programme", id)));
    }

    public boolean canChange() {
        return access.isAdministrator();
    }

    public Programme create(Command command) {
        access.requireAdministrator();
        Programme programme = new Programme(command.name());
        apply(programme, command);
        return load(programmes.save(programme));
    }

    public Programme update(long id, Long expectedVersion, Command command) {
        access.requireAdministrator();
        Programme programme = get(id);
        checkVersion(programme, expectedVersion);
        programme.rename(command.name());
        apply(programme, command);
        return programme;
    }

    private static void apply(Programme programme, Command command) {
        programme.describe(command.funder(), command.description(), command.startsOn(), command.endsOn());
        try {
            programme.coverCountries(command.countries() == null ? List.of()
                    : command.countries().stream().filter(c -> c != null && !c.isBlank()).toList());
        } catch (InvalidInputException e) {
            throw new InvalidInputException("countries", "country.unknown",
                    "Choose a country by its two-letter ISO code.");
        }
    }

    /** Replaces the member organisations: the programme's scope. */
    public Programme setMembers(long id, Long expectedVersion, Collection<Long> organisationIds) {
        access.requireAdministrator();
        Programme programme = get(id);
        checkVersion(programme, expectedVersion);
        Set<Organisation> wanted = new LinkedHashSet<>();
        for (Long organisationId : organisationIds == null ? List.<Long>of() : organisationIds) {
            wanted.add(organisation(organisationId));
        }
        for (Organisation member : List.copyOf(programme.getMembers())) {
            if (!wanted.contains(member)) {
                programme.removeMember(member);
            }
        }
        wanted.forEach(programme::addMember);
        return programme;
    }

    public Programme addMember(long id, long organisationId) {
        access.requireAdministrator();
        Programme programme = get(id);
        programme.addMember(organisation(organisationId));
        return programme;
    }

    public Programme removeMember(long id, long organisationId) {
        access.requireAdministrator();
        Programme programme = get(id);
        programme.getMembers().stream().filter(o -> o.getId() == organisationId).findFirst()
                .ifPresent(programme::removeMember);
        return programme;
    }

    /** Replaces the coordinators. */
    public Programme setCoordinators(long id, Long expectedVersion, Collection<Long> personIds) {
        access.requireAdministrator();
        Programme programme = get(id);
        checkVersion(programme, expectedVersion);
        Set<Person> wanted = new LinkedHashSet<>();
        for (Long personId : personIds == null ? List.<Long>of() : personIds) {
            wanted.add(person(personId));
        }
        for (Person coordinator : List.copyOf(programme.getCoordinators())) {
            if (!wanted.contains(coordinator)) {
                programme.removeCoordinator(coordinator);
            }
        }
        wanted.forEach(programme::addCoordinator);
        return programme;
    }

    public Programme addCoordinator(long id, long personId) {
        access.requireAdministrator();
        Programme programme = get(id);
        programme.addCoordinator(person(personId));
        return programme;
    }

    public Programme removeCoordinator(long id, long personId) {
        access.requireAdministrator();
        Programme programme = get(id);
        programme.getCoordinators().stream().filter(p -> p.getId() == personId).findFirst()
                .ifPresent(programme::removeCoordinator);
        return programme;
    }

    /** Members sorted by name, for display. */
    public static List<Organisation> sortedMembers(Programme programme) {
        return programme.getMembers().stream().sorted(Comparator.comparing(Organisation::getName)).toList();
    }

    public static List<Person> sortedCoordinators(Programme programme) {
        return programme.getCoordinators().stream().sorted(Comparator.comparing(Person::getFullName)).toList();
    }

    private Organisation organisation(Long id) {
        if (id == null) {
            throw new InvalidInputException("organisationIds", "programme.member.unknown", "There is no such organisation.");
        }
        return organisations.findById(id).orElseThrow(() -> new InvalidInputException("organisationIds",
                "programme.member.unknown", "There is no such organisation."));
    }

    private Person person(Long id) {
        if (id == null) {
            throw new InvalidInputException("personIds", "programme.coordinator.unknown", "There is no such person.");
        }
        return people.findById(id).orElseThrow(() -> new InvalidInputException("personIds",
                "programme.coordinator.unknown", "There is no such person."));
    }

    private static void checkVersion(Programme programme, Long expectedVersion) {
        if (expectedVersion != null && expectedVersion != programme.getVersion()) {
            throw new ObjectOptimisticLockingFailureException(Programme.class, programme.getId());
        }
    }
}
