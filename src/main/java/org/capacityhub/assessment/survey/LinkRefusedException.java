package org.capacityhub.assessment.survey;

import org.capacityhub.platform.UserFacingException;

/** A survey link that cannot be used: unknown (404), already spent or its survey closed (410 Gone). */
public class LinkRefusedException extends UserFacingException {

    private final int status;

    LinkRefusedException(int status, String code, String englishMessage) {
        super(null, code, englishMessage);
        this.status = status;
    }

    public int status() {
        return status;
    }
}
