package org.capacityhub.platform;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.capacityhub.support.BrowserTestSupport;
import org.capacityhub.support.IntegrationTest;
import org.junit.jupiter.api.Test;

/** The browsable API documentation works in a real browser under the Content Security Policy. */
@IntegrationTest
class ApiDocsBrowserTest extends BrowserTestSupport {

    @Test
    void theApiDocumentationRendersWithoutSigningIn() {
        List<String> problems = new ArrayList<>();
        page.onConsoleMessage(m -> {
            if ("error".equals(m.type())) {
                problems.add(m.text());
            }
        });
        page.onPageError(problems::add);

        page.navigate("/api-docs");

        // the whole API's document takes Swagger UI several seconds to render on a loaded 2-core machine
        assertThat(page.locator(".swagger-ui .info .title")).isVisible(
                new com.microsoft.playwright.assertions.LocatorAssertions.IsVisibleOptions().setTimeout(30_000));
        screenshot(page, "api-docs");
        assertThat(problems).as("script errors and Content Security Policy violations").isEmpty();
    }
}
