package org.capacityhub.matching.domain;

import org.capacityhub.directory.DirectoryAccess;
import org.springframework.stereotype.Component;

/** Who acts for a profile: the person themselves, or whoever manages the organisation. */
@Component
public class Sides {

    private final DirectoryAccess access;

    Sides(DirectoryAccess access) {
        this.access = access;
    }

    public long me() {
        return access.requireUser().personId();
    }

    public boolean actsFor(Profile p) {
        if (p.isOrganisation()) {
            return p.getOrganisationId() != null && access.canManage(p.getOrganisationId());
        }
        return p.getPersonId() != null && p.getPersonId() == me();
    }

    public boolean requesterSide(HelpRequest r) {
        return r.getCreatedByPersonId() == me() || actsFor(r.getRequester());
    }

    public boolean helperSide(Exchange x) {
        return actsFor(x.getHelper());
    }
}
