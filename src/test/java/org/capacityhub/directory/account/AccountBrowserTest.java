package org.capacityhub.directory.account;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Pattern;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;

import org.capacityhub.support.BrowserTestSupport;
import org.capacityhub.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Accounts in a real browser: a first sign-in with a temporary password, the profile (language, personal access
 * tokens), and the administration pages (audit log, outbox, invitations accepted in another browser, demo). The
 * axe-core audit runs on every page and state. The shared {@code admin} account is never changed.
 */
@IntegrationTest
class AccountBrowserTest extends BrowserTestSupport {

    private static final String NEW_PASSWORD = "a brand new sentence of mine";

    @Autowired
    TestAccounts accounts;

    @Test
    void aTemporaryPasswordMustBeChangedAtFirstSignIn() {
        UserAccount account = accounts.create("browser-temp", false, true);

        signIn(page, account.getUsername(), TestAccounts.PASSWORD);

        assertThat(page).hasURL(baseUrl() + "/account/password");
        assertThat(heading(page, "Change your password")).isVisible();
        assertThat(page.locator("main")).containsText("choose your own before going on");
        assertNoSeriousAccessibilityViolations(page);
        screenshot(page, "password-required");
        // elsewhere is refused until the password is changed
        page.navigate("/organisations");
        assertThat(page).hasURL(baseUrl() + "/account/password");

        // mistakes are shown beside their fields
        page.getByLabel("Current password").fill("not the password");
        page.getByLabel("New password", new Page.GetByLabelOptions().setExact(true)).fill("short");
        page.getByLabel("New password again").fill("different");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Change the password")).click();
        assertThat(page.locator(".invalid-feedback").first()).isVisible();
        assertThat(page.getByLabel("Current password")).isEmpty();
        assertNoSeriousAccessibilityViolations(page);
        screenshot(page, "password-errors");

        page.getByLabel("Current password").fill(TestAccounts.PASSWORD);
        page.getByLabel("New password", new Page.GetByLabelOptions().setExact(true)).fill(NEW_PASSWORD);
        page.getByLabel("New password again").fill(NEW_PASSWORD);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Change the password")).click();

        assertThat(page).hasURL(baseUrl() + "/");
        assertThat(page.getByRole(AriaRole.STATUS).first()).hasText("Your password is changed.");
        assertThat(heading(page, "What to do first")).isVisible();
        assertNoSeriousAccessibilityViolations(page);

        signOut(page);
        signIn(page, account.getUsername(), NEW_PASSWORD);
        assertThat(page).hasURL(baseUrl() + "/");
    }

    @Test
    void theProfileChangesTheLanguageAndManagesTokens() {
        UserAccount account = accounts.create("browser-profile", false, false);
        signIn(page, account.getUsername(), TestAccounts.PASSWORD);

        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(account.getPerson().getFullName())).click();
        assertThat(page).hasURL(baseUrl() + "/account");
        assertThat(heading(page, "Your profile")).isVisible();
        assertNoSeriousAccessibilityViolations(page);
        screenshot(page, "profile");

        // a token: shown once, listed, revoked
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Create a token")).click();
        assertThat(page.locator("#tokenName-error")).hasText("Give the token a name.");
        assertNoSeriousAccessibilityViolations(page);
        page.getByLabel("Name", new Page.GetByLabelOptions().setExact(true)).fill("browser script");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Create a token")).click();
        Locator created = page.locator("#created-token");
        assertThat(created).hasValue(Pattern.compile("^chub_.{20,}"));
        assertThat(page.locator("main")).containsText("it is not stored and will not be shown again");
        assertNoSeriousAccessibilityViolations(page);
        screenshot(page, "profile-token-created");
        String secret = created.inputValue();
        page.reload();
        assertThat(page.locator("#created-token")).hasCount(0);
        assertThat(page.locator("main")).not().containsText(secret);

        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Revoke the token \"browser script\""))
                .click();
        assertThat(page.getByRole(AriaRole.STATUS).first()).hasText("The token is revoked.");
        assertThat(page.locator("#tokens table")).containsText("Revoked on");
        assertNoSeriousAccessibilityViolations(page);

        // the language of the pages
        page.getByLabel("Language of the pages").selectOption("fr");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save").setExact(true)).click();
        assertThat(page.locator("html")).hasAttribute("lang", "fr");
        assertThat(heading(page, "Votre profil")).isVisible();
        assertThat(page.getByRole(AriaRole.STATUS).first()).hasText("Votre profil est enregistré.");
        assertThat(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Se déconnecter")))
                .isVisible();
        assertNoSeriousAccessibilityViolations(page);
        screenshot(page, "profile-fr");
        page.navigate("/");
        assertThat(heading(page, "Par où commencer")).isVisible();
        assertNoSeriousAccessibilityViolations(page);
    }

    @Test
    void theAdministratorReadsTheAuditLogAndOutboxAndInvitesSomeoneWhoAccepts() {
        signIn(page, "admin", "test-admin-password");

        page.navigate("/admin");
        assertThat(heading(page, "Administration")).isVisible();
        assertNoSeriousAccessibilityViolations(page);
        screenshot(page, "admin");

        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Audit log")).click();
        assertThat(heading(page, "Audit log")).isVisible();
        assertNoSeriousAccessibilityViolations(page);
        screenshot(page, "audit");
        page.getByLabel("Action").selectOption("CREATE");
        page.getByLabel("Through").selectOption("SYSTEM");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Apply filters")).click();
        assertThat(page).hasURL(Pattern.compile("action=CREATE.*channel=SYSTEM"));
        assertNoSeriousAccessibilityViolations(page);
        screenshot(page, "audit-filtered");
        // a period that ends before it starts is explained on the page
        page.getByLabel("From").fill("2026-03-01");
        page.getByLabel("To").fill("2026-02-01");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Apply filters")).click();
        assertThat(page.locator("main")).containsText("The end date is before the start date.");
        assertNoSeriousAccessibilityViolations(page);

        // an invitation, with its errors first
        page.navigate("/admin/invitations");
        assertThat(heading(page, "Invitations")).isVisible();
        assertNoSeriousAccessibilityViolations(page);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Send the invitation")).click();
        assertThat(page.getByRole(AriaRole.ALERT).first()).isVisible();
        assertNoSeriousAccessibilityViolations(page);
        screenshot(page, "invitations-errors");

        String name = TestAccounts.unique("Invited Person");
        String email = TestAccounts.unique("invited") + "@browser.example";
        page.getByLabel("E-mail address").fill(email);
        page.getByLabel("Full name").fill(name);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Send the invitation")).click();
        Locator link = page.locator("#invitation-link");
        assertThat(link).hasValue(Pattern.compile("/invitations/"));
        assertNoSeriousAccessibilityViolations(page);
        screenshot(page, "invitations-created");
        String invitation = link.inputValue();
        String path = invitation.substring(invitation.indexOf("/invitations/"));

        // the e-mail waits in the outbox
        page.navigate("/admin/outbox");
        assertThat(heading(page, "Outbox")).isVisible();
        assertThat(page.locator("main")).containsText(email);
        assertNoSeriousAccessibilityViolations(page);
        screenshot(page, "outbox");

        // the invited person, in their own browser
        Page invited = newContext(new Browser.NewContextOptions()).newPage();
        invited.navigate(path);
        assertThat(heading(invited, "Create your account")).isVisible();
        assertThat(invited.locator("main")).containsText(name);
        assertNoSeriousAccessibilityViolations(invited);
        screenshot(invited, "invitation-accept");
        String username = TestAccounts.unique("invited");
        invited.getByLabel("Username").fill("x");
        invited.getByLabel("Password", new Page.GetByLabelOptions().setExact(true)).fill("short");
        invited.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Create my account")).click();
        assertThat(invited.locator("#username-error")).isVisible();
        assertThat(invited.locator("#password-error")).isVisible();
        assertNoSeriousAccessibilityViolations(invited);
        screenshot(invited, "invitation-accept-errors");

        invited.getByLabel("Username").fill(username);
        invited.getByLabel("Password", new Page.GetByLabelOptions().setExact(true)).fill(NEW_PASSWORD);
        invited.getByLabel("New password again").fill(NEW_PASSWORD);
        invited.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Create my account")).click();
        assertThat(invited).hasURL(baseUrl() + "/");
        assertThat(invited.getByRole(AriaRole.STATUS).first()).containsText("your account is ready");
        assertThat(invited.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(name))).isVisible();
        assertNoSeriousAccessibilityViolations(invited);

        // the link works only once
        Page again = newContext(new Browser.NewContextOptions()).newPage();
        again.navigate(path);
        assertThat(again.locator("h1")).isVisible();
        assertThat(again.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Create my account")))
                .hasCount(0);
        assertNoSeriousAccessibilityViolations(again);

        page.navigate("/admin/invitations");
        assertThat(page.locator("main table")).containsText(email);
        assertNoSeriousAccessibilityViolations(page);
    }

    @Test
    void theDemoPageLoadsTheDemoOnceAndListsItsAccounts() {
        signIn(page, "admin", "test-admin-password");
        page.navigate("/admin/demo");
        assertThat(heading(page, "Demo dataset")).isVisible();
        assertNoSeriousAccessibilityViolations(page);
        screenshot(page, "demo");

        // loading it is idempotent, and every test tolerates demo data (see DirectoryDemoTest)
        Locator load = page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Load the demo dataset"));
        if (load.count() > 0) {
            load.click();
            assertThat(page.getByRole(AriaRole.STATUS).first()).isVisible();
        }
        assertThat(page.getByRole(AriaRole.NOTE)).containsText("emo");
        assertThat(page.getByRole(AriaRole.TABLE)).containsText("demo.coordinator");
        assertNoSeriousAccessibilityViolations(page);
        screenshot(page, "demo-loaded");
        assertThat(page.locator("main").textContent()).doesNotContain("Exception");
    }

    private static Locator heading(Page page, String name) {
        return page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName(name).setExact(true));
    }
}
