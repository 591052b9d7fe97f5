package org.capacityhub.directory;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.capacityhub.directory.organisation.Organisation;
import org.capacityhub.directory.organisation.OrganisationRepository;
import org.capacityhub.directory.organisation.OrganisationService;
import org.capacityhub.directory.person.Person;
import org.capacityhub.directory.person.PersonRepository;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The directory as other modules see it: organisations and people by id, as small immutable summaries (other
 * modules never touch the directory's entities). It answers facts, not permissions: ask {@link DirectoryAccess}
 * whether the current user may see an organisation's non-public data before showing it.
 */
@Service
@Transactional(readOnly = true)
public class Directory {

    /** An organisation's public facts. */
    public record OrganisationSummary(long id, String name, String acronym, String type, String countryCode,
            Long parentId, boolean demo) {

        static OrganisationSummary of(Organisation o) {
            return new OrganisationSummary(o.getId(), o.getName(), o.getAcronym(), o.getType().name(),
                    o.getCountryCode(), o.getParent() == null ? null : o.getParent().getId(), o.isDemo());
        }
    }

    /** A person's directory facts (never their self-declared gender). */
    public record PersonSummary(long id, String fullName, String email, Long organisationId, String countryCode,
            List<String> languages, String timeZone) {

        static PersonSummary of(Person p) {
            return new PersonSummary(p.getId(), p.getFullName(), p.getEmail(),
                    p.getOrganisation() == null ? null : p.getOrganisation().getId(), p.getCountryCode(),
                    List.copyOf(p.getLanguages()), p.getTimeZone());
        }
    }

    private final OrganisationRepository organisations;
    private final OrganisationService organisationService;
    private final PersonRepository people;

    Directory(OrganisationRepository organisations, OrganisationService organisationService, PersonRepository people) {
        this.organisations = organisations;
        this.organisationService = organisationService;
        this.people = people;
    }

    public Optional<OrganisationSummary> organisation(long id) {
        return organisations.findById(id).map(OrganisationSummary::of);
    }

    /** The organisations with these ids, sorted by name (unknown ids are left out). */
    public List<OrganisationSummary> organisations(Collection<Long> ids) {
        return organisations.findByIdInOrderByName(ids).stream().map(OrganisationSummary::of).toList();
    }

    /** The organisation and all its units, at any depth. */
    public Set<Long> organisationAndUnits(long id) {
        return organisationService.subtree(id);
    }

    public Optional<PersonSummary> person(long id) {
        return people.findById(id).map(PersonSummary::of);
    }

    /** The people of an organisation, sorted by name. */
    public List<PersonSummary> peopleOf(long organisationId) {
        return people.findByOrganisationIdOrderByFullName(organisationId).stream().map(PersonSummary::of).toList();
    }
}
