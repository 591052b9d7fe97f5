package org.capacityhub.matching.domain;

import java.util.Set;

import org.capacityhub.directory.Directory;
import org.capacityhub.directory.DirectoryAccess;
import org.capacityhub.matching.ranking.Viewer;
import org.capacityhub.platform.PlatformUser;
import org.springframework.stereotype.Component;

/** The current user as a {@link Viewer} of profiles. */
@Component
public class Viewers {

    private final DirectoryAccess access;
    private final Directory directory;

    Viewers(DirectoryAccess access, Directory directory) {
        this.access = access;
        this.directory = directory;
    }

    public Viewer current() {
        PlatformUser user = access.requireUser();
        if (access.isAdministrator()) {
            return new Viewer(true, user.personId(), Set.of(), Set.of(), Set.of());
        }
        Long organisation = directory.person(user.personId()).map(Directory.PersonSummary::organisationId)
                .orElse(null);
        return new Viewer(false, user.personId(), access.viewableOrganisationIds(),
                organisation == null ? Set.of() : directory.programmePartners(organisation),
                access.coordinatableOrganisationIds());
    }

    public boolean canSee(Profile p) {
        return current().canSee(p.getVisibility(), p.getPersonId(), p.getOrganisationId());
    }
}
