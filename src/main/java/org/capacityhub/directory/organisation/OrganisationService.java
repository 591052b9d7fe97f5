package org.capacityhub.directory.organisation;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.capacityhub.directory.DirectoryAccess;
import org.capacityhub.directory.person.Person;
import org.capacityhub.directory.person.PersonRepository;
import org.capacityhub.directory.programme.Programme;
import org.capacityhub.directory.programme.ProgrammeRepository;
import org.capacityhub.platform.ConflictException;
import org.capacityhub.platform.InvalidInputException;
import org.capacityhub.platform.NotFoundException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Organisations: the public directory (names, kinds, countries, places in the tree) for everyone signed in; their
 * changes for administrators and the focal points who manage them (see {@link DirectoryAccess}).
 */
@Service
@Transactional
public class OrganisationService {

    /** What a person fills in to create or change an organisation. */
    public record Command(String name, String acronym, OrganisationType type, String countryCode, Long parentId,
            String description, String website) {}

    /** One organisation of the tree, with its units; {@code match} is false for ancestors shown only as context. */
    public record Node(Organisation organisation, boolean match, List<Node> children) {}

    private final OrganisationRepository organisations;
    private final PersonRepository people;
    private final ProgrammeRepository programmes;
    private final DirectoryAccess access;
    private final JdbcTemplate jdbc;

    OrganisationService(OrganisationRepository organisations, PersonRepository people, ProgrammeRepository programmes,
            DirectoryAccess access, JdbcTemplate jdbc) {
        this.organisations = organisations;
        this.people = people;
        this.programmes = programmes;
        this.access = access;
        this.jdbc = jdbc;
    }

    /** An organisation's public part, visible to everyone signed in. */
    @Transactional(readOnly = true)
    public Organisation get(long id) {
        Organisation organisation = organisations.findById(id)
                .orElseThrow(() -> new NotFoundException("Organisation", id));
        org.hibernate.Hibernate.initialize(organisation.getParent());
        return organisation;
    }

    @Transactional(readOnly = true)
    public List<Organisation> all() {
        return organisations.findAllByOrderByName();
    }

    @Transactional(readOnly = true)
    public List<Organisation> units(long id) {
        return organisations.findByParentIdOrderByName(id);
    }

    /** People of the organisation (its non-public part): 404 unless the user may view it. */
    @Transactional(readOnly = true)
    public List<Person> people(long id) {
        get(id);
        access.requireView(id);
        return people.findByOrganisationIdOrderByFullName(id);
    }

    /** Programmes the organisation belongs to (non-public part): 404 unless the user may view it. */
    @Transactional(readOnly = true)
    public List<Programme> programmes(long id) {
        get(id);
        access.requireView(id);
        return programmes.findByMember(id);
    }

    /** Focal points of the organisation (non-public part): 404 unless the user may view it. */
    @Transactional(readOnly = true)
    public List<Person> focalPoints(long id) {
        Organisation organisation = get(id);
        access.requireView(id);
        return organisation.getFocalPoints().stream()
                .sorted(java.util.Comparator.comparing(Person::getFullName)).toList();
    }

    /**
     * The directory as a tree, filtered by name or acronym, kind and country: organisations that match, with the
     * organisations above them for context.
     */
    @Transactional(readOnly = true)
    public List<Node> tree(String text, OrganisationType type, String countryCode) {
        List<Organisation> all = organisations.findAllByOrderByName();
        String needle = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
        String country = countryCode == null || countryCode.isBlank() ? null
                : countryCode.strip().toUpperCase(Locale.ROOT);
        Map<Long, Organisation> byId = new HashMap<>();
        Map<Long, List<Organisation>> children = new HashMap<>();
        for (Organisation o : all) {
            byId.put(o.getId(), o);
        }
        List<Organisation> roots = new ArrayList<>();
        for (Organisation o : all) {
            Organisation parent = o.getParent();
            if (parent == null) {
                roots.add(o);
            } else {
                children.computeIfAbsent(parent.getId(), k -> new ArrayList<>()).add(o);
            }
        }
        Set<Long> matches = new HashSet<>();
        for (Organisation o : all) {
            boolean match = (needle.isEmpty() || o.getName().toLowerCase(Locale.ROOT).contains(needle)
                    || (o.getAcronym() != null && o.getAcronym().toLowerCase(Locale.ROOT).contains(needle)))
                    && (type == null || o.getType() == type)
                    && (country == null || country.equals(o.getCountryCode()));
            if (match) {
                matches.add(o.getId());
            }
        }
        Set<Long> shown = new HashSet<>(matches);
        for (Long id : matches) {
            Set<Long> seen = new HashSet<>();
            for (Organisation p = byId.get(id).getParent(); p != null && seen.add(p.getId()); p = p.getParent()) {
                shown.add(p.getId());
            }
        }
        return nodes(roots, children, matches, shown, new HashSet<>());
    }

    private static List<Node> nodes(List<Organisation> level, Map<Long, List<Organisation>> children,
            Set<Long> matches, Set<Long> shown, Set<Long> visited) {
        List<Node> result = new ArrayList<>();
        for (Organisation o : level) {
            if (shown.contains(o.getId()) && visited.add(o.getId())) {
                result.add(new Node(o, matches.contains(o.getId()),
                        nodes(children.getOrDefault(o.getId(), List.of()), children, matches, shown, visited)));
            }
        }
        return result;
    }

    /** The organisations the current user may manage, for choice lists. */
    @Transactional(readOnly = true)
    public List<Organisation> manageable() {
        Set<Long> ids = access.manageableOrganisationIds();
        return ids.isEmpty() ? List.of() : organisations.findByIdInOrderByName(ids);
    }

    /** May the current user create an organisation under this parent (null: at the top)? */
    public boolean canCreateUnder(Long parentId) {
        return parentId == null ? access.isAdministrator() : access.canManage(parentId);
    }

    /** May the current user delete this organisation (permission only; emptiness is checked on delete)? */
    public boolean canDelete(Organisation organisation) {
        return organisation.getParent() == null ? access.isAdministrator()
                : access.canManage(organisation.getParent().getId());
    }

    public Organisation create(Command command) {
        Organisation parent = parent(command.parentId());
        if (!canCreateUnder(command.parentId())) {
            throw new org.springframework.security.access.AccessDeniedException("Not allowed to create here");
        }
        Organisation organisation = new Organisation(command.name(), command.type(), command.countryCode());
        apply(organisation, command);
        organisation.moveUnder(parent);
        return organisations.save(organisation);
    }

    public Organisation update(long id, Long expectedVersion, Command command) {
        Organisation organisation = get(id);
        access.requireManage(id);
        checkVersion(organisation, expectedVersion);
        apply(organisation, command);
        Long currentParent = organisation.getParent() == null ? null : organisation.getParent().getId();
        if (!java.util.Objects.equals(currentParent, command.parentId())) {
            moveTo(organisation, command.parentId());
        }
        return organisation;
    }

    /** Places the organisation under another parent (or at the top, for administrators), refusing cycles. */
    public Organisation move(long id, Long expectedVersion, Long parentId) {
        Organisation organisation = get(id);
        access.requireManage(id);
        checkVersion(organisation, expectedVersion);
        moveTo(organisation, parentId);
        return organisation;
    }

    private void moveTo(Organisation organisation, Long parentId) {
        Organisation parent = parent(parentId);
        if (!canCreateUnder(parentId)) {
            throw new org.springframework.security.access.AccessDeniedException("Not allowed to move there");
        }
        organisation.moveUnder(parent);
    }

    private Organisation parent(Long parentId) {
        if (parentId == null) {
            return null;
        }
        return organisations.findById(parentId).orElseThrow(() -> new InvalidInputException("parentId",
                "organisation.parent.unknown", "There is no such parent organisation."));
    }

    private static void apply(Organisation organisation, Command command) {
        organisation.rename(command.name(), command.acronym());
        organisation.describe(command.type(), command.countryCode(), command.description(), command.website());
    }

    private static void checkVersion(Organisation organisation, Long expectedVersion) {
        if (expectedVersion != null && expectedVersion != organisation.getVersion()) {
            throw new ObjectOptimisticLockingFailureException(Organisation.class, organisation.getId());
        }
    }

    /** People who may be made focal points of the organisation: its own people and its units' (anyone, for administrators). */
    @Transactional(readOnly = true)
    public List<Person> focalPointCandidates(long id) {
        get(id);
        access.requireManage(id);
        if (access.isAdministrator()) {
            return people.findAllByOrderByFullName();
        }
        return people.findByOrganisationIdInOrderByFullName(subtree(id));
    }

    public void addFocalPoint(long id, long personId) {
        Organisation organisation = get(id);
        access.requireManage(id);
        Person person = focalPointCandidates(id).stream().filter(p -> p.getId() == personId).findFirst()
                .orElseThrow(() -> new InvalidInputException("personId", "organisation.focalPoint.unknown",
                        "Choose one of the people listed."));
        organisation.addFocalPoint(person);
    }

    public void removeFocalPoint(long id, long personId) {
        Organisation organisation = get(id);
        access.requireManage(id);
        organisation.getFocalPoints().stream().filter(p -> p.getId() == personId).findFirst()
                .ifPresent(organisation::removeFocalPoint);
    }

    /** Deletes an empty organisation: one without units, people, programme memberships or pending invitations. */
    public void delete(long id) {
        Organisation organisation = get(id);
        access.requireManage(id);
        if (!canDelete(organisation)) {
            throw new org.springframework.security.access.AccessDeniedException("Not allowed to delete");
        }
        if (organisations.countByParentId(id) > 0) {
            throw new ConflictException(null, "organisation.delete.hasUnits",
                    "This organisation still has units: move or delete them first.");
        }
        if (people.countByOrganisationId(id) > 0) {
            throw new ConflictException(null, "organisation.delete.hasPeople",
                    "People still belong to this organisation: move them to another organisation first.");
        }
        if (!programmes.findByMember(id).isEmpty()) {
            throw new ConflictException(null, "organisation.delete.hasProgrammes",
                    "This organisation is a member of a programme: remove it from the programme first.");
        }
        Integer invitations = jdbc.queryForObject("select count(*) from invitation where organisation_id = ?",
                Integer.class, id);
        if (invitations != null && invitations > 0) {
            throw new ConflictException(null, "organisation.delete.hasInvitations",
                    "Invitations were sent for this organisation: it cannot be deleted.");
        }
        for (Person focalPoint : List.copyOf(organisation.getFocalPoints())) {
            organisation.removeFocalPoint(focalPoint);
        }
        organisations.delete(organisation);
        try {
            organisations.flush();
        } catch (org.springframework.dao.DataIntegrityViolationException e) {
            // Data of another module (an assessment, a plan) still refers to it.
            throw new ConflictException(null, "organisation.delete.inUse",
                    "Other data still refers to this organisation, so it cannot be deleted.");
        }
    }

    /** The organisation and all its units, at any depth. */
    @Transactional(readOnly = true)
    public Set<Long> subtree(long id) {
        Map<Long, List<Long>> children = new HashMap<>();
        for (Object[] link : organisations.findParentLinks()) {
            if (link[1] != null) {
                children.computeIfAbsent((Long) link[1], k -> new ArrayList<>()).add((Long) link[0]);
            }
        }
        Set<Long> result = new LinkedHashSet<>();
        java.util.Deque<Long> queue = new java.util.ArrayDeque<>(List.of(id));
        while (!queue.isEmpty()) {
            Long next = queue.pop();
            if (result.add(next)) {
                queue.addAll(children.getOrDefault(next, List.of()));
            }
        }
        return result;
    }
}
