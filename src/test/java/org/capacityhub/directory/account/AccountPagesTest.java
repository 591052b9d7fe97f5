package org.capacityhub.directory.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.capacityhub.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;

@IntegrationTest
class AccountPagesTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    TestAccounts accounts;

    @Autowired
    ApiTokens tokens;

    @Autowired
    PasswordEncoder encoder;

    @Test
    void theProfilePageShowsTheSignedInPersonsDetails() throws Exception {
        UserAccount account = accounts.create("profile", false, false);
        MockHttpSession session = TestAccounts.signIn(mvc, account.getUsername(), TestAccounts.PASSWORD);
        mvc.perform(get("/account").session(session)).andExpect(status().isOk())
                .andExpect(content().string(containsString("value=\"Test " + account.getUsername() + "\"")))
                .andExpect(content().string(containsString("name=\"genderConsent\"")));
    }

    @Test
    void savingTheProfileChangesThePersonAndGenderNeedsConsent() throws Exception {
        UserAccount account = accounts.create("profile", false, false);
        MockHttpSession session = TestAccounts.signIn(mvc, account.getUsername(), TestAccounts.PASSWORD);
        mvc.perform(post("/account").session(session).with(csrf())
                        .param("fullName", "Amina Diallo").param("positionTitle", "Data officer")
                        .param("roleFamily", "TECHNICAL").param("countryCode", "sn").param("languages", "fr, en, wo")
                        .param("timeZone", "Africa/Dakar").param("preferredLocale", "")
                        .param("genderConsent", "true").param("gender", "WOMAN"))
                .andExpect(redirectedUrl("/account")).andExpect(flash().attribute("flash", "profile.saved"));
        UserAccount saved = accounts.reload(account);
        assertThat(saved.getPerson().getFullName()).isEqualTo("Amina Diallo");
        assertThat(saved.getPerson().getCountryCode()).isEqualTo("SN");
        assertThat(saved.getPerson().getLanguages()).containsExactly("fr", "en", "wo");
        assertThat(saved.getPerson().getTimeZone()).isEqualTo("Africa/Dakar");
        assertThat(saved.getPerson().getGender()).isEqualTo("WOMAN");
        assertThat(saved.getPerson().isGenderConsent()).isTrue();

        // Withdrawing consent erases the declared gender, even if a value is still sent.
        mvc.perform(post("/account").session(session).with(csrf())
                        .param("fullName", "Amina Diallo").param("gender", "WOMAN"))
                .andExpect(redirectedUrl("/account"));
        saved = accounts.reload(account);
        assertThat(saved.getPerson().getGender()).isNull();
        assertThat(saved.getPerson().isGenderConsent()).isFalse();
    }

    @Test
    void badInputIsShownBesideTheFieldsKeepingWhatWasTypedAndNothingIsSaved() throws Exception {
        UserAccount account = accounts.create("profile", false, false);
        MockHttpSession session = TestAccounts.signIn(mvc, account.getUsername(), TestAccounts.PASSWORD);
        String longName = "x".repeat(201);
        mvc.perform(post("/account").session(session).with(csrf())
                        .param("fullName", longName).param("positionTitle", "Kept position")
                        .param("timeZone", "Mars/Olympus").param("languages", "english").param("countryCode", "SN"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"fullName-error\"")))
                .andExpect(content().string(containsString("The name is longer than 200 characters.")))
                .andExpect(content().string(containsString("id=\"timeZone-error\"")))
                .andExpect(content().string(containsString("id=\"languages-error\"")))
                .andExpect(content().string(containsString("aria-describedby=\"fullName-error\"")))
                .andExpect(content().string(containsString("is-invalid")))
                .andExpect(content().string(containsString("value=\"Kept position\"")));
        UserAccount saved = accounts.reload(account);
        assertThat(saved.getPerson().getFullName()).isEqualTo("Test " + account.getUsername());
        assertThat(saved.getPerson().getPositionTitle()).isNull();
    }

    @Test
    void choosingFrenchSwitchesThePagesToFrenchAtOnce() throws Exception {
        UserAccount account = accounts.create("profile", false, false);
        MockHttpSession session = TestAccounts.signIn(mvc, account.getUsername(), TestAccounts.PASSWORD);
        mvc.perform(get("/account").session(session).header("Accept-Language", "en"))
                .andExpect(content().string(containsString("Your profile")));
        mvc.perform(post("/account").session(session).with(csrf()).header("Accept-Language", "en")
                        .param("fullName", "Jean Dupont").param("preferredLocale", "fr"))
                .andExpect(redirectedUrl("/account"));
        mvc.perform(get("/account").session(session).header("Accept-Language", "en"))
                .andExpect(content().string(containsString("Votre profil")))
                .andExpect(content().string(containsString("lang=\"fr\"")));
        // "Follow my browser" again
        mvc.perform(post("/account").session(session).with(csrf())
                        .param("fullName", "Jean Dupont").param("preferredLocale", ""))
                .andExpect(redirectedUrl("/account"));
        mvc.perform(get("/account").session(session).header("Accept-Language", "en"))
                .andExpect(content().string(containsString("Your profile")));
    }

    @Test
    void aRequiredPasswordChangeRedirectsUntilDoneThenLetsThePersonIn() throws Exception {
        UserAccount account = accounts.create("newcomer", false, true);
        MockHttpSession session = TestAccounts.signIn(mvc, account.getUsername(), TestAccounts.PASSWORD);
        mvc.perform(get("/").session(session)).andExpect(redirectedUrl("/account/password"));
        mvc.perform(get("/account/password").session(session)).andExpect(status().isOk())
                .andExpect(content().string(containsString("choose your own")));

        // the current password is still asked, and a mismatch is refused beside the field
        mvc.perform(post("/account/password").session(session).with(csrf())
                        .param("currentPassword", "wrong password!!").param("newPassword", "a brand new passphrase")
                        .param("confirmPassword", "a different passphrase"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"currentPassword-error\"")))
                .andExpect(content().string(containsString("This is not your current password.")))
                .andExpect(content().string(containsString("The two new passwords differ.")))
                .andExpect(content().string(not(containsString("a brand new passphrase"))));
        mvc.perform(post("/account/password").session(session).with(csrf())
                        .param("currentPassword", TestAccounts.PASSWORD).param("newPassword", "short")
                        .param("confirmPassword", "short"))
                .andExpect(content().string(containsString("at least 12 characters")));
        mvc.perform(get("/").session(session)).andExpect(redirectedUrl("/account/password"));

        mvc.perform(post("/account/password").session(session).with(csrf())
                        .param("currentPassword", TestAccounts.PASSWORD).param("newPassword", "a brand new passphrase")
                        .param("confirmPassword", "a brand new passphrase"))
                .andExpect(redirectedUrl("/")).andExpect(flash().attribute("flash", "account.password.changed"));
        mvc.perform(get("/").session(session)).andExpect(status().isOk());

        UserAccount saved = accounts.reload(account);
        assertThat(saved.isPasswordChangeRequired()).isFalse();
        assertThat(encoder.matches("a brand new passphrase", saved.getPasswordHash())).isTrue();
        TestAccounts.signIn(mvc, account.getUsername(), "a brand new passphrase");
    }

    @Test
    void tokensAreCreatedShownOnceListedAndRevokedOnTheProfilePage() throws Exception {
        UserAccount account = accounts.create("tokens", false, false);
        MockHttpSession session = TestAccounts.signIn(mvc, account.getUsername(), TestAccounts.PASSWORD);
        var created = mvc.perform(post("/account/tokens").session(session).with(csrf())
                        .param("name", "nightly export").param("expiresOn", "2099-12-31"))
                .andExpect(redirectedUrl("/account#tokens")).andReturn();
        String secret = (String) created.getFlashMap().get("createdToken");
        assertThat(secret).startsWith("chub_");

        mvc.perform(get("/account").session(session))
                .andExpect(content().string(containsString(secret)));
        mvc.perform(get("/account").session(session))
                .andExpect(content().string(not(containsString(secret))))
                .andExpect(content().string(containsString("nightly export")))
                .andExpect(content().string(containsString(secret.substring(0, 12))));
        assertThat(tokens.verify(secret)).isPresent();

        ApiToken token = tokens.list(account.getId()).get(0);
        mvc.perform(post("/account/tokens/" + token.getId() + "/revoke").session(session).with(csrf()))
                .andExpect(redirectedUrl("/account#tokens"));
        assertThat(tokens.verify(secret)).isEmpty();
    }

    @Test
    void aTokenNeedsANameAndAFutureExpiry() throws Exception {
        UserAccount account = accounts.create("tokens", false, false);
        MockHttpSession session = TestAccounts.signIn(mvc, account.getUsername(), TestAccounts.PASSWORD);
        mvc.perform(post("/account/tokens").session(session).with(csrf()).param("name", " "))
                .andExpect(status().isOk()).andExpect(content().string(containsString("id=\"tokenName-error\"")));
        mvc.perform(post("/account/tokens").session(session).with(csrf()).param("name", "old")
                        .param("expiresOn", "2001-01-01"))
                .andExpect(status().isOk()).andExpect(content().string(containsString("must be in the future")));
        mvc.perform(post("/account/tokens").session(session).with(csrf()).param("name", "old")
                        .param("expiresOn", "not a date"))
                .andExpect(status().isOk()).andExpect(content().string(containsString("id=\"expiresOn-error\"")));
        assertThat(tokens.list(account.getId())).isEmpty();
    }

    @Test
    void someoneElsesTokenCannotBeRevoked() throws Exception {
        UserAccount owner = accounts.create("owner", false, false);
        ApiTokens.CreatedToken token = tokens.create(owner.getId(), "mine", null);
        UserAccount other = accounts.create("other", false, false);
        MockHttpSession session = TestAccounts.signIn(mvc, other.getUsername(), TestAccounts.PASSWORD);
        mvc.perform(post("/account/tokens/" + token.token().getId() + "/revoke").session(session).with(csrf()))
                .andExpect(status().isNotFound());
        assertThat(tokens.verify(token.secret())).isPresent();
    }

    @Test
    void pageFormsRequireTheCsrfToken() throws Exception {
        UserAccount account = accounts.create("csrf", false, false);
        MockHttpSession session = TestAccounts.signIn(mvc, account.getUsername(), TestAccounts.PASSWORD);
        mvc.perform(post("/account").session(session).param("fullName", "Forged"))
                .andExpect(status().isForbidden());
        mvc.perform(post("/account/password").session(session).param("currentPassword", TestAccounts.PASSWORD)
                        .param("newPassword", "forged forged forged").param("confirmPassword", "forged forged forged"))
                .andExpect(status().isForbidden());
        assertThat(accounts.reload(account).getPerson().getFullName()).isEqualTo("Test " + account.getUsername());
    }
}
