package org.capacityhub.platform;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import java.util.regex.Pattern;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;

import org.capacityhub.support.BrowserTestSupport;
import org.capacityhub.support.IntegrationTest;
import org.junit.jupiter.api.Test;

/** The first thing a newcomer does, in a real browser: sign in, read the home page, sign out; in two languages. */
@IntegrationTest
class SignInBrowserTest extends BrowserTestSupport {

    private static final String ADMIN = "admin";
    private static final String ADMIN_PASSWORD = "test-admin-password";

    @Test
    void theAdministratorSignsInReadsWhatToDoFirstAndSignsOut() {
        page.navigate("/");
        assertThat(page).hasURL(baseUrl() + "/login");
        assertThat(page).hasTitle("Sign in · Capacity Hub");
        assertThat(page.locator("html")).hasAttribute("lang", "en");
        assertThat(heading(page, "Sign in")).isVisible();
        assertThat(page.getByLabel("Username")).isVisible();
        assertThat(page.getByLabel("Password")).isVisible();
        assertNoSeriousAccessibilityViolations(page);
        screenshot(page, "sign-in");

        signIn(page, ADMIN, ADMIN_PASSWORD);

        // back to the page asked for, with a clean address
        assertThat(page).hasURL(baseUrl() + "/");
        assertThat(heading(page, "Welcome, Administrator")).isVisible();
        assertThat(page.locator("main")).containsText(
                "Capacity Hub runs the whole capacity-building cycle of people and organisations");
        assertThat(heading(page, "The capacity-building cycle")).isVisible();
        assertThat(page.locator("main ol > li")).hasCount(7);
        assertThat(heading(page, "What to do first")).isVisible();
        assertThat(page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions()
                .setName("Add the organisations you work with (ministries, agencies, departments)")))
                .hasAttribute("href", "/organisations/new");
        assertThat(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign out"))).isVisible();
        assertNoSeriousAccessibilityViolations(page);
        screenshot(page, "home");

        signOut(page);

        assertThat(page).hasURL(baseUrl() + "/login?signedOut");
        assertThat(page.getByRole(AriaRole.STATUS)).hasText("You are signed out.");
        assertNoSeriousAccessibilityViolations(page);
        page.navigate("/");
        assertThat(page).hasURL(baseUrl() + "/login");
    }

    @Test
    void aWrongPasswordShowsWhatWentWrongOnTheSignInPage() {
        signIn(page, ADMIN, "not-the-password");

        assertThat(page).hasURL(baseUrl() + "/login?error");
        assertThat(page.getByRole(AriaRole.ALERT)).hasText("The username or password is wrong.");
        assertThat(page.getByLabel("Password")).isEmpty();
        assertNoSeriousAccessibilityViolations(page);
        screenshot(page, "sign-in-error");
    }

    @Test
    void aFrenchBrowserGetsTheFrenchInterface() {
        Page french = newContext(new Browser.NewContextOptions().setLocale("fr-FR")).newPage();

        french.navigate("/");
        assertThat(french).hasURL(baseUrl() + "/login");
        assertThat(french.locator("html")).hasAttribute("lang", "fr");
        assertThat(heading(french, "Connexion")).isVisible();
        assertThat(french.getByLabel("Nom d'utilisateur")).isVisible();
        assertThat(french.getByLabel("Mot de passe")).isVisible();
        assertNoSeriousAccessibilityViolations(french);

        signIn(french, ADMIN, ADMIN_PASSWORD);

        assertThat(heading(french, "Bienvenue, Administrator")).isVisible();
        assertThat(heading(french, "Par où commencer")).isVisible();
        assertThat(french.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Se déconnecter")))
                .isVisible();
        assertNoSeriousAccessibilityViolations(french);
        screenshot(french, "home-fr");
    }

    @Test
    void theLanguageCanBeChosenOnTheSignInPage() {
        page.navigate("/login");
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Français")).click();

        assertThat(heading(page, "Connexion")).isVisible();
        page.navigate("/login");
        assertThat(heading(page, "Connexion")).isVisible();
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("English")).click();
        assertThat(heading(page, "Sign in")).isVisible();
    }

    @Test
    void anUnknownAddressShowsAReadableErrorPage() {
        signIn(page, ADMIN, ADMIN_PASSWORD);

        page.navigate("/no-such-page-" + System.nanoTime());

        assertThat(heading(page, "Not found")).isVisible();
        assertThat(page.locator("main")).containsText("There is nothing at this address");
        assertThat(page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Back to the home page")))
                .hasAttribute("href", "/");
        assertThat(page.locator("body")).not().containsText(Pattern.compile("Exception|at org\\."));
        assertNoSeriousAccessibilityViolations(page);
        screenshot(page, "not-found");
    }

    private static com.microsoft.playwright.Locator heading(Page page, String name) {
        return page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName(name).setExact(true));
    }
}
