package org.capacityhub.directory.account;

import org.capacityhub.platform.UserFacingException;

/** An invitation that expired or was withdrawn: it can no longer be used (410 Gone). */
class InvitationClosedException extends UserFacingException {

    InvitationClosedException(String code, String englishMessage) {
        super(null, code, englishMessage);
    }
}
