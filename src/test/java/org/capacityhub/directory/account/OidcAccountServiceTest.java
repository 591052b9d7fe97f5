package org.capacityhub.directory.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.capacityhub.directory.person.Person;
import org.capacityhub.directory.person.PersonRepository;
import org.capacityhub.platform.AuditContext;
import org.capacityhub.platform.PlatformUser;
import org.capacityhub.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.OAuth2AccessToken;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.transaction.support.TransactionTemplate;

/** Mapping an OpenID Connect identity to an existing account (the identity provider itself is stubbed). */
@IntegrationTest
class OidcAccountServiceTest {

    @Autowired
    TestAccounts accounts;

    @Autowired
    UserAccountRepository accountRepository;

    @Autowired
    PersonRepository people;

    @Autowired
    TransactionTemplate transaction;

    private static final ClientRegistration REGISTRATION = ClientRegistration.withRegistrationId("oidc")
            .clientId("capacity-hub").authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
            .redirectUri("{baseUrl}/login/oauth2/code/{registrationId}").scope("openid", "profile", "email")
            .authorizationUri("https://id.example.org/auth").tokenUri("https://id.example.org/token")
            .jwkSetUri("https://id.example.org/certs").userNameAttributeName("sub").build();

    private OidcUser load(String subject, String email, Boolean verified) {
        OidcIdToken.Builder token = OidcIdToken.withTokenValue("id-token").subject(subject)
                .issuer("https://id.example.org").issuedAt(Instant.now()).expiresAt(Instant.now().plusSeconds(300));
        if (email != null) {
            token.claim("email", email);
        }
        if (verified != null) {
            token.claim("email_verified", verified);
        }
        OidcIdToken idToken = token.build();
        OidcUserRequest request = new OidcUserRequest(REGISTRATION,
                new OAuth2AccessToken(OAuth2AccessToken.TokenType.BEARER, "access", Instant.now(),
                        Instant.now().plusSeconds(300)), idToken);
        OidcAccountService service = new OidcAccountService(accountRepository, people, transaction,
                r -> new DefaultOidcUser(List.of(new SimpleGrantedAuthority("OIDC_USER")), r.getIdToken()));
        return service.loadUser(request);
    }

    @Test
    void aVerifiedEmailLinksTheAccountThenTheSubjectAloneSuffices() {
        UserAccount account = accounts.create("oidc", true, false);
        String subject = TestAccounts.unique("sub");

        OidcUser user = load(subject, account.getPerson().getEmail().toUpperCase(), true);
        assertThat(user).isInstanceOf(PlatformUser.class);
        PlatformUser platformUser = (PlatformUser) user;
        assertThat(platformUser.accountId()).isEqualTo(account.getId());
        assertThat(platformUser.administrator()).isTrue();
        assertThat(user.getName()).isEqualTo(account.getUsername());
        assertThat(user.getSubject()).isEqualTo(subject);
        assertThat(((AccountPrincipal) user).getAuthorities()).extracting(Object::toString).contains("ROLE_ADMIN");
        assertThat(accounts.reload(account).getOidcSubject()).isEqualTo(subject);

        // later sign-ins: the stored subject is enough, whatever the e-mail claim says now
        OidcUser again = load(subject, null, null);
        assertThat(((PlatformUser) again).accountId()).isEqualTo(account.getId());
    }

    @Test
    void anUnverifiedOrUnknownEmailIsRefusedWithAClearError() {
        UserAccount account = accounts.create("oidc", false, false);
        assertThatThrownBy(() -> load(TestAccounts.unique("sub"), account.getPerson().getEmail(), false))
                .isInstanceOfSatisfying(OAuth2AuthenticationException.class, e ->
                        assertThat(e.getError().getErrorCode()).isEqualTo(OidcAccountService.UNKNOWN_IDENTITY));
        assertThatThrownBy(() -> load(TestAccounts.unique("sub"), "nobody-" + TestAccounts.unique("x") + "@example.org", true))
                .isInstanceOfSatisfying(OAuth2AuthenticationException.class, e ->
                        assertThat(e.getError().getErrorCode()).isEqualTo(OidcAccountService.UNKNOWN_IDENTITY));
        assertThatThrownBy(() -> load(TestAccounts.unique("sub"), null, null))
                .isInstanceOf(OAuth2AuthenticationException.class);
        assertThat(accounts.reload(account).getOidcSubject()).isNull();
    }

    @Test
    void aPersonWithoutAccountIsNotEnough() {
        String email = TestAccounts.unique("listed") + "@example.org";
        AuditContext.run("test", AuditContext.Channel.SYSTEM, () -> people.save(new Person("Listed", email, null)));
        assertThatThrownBy(() -> load(TestAccounts.unique("sub"), email, true))
                .isInstanceOfSatisfying(OAuth2AuthenticationException.class, e ->
                        assertThat(e.getError().getErrorCode()).isEqualTo(OidcAccountService.UNKNOWN_IDENTITY));
    }

    @Test
    void anAccountLinkedToAnotherSubjectOrDisabledIsRefused() {
        UserAccount account = accounts.create("oidc", false, false);
        String first = TestAccounts.unique("sub");
        load(first, account.getPerson().getEmail(), true);
        assertThatThrownBy(() -> load(TestAccounts.unique("sub"), account.getPerson().getEmail(), true))
                .isInstanceOfSatisfying(OAuth2AuthenticationException.class, e ->
                        assertThat(e.getError().getErrorCode()).isEqualTo(OidcAccountService.OTHER_IDENTITY));

        transaction.executeWithoutResult(s -> accountRepository.findById(account.getId()).orElseThrow().enable(false));
        assertThatThrownBy(() -> load(first, null, null))
                .isInstanceOfSatisfying(OAuth2AuthenticationException.class, e ->
                        assertThat(e.getError().getErrorCode()).isEqualTo(OidcAccountService.ACCOUNT_DISABLED));
    }

    @Test
    void theClaimsOfTheIdentityProviderRemainAvailable() {
        UserAccount account = accounts.create("oidc", false, false);
        OidcUser user = load(TestAccounts.unique("sub"), account.getPerson().getEmail(), true);
        assertThat(user.getIdToken().getTokenValue()).isEqualTo("id-token");
        assertThat(user.getClaims()).containsEntry("email", account.getPerson().getEmail());
        assertThat(user.getAttributes()).isInstanceOf(Map.class).containsKey("sub");
    }
}
