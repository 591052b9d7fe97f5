package org.capacityhub.framework.domain;

import org.capacityhub.directory.DirectoryAccess;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

/**
 * Who may do what with frameworks: everyone signed in reads published versions; administrators and programme
 * coordinators also see drafts, import, edit and publish.
 */
@Component
public class FrameworkAccess {

    private final DirectoryAccess directory;

    FrameworkAccess(DirectoryAccess directory) {
        this.directory = directory;
    }

    public boolean canEdit() {
        return directory.currentUser().isPresent()
                && (directory.isAdministrator() || directory.isCoordinatorOfAnyProgramme());
    }

    public void requireEdit() {
        if (!canEdit()) {
            throw new AccessDeniedException("Only administrators and programme coordinators edit frameworks");
        }
    }

    public boolean canSee(FrameworkVersion version) {
        return version.isPublished() || canEdit();
    }

    public String actor() {
        return directory.currentUser().map(u -> u.username()).orElse("system");
    }
}
