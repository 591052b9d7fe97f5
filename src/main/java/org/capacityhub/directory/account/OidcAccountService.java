package org.capacityhub.directory.account;

import java.util.Optional;

import org.capacityhub.directory.person.Person;
import org.capacityhub.directory.person.PersonRepository;
import org.capacityhub.platform.AuditContext;
import org.capacityhub.platform.InvalidInputException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.oauth2.client.userinfo.OAuth2UserService;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * OpenID Connect sign-in (when {@code capacityhub.oidc.enabled=true}): maps the identity provider's user to an
 * existing account, first by the subject stored at an earlier sign-in, else by a <em>verified</em> e-mail address
 * of a person who has an account (the subject is then stored). Accounts are never created from OpenID Connect:
 * people are invited first. An unknown identity is refused with a message shown on the sign-in page.
 */
@Service
public class OidcAccountService implements OAuth2UserService<OidcUserRequest, OidcUser> {

    /** OAuth2 error codes the sign-in page turns into messages. */
    public static final String UNKNOWN_IDENTITY = "capacityhub_unknown_identity";
    public static final String ACCOUNT_DISABLED = "capacityhub_account_disabled";
    public static final String OTHER_IDENTITY = "capacityhub_linked_to_other_identity";

    private static final Logger log = LoggerFactory.getLogger(OidcAccountService.class);

    private final UserAccountRepository accounts;
    private final PersonRepository people;
    private final TransactionTemplate transaction;
    private final OAuth2UserService<OidcUserRequest, OidcUser> provider;

    @Autowired
    OidcAccountService(UserAccountRepository accounts, PersonRepository people, TransactionTemplate transaction) {
        this(accounts, people, transaction, new OidcUserService());
    }

    OidcAccountService(UserAccountRepository accounts, PersonRepository people, TransactionTemplate transaction,
            OAuth2UserService<OidcUserRequest, OidcUser> provider) {
        this.accounts = accounts;
        this.people = people;
        this.transaction = transaction;
        this.provider = provider;
    }

    @Override
    public OidcUser loadUser(OidcUserRequest request) throws OAuth2AuthenticationException {
        OidcUser oidcUser = provider.loadUser(request);
        String subject = oidcUser.getSubject();
        if (subject == null || subject.isBlank()) {
            throw refusal(UNKNOWN_IDENTITY, "The identity provider sent no subject.");
        }
        UserAccount account = transaction.execute(s -> accounts.findByOidcSubject(subject)
                .orElseGet(() -> linkByVerifiedEmail(oidcUser, subject)));
        if (!account.isEnabled()) {
            throw refusal(ACCOUNT_DISABLED, "This account is disabled.");
        }
        return new OidcAccountPrincipal(account, oidcUser);
    }

    private UserAccount linkByVerifiedEmail(OidcUser oidcUser, String subject) {
        String email;
        try {
            email = Person.normaliseEmail(oidcUser.getEmail());
        } catch (InvalidInputException e) {
            email = null;
        }
        if (email == null || !Boolean.TRUE.equals(oidcUser.getEmailVerified())) {
            log.info("OpenID Connect sign-in refused: subject {} is not linked and has no verified e-mail", subject);
            throw refusal(UNKNOWN_IDENTITY, "No Capacity Hub account is linked to this identity.");
        }
        Optional<UserAccount> match = people.findByEmail(email).flatMap(p -> accounts.findByPersonId(p.getId()));
        if (match.isEmpty()) {
            log.info("OpenID Connect sign-in refused: no account for the verified address of subject {}", subject);
            throw refusal(UNKNOWN_IDENTITY, "No Capacity Hub account has this e-mail address.");
        }
        UserAccount account = match.get();
        if (account.getOidcSubject() != null && !account.getOidcSubject().equals(subject)) {
            throw refusal(OTHER_IDENTITY, "This account is linked to another identity.");
        }
        AuditContext.run(account.getUsername(), AuditContext.Channel.SYSTEM, () -> {
            account.linkOidcSubject(subject);
            accounts.saveAndFlush(account);
        });
        log.info("OpenID Connect subject {} linked to account {} by verified e-mail", subject, account.getUsername());
        return account;
    }

    private static OAuth2AuthenticationException refusal(String code, String description) {
        return new OAuth2AuthenticationException(new OAuth2Error(code, description, null), description);
    }
}
