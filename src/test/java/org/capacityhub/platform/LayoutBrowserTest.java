package org.capacityhub.platform;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;

import org.capacityhub.support.BrowserTestSupport;
import org.capacityhub.support.IntegrationTest;
import org.junit.jupiter.api.Test;

/** The page layout on a phone, with and without JavaScript, under the Content Security Policy. */
@IntegrationTest
class LayoutBrowserTest extends BrowserTestSupport {

    private static final Browser.NewContextOptions PHONE = new Browser.NewContextOptions()
            .setViewportSize(375, 740).setIsMobile(true).setHasTouch(true);

    @Test
    void onAPhoneTheNavigationOpensWithTheMenuButtonAndNothingBreaksThePolicy() {
        Page phone = newContext(PHONE).newPage();
        List<String> problems = new ArrayList<>();
        phone.onConsoleMessage(m -> {
            if ("error".equals(m.type())) {
                problems.add(m.text());
            }
        });
        phone.onPageError(problems::add);
        phone.onResponse(r -> {
            if (r.status() >= 400) {
                problems.add(r.status() + " " + r.url());
            }
        });

        signIn(phone, "admin", "test-admin-password");
        Page.GetByRoleOptions signOut = new Page.GetByRoleOptions().setName("Sign out");
        assertThat(phone.getByRole(AriaRole.BUTTON, signOut)).isHidden();

        phone.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Show or hide the navigation")).click();

        assertThat(phone.getByRole(AriaRole.BUTTON, signOut)).isVisible();
        assertNoSeriousAccessibilityViolations(phone);
        screenshot(phone, "home-phone");
        assertThat(problems).as("script errors and Content Security Policy violations").isEmpty();
    }

    @Test
    void withoutJavaScriptAPhoneUserCanStillSignInAndOut() {
        Page phone = newContext(new Browser.NewContextOptions().setViewportSize(375, 740)
                .setJavaScriptEnabled(false)).newPage();

        signIn(phone, "admin", "test-admin-password");

        assertThat(phone.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("What to do first")))
                .isVisible();
        assertThat(phone.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Show or hide the navigation")))
                .isHidden();
        screenshot(phone, "home-phone-no-script");
        signOut(phone);
        assertThat(phone.getByRole(AriaRole.STATUS)).hasText("You are signed out.");
    }
}
