package org.capacityhub.matching.ranking;

import java.util.Set;

/**
 * Who is looking, as far as profile visibility goes (see {@link Visibility}).
 *
 * @param personId          the viewer's person, or null
 * @param viewable          organisations whose non-public data the viewer may see
 * @param programmePartners organisations sharing a programme with the viewer's organisation
 * @param coordinatable     organisations the viewer coordinates
 */
public record Viewer(boolean administrator, Long personId, Set<Long> viewable, Set<Long> programmePartners,
        Set<Long> coordinatable) {

    public Viewer {
        viewable = Set.copyOf(viewable);
        programmePartners = Set.copyOf(programmePartners);
        coordinatable = Set.copyOf(coordinatable);
    }

    /** Whether the viewer may find a profile with this visibility, owner person (or null) and organisation. */
    public boolean canSee(Visibility visibility, Long ownerPersonId, Long organisationId) {
        if (administrator || ownerPersonId != null && ownerPersonId.equals(personId)) {
            return true;
        }
        return switch (visibility) {
            case PUBLIC -> true;
            case PROGRAMME -> organisationId != null
                    && (programmePartners.contains(organisationId) || viewable.contains(organisationId)
                            || coordinatable.contains(organisationId));
            case COORDINATORS -> organisationId != null && coordinatable.contains(organisationId);
        };
    }

    public boolean canSee(Candidate c) {
        return canSee(c.visibility(), c.personId(), c.organisationId());
    }
}
