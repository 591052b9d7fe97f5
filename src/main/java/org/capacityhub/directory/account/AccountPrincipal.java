package org.capacityhub.directory.account;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import org.capacityhub.platform.PlatformUser;
import org.springframework.security.core.CredentialsContainer;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/**
 * The signed-in user, as kept in the session: identifiers and flags only. What they may see is decided afresh on
 * each request from the directory (roles can change during a session).
 */
public class AccountPrincipal implements UserDetails, CredentialsContainer, PlatformUser, Serializable {

    private static final long serialVersionUID = 1L;

    private final long accountId;
    private final long personId;
    private final String username;
    private final String displayName;
    private String passwordHash;
    private final boolean administrator;
    private final boolean enabled;
    private final boolean passwordChangeRequired;
    private final String preferredLocale;

    AccountPrincipal(UserAccount account) {
        this.accountId = account.getId();
        this.personId = account.getPerson().getId();
        this.username = account.getUsername();
        this.displayName = account.getPerson().getFullName();
        this.passwordHash = account.getPasswordHash();
        this.administrator = account.isAdministrator();
        this.enabled = account.isEnabled();
        this.passwordChangeRequired = account.isPasswordChangeRequired();
        this.preferredLocale = account.getPreferredLocale();
    }

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        List<GrantedAuthority> authorities = new ArrayList<>();
        authorities.add(new SimpleGrantedAuthority("ROLE_USER"));
        if (administrator) {
            authorities.add(new SimpleGrantedAuthority("ROLE_ADMIN"));
        }
        return authorities;
    }

    @Override
    public void eraseCredentials() {
        passwordHash = null;
    }

    @Override public String getPassword() { return passwordHash; }
    @Override public String getUsername() { return username; }
    @Override public boolean isEnabled() { return enabled; }
    @Override public long accountId() { return accountId; }
    @Override public long personId() { return personId; }
    @Override public String username() { return username; }
    @Override public String displayName() { return displayName; }
    @Override public boolean administrator() { return administrator; }
    @Override public boolean passwordChangeRequired() { return passwordChangeRequired; }
    @Override public String preferredLocale() { return preferredLocale; }

    /** Same account, same principal: lets Spring Security recognise a session's user across refreshes. */
    @Override
    public boolean equals(Object other) {
        return other instanceof AccountPrincipal p && p.accountId == accountId;
    }

    @Override
    public int hashCode() {
        return Long.hashCode(accountId);
    }

    @Override
    public String toString() {
        return username;
    }
}
