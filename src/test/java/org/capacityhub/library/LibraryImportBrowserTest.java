package org.capacityhub.library;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import java.nio.charset.StandardCharsets;

import com.microsoft.playwright.options.FilePayload;

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
 * CSV import in a real browser: a file with an error is refused with the row's error shown; the corrected file is
 * previewed, confirmed, and its rows become the importer's drafts while the page follows the job's progress.
 * Every page is audited with axe-core.
 */
@IntegrationTest
class LibraryImportBrowserTest extends BrowserTestSupport {

    private static final String PASSWORD = "correct horse battery staple";

    @Autowired ApplicationContext context;
    @Autowired Frameworks frameworks;

    @Test
    void aFileIsCheckedPreviewedAndImportedAsDrafts() {
        DirectoryFixtures directory = DirectoryFixtures.of(context);
        Actor importer = directory.memberOf(directory.ministry("Browser Import Ministry"));
        Competency child = LibraryFixtures.domainAndChild(frameworks).get(1);
        String competency = child.frameworkIdentifier() + ":" + child.code();
        String tag = DirectoryFixtures.unique();
        String header = "kind;title;language;competencies;licence\n";
        String bad = header + "GUIDELINE;Imported guideline " + tag + ";en;" + competency + ";CC-BY-4.0\n"
                + "TOOLKIT;Imported toolkit " + tag + ";en;" + child.frameworkIdentifier() + ":nope;CC-BY-4.0\n";
        String good = "\ufeff" + header + "GUIDELINE;Imported guideline " + tag + ";en;" + competency + ";CC-BY-4.0\n"
                + "TOOLKIT;<b>Imported toolkit</b> " + tag + ";fr;" + competency + ";CC-BY-SA-4.0\n";

        signIn(page, importer.username(), PASSWORD);
        page.navigate("/library");
        page.locator("#import-resources").click();
        assertNoSeriousAccessibilityViolations(page);
        page.locator("#import-file").setInputFiles(new FilePayload("catalogue.csv", "text/csv",
                bad.getBytes(StandardCharsets.UTF_8)));
        page.locator("#check-import").click();
        assertThat(page.locator("#import-invalid")).isVisible();
        assertThat(page.locator("#import-errors tbody tr")).hasCount(1);
        assertThat(page.locator("#import-errors tbody tr").first()).containsText("nope");
        assertThat(page.locator("#import-errors tbody tr").first()).hasAttribute("data-row", "3");
        assertNoSeriousAccessibilityViolations(page);

        page.navigate("/library/import");
        page.locator("#import-file").setInputFiles(new FilePayload("catalogue.csv", "text/csv",
                good.getBytes(StandardCharsets.UTF_8)));
        page.locator("#check-import").click();
        assertThat(page.locator("#import-sample tbody tr")).hasCount(2);
        assertThat(page.locator("#import-sample")).containsText("<b>Imported toolkit</b>");
        assertNoSeriousAccessibilityViolations(page);
        page.locator("#confirm-import").click();
        assertThat(page.locator("#import-state")).hasAttribute("data-state", "DONE",
                new com.microsoft.playwright.assertions.LocatorAssertions.HasAttributeOptions().setTimeout(60_000));
        assertNoSeriousAccessibilityViolations(page);
        screenshot(page, "library-import");
        page.locator("#import-mine").click();
        assertThat(page.locator("#my-resources")).containsText("Imported guideline " + tag);
        assertThat(page.locator("#my-resources")).containsText("<b>Imported toolkit</b> " + tag);
    }
}
