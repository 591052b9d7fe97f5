package org.capacityhub.platform;

/**
 * Sends plain-text e-mail (invitations, campaign invitations, reminders) so that nothing is silently dropped:
 * every message is recorded in the outbox that administrators see at {@code /admin/outbox}. With an SMTP server
 * configured ({@code spring.mail.host}) the message is sent and its status recorded; without one it is written to
 * the log and kept in the outbox for an administrator to forward.
 */
public interface Mailer {

    /** What became of a message. */
    enum Delivery {
        /** Handed to the SMTP server. */
        SENT,
        /** No SMTP server is configured: kept in the outbox and written to the log. */
        KEPT_IN_OUTBOX,
        /** The SMTP server refused it or could not be reached: kept in the outbox with the error. */
        FAILED
    }

    /**
     * Sends one message. Call it outside (after) the transaction that decided to send it: the outbox record is
     * written in its own transaction so that it survives whatever happens to the caller's.
     */
    Delivery send(String to, String subject, String body);
}
