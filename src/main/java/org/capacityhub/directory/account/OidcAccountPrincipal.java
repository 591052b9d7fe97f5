package org.capacityhub.directory.account;

import java.util.Map;

import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.core.oidc.OidcUserInfo;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;

/**
 * A user signed in through OpenID Connect: the platform's principal (account, person, roles, language) that is also
 * the {@link OidcUser} Spring Security expects, carrying the identity provider's ID token and claims.
 */
public class OidcAccountPrincipal extends AccountPrincipal implements OidcUser {

    private static final long serialVersionUID = 1L;

    private final OidcIdToken idToken;
    private final OidcUserInfo userInfo;

    OidcAccountPrincipal(UserAccount account, OidcUser oidcUser) {
        super(account);
        eraseCredentials();
        this.idToken = oidcUser.getIdToken();
        this.userInfo = oidcUser.getUserInfo();
    }

    @Override
    public Map<String, Object> getClaims() {
        return idToken.getClaims();
    }

    @Override
    public OidcUserInfo getUserInfo() {
        return userInfo;
    }

    @Override
    public OidcIdToken getIdToken() {
        return idToken;
    }

    @Override
    public Map<String, Object> getAttributes() {
        return userInfo == null ? idToken.getClaims() : merged();
    }

    private Map<String, Object> merged() {
        Map<String, Object> claims = new java.util.HashMap<>(idToken.getClaims());
        claims.putAll(userInfo.getClaims());
        return claims;
    }

    /** The platform's username, not the provider's subject: the audit log and the pages name people by it. */
    @Override
    public String getName() {
        return getUsername();
    }
}
