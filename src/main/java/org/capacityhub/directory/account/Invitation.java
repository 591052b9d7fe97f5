package org.capacityhub.directory.account;

import java.time.Duration;
import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.capacityhub.directory.organisation.Organisation;
import org.capacityhub.directory.person.Person;
import org.capacityhub.platform.AuditRedacted;
import org.capacityhub.platform.ConflictException;
import org.capacityhub.platform.InvalidInputException;

/**
 * An invitation to create an account, issued by an administrator or by an organisation's focal point. Only a hash of
 * its token is kept; the link itself is shown once to the inviter and sent by e-mail. It can be used once.
 */
@Entity
@Table(name = "invitation")
public class Invitation {

    public static final Duration VALIDITY = Duration.ofDays(14);

    public enum Status { PENDING, ACCEPTED, REVOKED, EXPIRED }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @AuditRedacted
    @Column(name = "token_hash", nullable = false)
    private String tokenHash;

    @Column(nullable = false)
    private String email;

    @Column(name = "full_name", nullable = false)
    private String fullName;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "organisation_id")
    private Organisation organisation;

    @Column(name = "focal_point")
    private boolean focalPoint;

    private boolean administrator;

    /** Username of the inviter. */
    @Column(name = "invited_by", nullable = false)
    private String invitedBy;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "expires_at", nullable = false)
    private Instant expiresAt;

    @Column(name = "accepted_at")
    private Instant acceptedAt;

    @Column(name = "revoked_at")
    private Instant revokedAt;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "account_id")
    private UserAccount account;

    @Version
    private long version;

    protected Invitation() {}

    Invitation(String email, String fullName, Organisation organisation, boolean focalPoint, boolean administrator,
            String invitedBy, String tokenHash) {
        String normalised = Person.normaliseEmail(email);
        if (normalised == null) {
            throw new InvalidInputException("email", "invitation.email.required", "The e-mail address is required.");
        }
        String name = normaliseName(fullName);
        if (focalPoint && organisation == null) {
            throw new InvalidInputException("organisationId", "invitation.focalPoint.needsOrganisation",
                    "Choose the organisation of which the person will be focal point.");
        }
        this.email = normalised;
        this.fullName = name;
        this.organisation = organisation;
        this.focalPoint = focalPoint;
        this.administrator = administrator;
        this.invitedBy = invitedBy;
        this.tokenHash = tokenHash;
        this.createdAt = Instant.now();
        this.expiresAt = createdAt.plus(VALIDITY);
    }

    static String normaliseName(String fullName) {
        String name = fullName == null ? "" : fullName.strip();
        if (name.isEmpty()) {
            throw new InvalidInputException("fullName", "person.name.required", "The name is required.");
        }
        if (name.length() > Person.MAX_NAME) {
            throw new InvalidInputException("fullName", "person.name.tooLong",
                    "The name is longer than " + Person.MAX_NAME + " characters.", Person.MAX_NAME);
        }
        return name;
    }

    public Status status(Instant now) {
        if (acceptedAt != null) {
            return Status.ACCEPTED;
        }
        if (revokedAt != null) {
            return Status.REVOKED;
        }
        return now.isBefore(expiresAt) ? Status.PENDING : Status.EXPIRED;
    }

    /** Refuses unless the invitation can still be used: a used one is a conflict, an expired or revoked one is gone. */
    void requireUsable(Instant now) {
        switch (status(now)) {
            case ACCEPTED -> throw new ConflictException(null, "invitation.used",
                    "This invitation was already used to create an account.");
            case REVOKED -> throw new InvitationClosedException("invitation.revoked", "This invitation was withdrawn.");
            case EXPIRED -> throw new InvitationClosedException("invitation.expired", "This invitation has expired.");
            case PENDING -> { }
        }
    }

    void accept(UserAccount account, Instant now) {
        requireUsable(now);
        this.account = account;
        this.acceptedAt = now;
    }

    void revoke() {
        if (acceptedAt != null) {
            throw new ConflictException(null, "invitation.used", "This invitation was already used to create an account.");
        }
        if (revokedAt == null) {
            revokedAt = Instant.now();
        }
    }

    public Long getId() { return id; }
    public String getEmail() { return email; }
    public String getFullName() { return fullName; }
    public Organisation getOrganisation() { return organisation; }
    public boolean isFocalPoint() { return focalPoint; }
    public boolean isAdministrator() { return administrator; }
    public String getInvitedBy() { return invitedBy; }
    public Instant getCreatedAt() { return createdAt; }
    public Instant getExpiresAt() { return expiresAt; }
    public Instant getAcceptedAt() { return acceptedAt; }
    public Instant getRevokedAt() { return revokedAt; }
    public UserAccount getAccount() { return account; }

    public Status getStatus() {
        return status(Instant.now());
    }
}
