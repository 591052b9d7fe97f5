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

import org.capacityhub.platform.AuditIgnored;
import org.capacityhub.platform.AuditRedacted;
import org.capacityhub.platform.InvalidInputException;

/**
 * A personal access token for scripts. Only a hash is stored; the token itself is shown once, when created.
 */
@Entity
@Table(name = "api_token")
public class ApiToken {

    public static final int MAX_NAME = 100;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "account_id", nullable = false)
    private UserAccount account;

    @Column(nullable = false, length = MAX_NAME)
    private String name;

    @AuditRedacted
    @Column(name = "token_hash", nullable = false)
    private String tokenHash;

    /** The first characters of the token, so that its owner can recognise it in a list. */
    @Column(name = "token_prefix", nullable = false)
    private String tokenPrefix;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "expires_at")
    private Instant expiresAt;

    @AuditIgnored
    @Column(name = "last_used_at")
    private Instant lastUsedAt;

    @Column(name = "revoked_at")
    private Instant revokedAt;

    @Version
    private long version;

    protected ApiToken() {}

    ApiToken(UserAccount account, String name, String tokenHash, String tokenPrefix, Instant expiresAt) {
        String trimmed = name == null ? "" : name.strip();
        if (trimmed.isEmpty()) {
            throw new InvalidInputException("name", "token.name.required", "Give the token a name.");
        }
        if (trimmed.length() > MAX_NAME) {
            throw new InvalidInputException("name", "token.name.tooLong",
                    "The name is longer than " + MAX_NAME + " characters.", MAX_NAME);
        }
        if (expiresAt != null && !expiresAt.isAfter(Instant.now())) {
            throw new InvalidInputException("expiresAt", "token.expiry.past", "The expiry date must be in the future.");
        }
        this.account = account;
        this.name = trimmed;
        this.tokenHash = tokenHash;
        this.tokenPrefix = tokenPrefix;
        this.createdAt = Instant.now();
        this.expiresAt = expiresAt;
    }

    public boolean isUsable(Instant now) {
        return revokedAt == null && (expiresAt == null || expiresAt.isAfter(now));
    }

    public void revoke() {
        if (revokedAt == null) {
            revokedAt = Instant.now();
        }
    }

    /** Notes a use, at most once a minute so that busy scripts do not write on every call. */
    void recordUse(Instant now) {
        if (lastUsedAt == null || Duration.between(lastUsedAt, now).toMinutes() >= 1) {
            lastUsedAt = now;
        }
    }

    public Long getId() { return id; }
    public UserAccount getAccount() { return account; }
    public String getName() { return name; }
    public String getTokenPrefix() { return tokenPrefix; }
    public Instant getCreatedAt() { return createdAt; }
    public Instant getExpiresAt() { return expiresAt; }
    public Instant getLastUsedAt() { return lastUsedAt; }
    public Instant getRevokedAt() { return revokedAt; }
}
