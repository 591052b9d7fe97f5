package org.capacityhub.assessment.domain;

import org.capacityhub.platform.ConflictException;

/** A section was saved by someone else since the editor loaded it: nothing is overwritten. */
public class SectionConflictException extends ConflictException {

    private final long competencyId;
    private final long currentVersion;

    public SectionConflictException(long competencyId, long expectedVersion, long currentVersion) {
        super("version", "assessment.section.conflict",
                "Someone else saved this section meanwhile (version " + currentVersion + ", yours was based on "
                        + expectedVersion + "). Compare both versions and choose.");
        this.competencyId = competencyId;
        this.currentVersion = currentVersion;
    }

    public long competencyId() { return competencyId; }
    public long currentVersion() { return currentVersion; }
}
