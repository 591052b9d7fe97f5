package org.capacityhub.directory.account;

import java.time.Instant;
import java.util.Locale;
import java.util.regex.Pattern;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OneToOne;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.capacityhub.directory.person.Person;
import org.capacityhub.platform.AuditIgnored;
import org.capacityhub.platform.AuditRedacted;
import org.capacityhub.platform.InvalidInputException;

/** A way to sign in, always linked to a person of the directory. */
@Entity
@Table(name = "user_account")
public class UserAccount {

    public static final int MIN_PASSWORD = 12;
    public static final int MAX_PASSWORD = 200;
    private static final Pattern USERNAME = Pattern.compile("^[a-z0-9][a-z0-9._@-]{1,99}$");

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, length = 100)
    private String username;

    @AuditRedacted
    @Column(name = "password_hash")
    private String passwordHash;

    @OneToOne(fetch = FetchType.EAGER, optional = false)
    @JoinColumn(name = "person_id", nullable = false)
    private Person person;

    private boolean administrator;

    private boolean enabled = true;

    @Column(name = "password_change_required")
    private boolean passwordChangeRequired;

    @Column(name = "preferred_locale")
    private String preferredLocale;

    @Column(name = "oidc_subject")
    private String oidcSubject;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @AuditIgnored
    @Column(name = "last_sign_in_at")
    private Instant lastSignInAt;

    @Version
    private long version;

    protected UserAccount() {}

    public UserAccount(String username, Person person) {
        this.username = normaliseUsername(username);
        this.person = person;
        this.createdAt = Instant.now();
    }

    public static String normaliseUsername(String username) {
        String value = username == null ? "" : username.strip().toLowerCase(Locale.ROOT);
        if (!USERNAME.matcher(value).matches()) {
            throw new InvalidInputException("username", "account.username.invalid",
                    "A username has 2 to 100 characters: letters, digits, dots, dashes, underscores or @.");
        }
        return value;
    }

    /** Checks a new password against the policy (length only, as NIST SP 800-63B advises) and returns it. */
    public static String checkPasswordPolicy(String password, String field) {
        if (password == null || password.length() < MIN_PASSWORD) {
            throw new InvalidInputException(field, "account.password.tooShort",
                    "The password must have at least " + MIN_PASSWORD + " characters.", MIN_PASSWORD);
        }
        if (password.length() > MAX_PASSWORD) {
            throw new InvalidInputException(field, "account.password.tooLong",
                    "The password must have at most " + MAX_PASSWORD + " characters.", MAX_PASSWORD);
        }
        return password;
    }

    /** Sets a password the user chose. */
    public void choosePassword(String encodedPassword) {
        this.passwordHash = encodedPassword;
        this.passwordChangeRequired = false;
    }

    /** Sets a password someone else knows (generated at install, reset by an administrator): must be changed. */
    public void assignTemporaryPassword(String encodedPassword) {
        this.passwordHash = encodedPassword;
        this.passwordChangeRequired = true;
    }

    public void grantAdministrator(boolean administrator) {
        this.administrator = administrator;
    }

    public void enable(boolean enabled) {
        this.enabled = enabled;
    }

    public void preferLocale(String locale) {
        this.preferredLocale = locale == null || locale.isBlank() ? null : locale.strip();
    }

    public void linkOidcSubject(String subject) {
        this.oidcSubject = subject;
    }

    public void recordSignIn() {
        this.lastSignInAt = Instant.now();
    }

    public Long getId() { return id; }
    public String getUsername() { return username; }
    public String getPasswordHash() { return passwordHash; }
    public Person getPerson() { return person; }
    public boolean isAdministrator() { return administrator; }
    public boolean isEnabled() { return enabled; }
    public boolean isPasswordChangeRequired() { return passwordChangeRequired; }
    public String getPreferredLocale() { return preferredLocale; }
    public String getOidcSubject() { return oidcSubject; }
    public Instant getCreatedAt() { return createdAt; }
    public Instant getLastSignInAt() { return lastSignInAt; }
    public long getVersion() { return version; }
}
