package org.capacityhub.assessment.domain;

import org.capacityhub.platform.UserFacingException;

/** An uploaded evidence file above the configured size limit (413); nothing was stored. */
public class EvidenceTooLargeException extends UserFacingException {

    public EvidenceTooLargeException(long maxMegabytes) {
        super("file", "assessment.file.tooLarge", "The file is larger than " + maxMegabytes + " MB.", maxMegabytes);
    }
}
