package org.capacityhub.library;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import java.util.List;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.FilePayload;
import com.microsoft.playwright.options.SelectOption;

import org.capacityhub.directory.organisation.Organisation;
import org.capacityhub.framework.Frameworks;
import org.capacityhub.framework.Frameworks.Competency;
import org.capacityhub.support.BrowserTestSupport;
import org.capacityhub.support.DirectoryFixtures;
import org.capacityhub.support.DirectoryFixtures.Actor;
import org.capacityhub.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/**
 * The library's whole cycle in a real browser: an author uploads a PDF guideline, tags it with a competency and
 * sends it for review; a reviewer of the same organisation publishes it; then it is found by a word from inside the
 * PDF, typed with a typo, filtered by the competency's parent. Every page is audited with axe-core.
 */
@IntegrationTest
class LibraryBrowserTest extends BrowserTestSupport {

    private static final String PASSWORD = "correct horse battery staple";

    @Autowired ApplicationContext context;
    @Autowired Frameworks frameworks;

    @Test
    void aGuidelineGoesThroughReviewAndIsFoundByAWordInsideItsPdf() {
        DirectoryFixtures directory = DirectoryFixtures.of(context);
        Organisation ministry = directory.ministry("Browser Library Ministry");
        Actor author = directory.memberOf(ministry);
        Actor reviewer = directory.memberOf(ministry);
        List<Competency> pair = LibraryFixtures.domainAndChild(frameworks);
        String word = "quorbitane" + DirectoryFixtures.unique().replaceAll("[0-9]", "");
        String title = "Interoperability guideline " + DirectoryFixtures.unique();

        signIn(page, author.username(), PASSWORD);
        page.navigate("/library");
        assertNoSeriousAccessibilityViolations(page);
        page.locator("#new-resource").click();
        page.locator("#kind").selectOption("GUIDELINE");
        page.locator("#title").fill(title);
        page.locator("#summary").fill("How ministries connect their registries.");
        page.locator("#competencyIds").selectOption(new SelectOption().setValue(String.valueOf(pair.get(1).id())));
        assertNoSeriousAccessibilityViolations(page);
        page.locator("#save-resource").click();
        assertThat(page.locator("#resource-title")).hasText(title);
        assertThat(page.locator("#resource-competencies")).containsText(pair.get(1).title());

        page.locator("#file-input").setInputFiles(new FilePayload("guideline.pdf", "application/pdf",
                LibraryFixtures.pdf("Registries exchange data through the " + word + " gateway.")));
        page.locator("#upload-button").click();
        assertThat(page.locator("#download")).hasText("guideline.pdf");
        waitForExtraction(page);
        assertThat(page.locator("#extraction-status")).hasAttribute("data-status", "DONE");
        page.locator("#reviewer-" + reviewer.personId()).check();
        assertNoSeriousAccessibilityViolations(page);
        page.locator("#send-for-review").click();
        assertThat(page.locator("#resource-status")).hasText("In review");
        String resourceUrl = page.url();
        signOut(page);

        signIn(page, reviewer.username(), PASSWORD);
        page.navigate(resourceUrl);
        assertNoSeriousAccessibilityViolations(page);
        page.locator("#publish").click();
        assertThat(page.locator("#resource-status")).hasText("Published");

        page.navigate("/library");
        String typo = word.substring(0, 4) + "e" + word.substring(5);
        page.locator("#q").fill(typo);
        page.locator("#competency").selectOption(String.valueOf(pair.get(0).id()));
        page.locator("#search-button").click();
        assertThat(page.locator("#results li")).hasCount(1);
        assertThat(page.locator("#results")).containsText(title);
        assertThat(page.locator("#results mark").first()).isVisible();
        assertNoSeriousAccessibilityViolations(page);
        screenshot(page, "library-search");
    }

    private void waitForExtraction(Page page) {
        for (int i = 0; i < 60; i++) {
            String status = page.locator("#extraction-status").getAttribute("data-status");
            if (!"PENDING".equals(status)) {
                return;
            }
            page.waitForTimeout(1000);
            page.reload();
        }
    }
}
