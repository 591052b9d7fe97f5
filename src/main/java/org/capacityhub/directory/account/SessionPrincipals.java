package org.capacityhub.directory.account;

import java.util.ArrayList;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.security.web.csrf.CsrfTokenRepository;
import org.springframework.security.web.csrf.HttpSessionCsrfTokenRepository;
import org.springframework.stereotype.Component;

/**
 * Replaces the signed-in user's principal in the session after their account changed (preferred language, password
 * no longer to be changed), so that the next request sees the new state without signing in again.
 */
@Component
class SessionPrincipals {

    private final SecurityContextHolderStrategy strategy = SecurityContextHolder.getContextHolderStrategy();
    private final SecurityContextRepository repository = new HttpSessionSecurityContextRepository();
    private final CsrfTokenRepository csrfTokens = new HttpSessionCsrfTokenRepository();

    /**
     * Signs in someone who just created their account (from an invitation), with a new session id as a sign-in
     * form would (session fixation protection).
     */
    void signIn(UserAccount account, HttpServletRequest request, HttpServletResponse response) {
        AccountPrincipal principal = new AccountPrincipal(account);
        principal.eraseCredentials();
        UsernamePasswordAuthenticationToken authentication = UsernamePasswordAuthenticationToken.authenticated(
                principal, null, principal.getAuthorities());
        if (request.getSession(false) != null) {
            request.changeSessionId();
            // as a sign-in form does: the anonymous visitor's CSRF token is not carried into the signed-in session
            csrfTokens.saveToken(null, request, response);
        }
        SecurityContext context = strategy.createEmptyContext();
        context.setAuthentication(authentication);
        strategy.setContext(context);
        repository.saveContext(context, request, response);
    }

    void refresh(UserAccount account, HttpServletRequest request, HttpServletResponse response) {
        Authentication current = strategy.getContext().getAuthentication();
        if (current == null || !(current.getPrincipal() instanceof AccountPrincipal old)
                || old.accountId() != account.getId()) {
            return;
        }
        Authentication replacement;
        if (current instanceof OAuth2AuthenticationToken oauth && old instanceof OidcAccountPrincipal oidc) {
            OidcAccountPrincipal principal = new OidcAccountPrincipal(account, oidc);
            replacement = new OAuth2AuthenticationToken(principal, authorities(principal, current),
                    oauth.getAuthorizedClientRegistrationId());
        } else {
            AccountPrincipal principal = new AccountPrincipal(account);
            principal.eraseCredentials();
            UsernamePasswordAuthenticationToken token = UsernamePasswordAuthenticationToken.authenticated(principal,
                    null, authorities(principal, current));
            token.setDetails(current.getDetails());
            replacement = token;
        }
        SecurityContext context = strategy.createEmptyContext();
        context.setAuthentication(replacement);
        strategy.setContext(context);
        repository.saveContext(context, request, response);
    }

    /** The account's roles as they are now, plus what the sign-in itself granted (e.g. the factor it used). */
    private static List<GrantedAuthority> authorities(AccountPrincipal principal, Authentication current) {
        List<GrantedAuthority> result = new ArrayList<>(principal.getAuthorities());
        for (GrantedAuthority authority : current.getAuthorities()) {
            String name = authority.getAuthority();
            if (name != null && !name.startsWith("ROLE_") && result.stream().noneMatch(a -> name.equals(a.getAuthority()))) {
                result.add(authority);
            }
        }
        return result;
    }
}
