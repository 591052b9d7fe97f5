package org.capacityhub.platform.mail;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.capacityhub.platform.AuditIgnored;

/**
 * One e-mail the platform sent or meant to send. The outbox is itself a log (and may hold invitation links), so it
 * is left out of the audit log. Once a message has been handed to the SMTP server its body is no longer kept: the
 * links it carried are secrets that only the recipient should hold.
 */
@Entity
@AuditIgnored
@Table(name = "outbox_message")
public class OutboxMessage {

    static final int MAX_SUBJECT = 300;
    static final int MAX_ERROR = 1000;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "recipient", nullable = false)
    private String to;

    @Column(nullable = false, length = MAX_SUBJECT)
    private String subject;

    private String body;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "sent_at")
    private Instant sentAt;

    @Column(length = MAX_ERROR)
    private String error;

    protected OutboxMessage() {}

    OutboxMessage(String to, String subject, String body) {
        this.to = to;
        this.subject = subject.length() > MAX_SUBJECT ? subject.substring(0, MAX_SUBJECT) : subject;
        this.body = body;
        this.createdAt = Instant.now();
    }

    void markSent() {
        this.sentAt = Instant.now();
        this.error = null;
        this.body = null;
    }

    void markFailed(String error) {
        String text = error == null || error.isBlank() ? "unknown error" : error;
        this.error = text.length() > MAX_ERROR ? text.substring(0, MAX_ERROR) : text;
    }

    public Long getId() { return id; }
    public String getTo() { return to; }
    public String getSubject() { return subject; }
    public String getBody() { return body; }
    public Instant getCreatedAt() { return createdAt; }
    public Instant getSentAt() { return sentAt; }
    public String getError() { return error; }

    /** Waiting for an administrator to forward it: never sent (no SMTP server, or it failed). */
    public boolean isPending() {
        return sentAt == null;
    }
}
