package org.capacityhub.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Page;

import org.capacityhub.framework.Frameworks;
import org.capacityhub.directory.account.ApiTokens;
import org.capacityhub.directory.account.UserAccountRepository;
import org.capacityhub.support.BrowserTestSupport;
import org.capacityhub.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** On a phone, no page is wider than the screen (wide tables scroll inside their box) and every page passes axe. */
@IntegrationTest
class SmallScreenBrowserTest extends BrowserTestSupport {

    @Autowired
    UserAccountRepository accounts;
    @Autowired
    ApiTokens tokens;

    private static final List<String> PAGES = List.of("/", "/frameworks",
            "/frameworks/" + Frameworks.GOVSTACK_SKILLS_ASSESSMENT,
            "/frameworks/" + Frameworks.GOVSTACK_SKILLS_ASSESSMENT + "/versions",
            "/frameworks/" + Frameworks.UNESCO_DIGITAL_COMPETENCIES, "/frameworks/import",
            "/organisations", "/organisations/new", "/people", "/people/new", "/programmes", "/programmes/new",
            "/account", "/account/password", "/admin", "/admin/audit", "/admin/outbox", "/admin/invitations",
            "/admin/demo", "/assessments", "/target-profiles", "/self-assessments", "/campaigns", "/surveys",
            "/assessments/heat-map", "/plans", "/matching", "/matching/profile", "/matching/search",
            "/matching/rounds", "/matching/saved", "/library", "/library/mine", "/library/resources/new",
            "/library/admin", "/library/import");

    @Test
    void noPageIsWiderThanAPhoneScreen() {
        // the account page then has its tokens table, whose hidden "Actions" heading once widened the page
        tokens.create(accounts.findByUsername("admin").orElseThrow().getId(), "phone " + UUID.randomUUID(), null);
        Page phone = newContext(new Browser.NewContextOptions().setViewportSize(360, 740).setIsMobile(true))
                .newPage();
        signIn(phone, "admin", "test-admin-password");

        for (String path : PAGES) {
            phone.navigate(path);
            Object overflow = phone.evaluate(
                    "() => document.documentElement.scrollWidth - document.documentElement.clientWidth");
            assertThat(((Number) overflow).intValue()).as("horizontal overflow of %s on a phone", path)
                    .isLessThanOrEqualTo(0);
            assertNoSeriousAccessibilityViolations(phone);
        }
        phone.navigate("/people");
        screenshot(phone, "people-phone");
        phone.navigate("/admin/audit");
        screenshot(phone, "audit-phone");
    }
}
