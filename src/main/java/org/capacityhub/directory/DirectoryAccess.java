package org.capacityhub.directory;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.capacityhub.directory.organisation.OrganisationRepository;
import org.capacityhub.directory.person.Person;
import org.capacityhub.directory.person.PersonRepository;
import org.capacityhub.directory.programme.ProgrammeRepository;
import org.capacityhub.platform.NotFoundException;
import org.capacityhub.platform.PlatformUser;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Who may see and manage which organisation's data, decided on every call from the directory (never cached in the
 * session, so a role withdrawn takes effect at once):
 * <ul>
 * <li>an administrator: everything;</li>
 * <li>an organisation's focal point: sees and manages the organisation and all its units, at any depth;</li>
 * <li>a programme coordinator: sees and coordinates exactly the programme's member organisations;</li>
 * <li>a member: sees their own organisation's non-public data.</li>
 * </ul>
 * Everyone signed in sees the public directory (names, kinds and countries of organisations).
 */
@Service
@Transactional(readOnly = true)
public class DirectoryAccess {

    private final OrganisationRepository organisations;
    private final PersonRepository people;
    private final ProgrammeRepository programmes;

    DirectoryAccess(OrganisationRepository organisations, PersonRepository people, ProgrammeRepository programmes) {
        this.organisations = organisations;
        this.people = people;
        this.programmes = programmes;
    }

    /** The signed-in user, if any. */
    public Optional<PlatformUser> currentUser() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && authentication.getPrincipal() instanceof PlatformUser user) {
            return Optional.of(user);
        }
        return Optional.empty();
    }

    public PlatformUser requireUser() {
        return currentUser().orElseThrow(() -> new AccessDeniedException("Not signed in"));
    }

    public boolean isAdministrator() {
        return currentUser().map(PlatformUser::administrator).orElse(false);
    }

    /** May the current user see this organisation's non-public data (assessments, plans, people's details)? */
    public boolean canView(long organisationId) {
        return viewableOrganisationIds().contains(organisationId) || isAdministrator();
    }

    /** May the current user manage this organisation (its details, focal points, people)? */
    public boolean canManage(long organisationId) {
        if (isAdministrator()) {
            return true;
        }
        return currentUser().map(u -> managedOrganisationIds(u.personId()).contains(organisationId)).orElse(false);
    }

    /** May the current user coordinate work (assessments, campaigns, plans) for this organisation? */
    public boolean canCoordinate(long organisationId) {
        if (canManage(organisationId)) {
            return true;
        }
        return currentUser().map(u -> Set.copyOf(programmes.findMemberIdsOfProgrammesCoordinatedBy(u.personId()))
                .contains(organisationId)).orElse(false);
    }

    public boolean isCoordinatorOf(long programmeId) {
        return currentUser().map(u -> programmes.findIdsCoordinatedBy(u.personId()).contains(programmeId))
                .orElse(false);
    }

    public boolean isCoordinatorOfAnyProgramme() {
        return currentUser().map(u -> !programmes.findIdsCoordinatedBy(u.personId()).isEmpty()).orElse(false);
    }

    /** Throws a 404 unless the current user may view the organisation (404 so as not to reveal what exists). */
    public void requireView(long organisationId) {
        if (!canView(organisationId)) {
            throw new NotFoundException("Organisation", organisationId);
        }
    }

    /** Throws a 403 unless the current user may manage the organisation. */
    public void requireManage(long organisationId) {
        if (!canManage(organisationId)) {
            throw new AccessDeniedException("Not allowed to manage organisation " + organisationId);
        }
    }

    public void requireAdministrator() {
        if (!isAdministrator()) {
            throw new AccessDeniedException("Administrators only");
        }
    }

    /**
     * The organisations whose non-public data the current user may see; for an administrator this is every
     * organisation (use {@link #isAdministrator()} to skip filtering).
     */
    public Set<Long> viewableOrganisationIds() {
        Optional<PlatformUser> user = currentUser();
        if (user.isEmpty()) {
            return Set.of();
        }
        if (user.get().administrator()) {
            return Set.copyOf(organisations.findParentLinks().stream().map(r -> (Long) r[0]).toList());
        }
        long personId = user.get().personId();
        Set<Long> result = new HashSet<>(managedOrganisationIds(personId));
        result.addAll(programmes.findMemberIdsOfProgrammesCoordinatedBy(personId));
        people.findById(personId).map(Person::getOrganisation).ifPresent(o -> result.add(o.getId()));
        return result;
    }

    /**
     * The organisations the current user may manage (those of which they are a focal point, and their units); for
     * an administrator this is every organisation.
     */
    public Set<Long> manageableOrganisationIds() {
        Optional<PlatformUser> user = currentUser();
        if (user.isEmpty()) {
            return Set.of();
        }
        if (user.get().administrator()) {
            return Set.copyOf(organisations.findParentLinks().stream().map(r -> (Long) r[0]).toList());
        }
        return managedOrganisationIds(user.get().personId());
    }

    /**
     * The organisations for which the current user may coordinate work ({@link #canCoordinate(long)}): those they
     * manage and the members of the programmes they coordinate; for an administrator this is every organisation.
     */
    public Set<Long> coordinatableOrganisationIds() {
        Optional<PlatformUser> user = currentUser();
        if (user.isEmpty()) {
            return Set.of();
        }
        if (user.get().administrator()) {
            return manageableOrganisationIds();
        }
        Set<Long> result = new HashSet<>(managedOrganisationIds(user.get().personId()));
        result.addAll(programmes.findMemberIdsOfProgrammesCoordinatedBy(user.get().personId()));
        return result;
    }

    private Set<Long> managedOrganisationIds(long personId) {
        List<Long> roots = organisations.findIdsWithFocalPoint(personId);
        if (roots.isEmpty()) {
            return Set.of();
        }
        Map<Long, List<Long>> children = new HashMap<>();
        for (Object[] link : organisations.findParentLinks()) {
            if (link[1] != null) {
                children.computeIfAbsent((Long) link[1], k -> new java.util.ArrayList<>()).add((Long) link[0]);
            }
        }
        Set<Long> result = new HashSet<>();
        Deque<Long> queue = new ArrayDeque<>(roots);
        while (!queue.isEmpty()) {
            Long id = queue.pop();
            if (result.add(id)) {
                queue.addAll(children.getOrDefault(id, List.of()));
            }
        }
        return result;
    }
}
