package org.capacityhub.framework;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import java.util.regex.Pattern;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;

import org.capacityhub.support.BrowserTestSupport;
import org.capacityhub.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The framework pages in a real browser, as an administrator uses them: the list, the GovStack tree and its filter,
 * a competency with its level descriptors, versions and changelog, an import with its preview, the imported tree,
 * a refused file, and the draft editor. The axe-core audit runs on every page and state.
 */
@IntegrationTest
class FrameworkBrowserTest extends BrowserTestSupport {

    private static final String GOVSTACK = "/frameworks/" + Frameworks.GOVSTACK_SKILLS_ASSESSMENT;

    @TempDir
    Path files;

    @Test
    void theAdministratorBrowsesTheGovStackFrameworkFiltersItsTreeAndReadsACompetency() {
        signIn(page, "admin", "test-admin-password");

        page.navigate("/frameworks");
        assertThat(heading("Competency frameworks")).isVisible();
        Locator govstack = page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions()
                .setName("GovStack skills assessment").setExact(true));
        assertThat(govstack).isVisible();
        assertThat(page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Import a framework")))
                .isVisible();
        assertNoSeriousAccessibilityViolations(page);
        screenshot(page, "frameworks-list");

        govstack.click();
        assertThat(page).hasURL(baseUrl() + GOVSTACK);
        assertThat(heading("GovStack skills assessment")).isVisible();
        assertThat(heading("Areas and competencies")).isVisible();
        Locator tree = page.locator("#framework-tree");
        assertThat(tree).containsText("Using systems thinking and design thinking");
        assertNoSeriousAccessibilityViolations(page);
        // the facilitation guide opened
        page.locator("details > summary", new Page.LocatorOptions().setHasText("Facilitation guide")).click();
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions()
                .setName("Instructions for the facilitator"))).isVisible();
        assertNoSeriousAccessibilityViolations(page);
        screenshot(page, "framework-govstack");

        // the live filter (HTMX): typing narrows the tree and says how many items match
        page.getByLabel("Filter by word or code").fill("systems thinking");
        assertThat(tree.getByRole(AriaRole.STATUS)).containsText(Pattern.compile("\\d+ of \\d+ items match"));
        assertThat(page).hasURL(Pattern.compile("q=systems"));
        assertThat(tree.locator("a.fw-bold").first()).isVisible();
        assertNoSeriousAccessibilityViolations(page);
        screenshot(page, "framework-govstack-filtered");

        // without the live filter, the button submits the same form
        page.navigate(GOVSTACK + "?q=no-such-word-" + UUID.randomUUID());
        assertThat(tree.getByRole(AriaRole.STATUS)).containsText("0 of");
        assertThat(page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Show all"))).isVisible();
        assertNoSeriousAccessibilityViolations(page);

        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Show all")).click();
        tree.getByRole(AriaRole.LINK).filter(new Locator.FilterOptions()
                .setHasText("Using systems thinking and design thinking")).first().click();
        assertThat(page).hasURL(Pattern.compile(GOVSTACK + "/items/"));
        assertThat(heading("Level descriptors")).isVisible();
        Locator descriptors = page.getByRole(AriaRole.TABLE, new Page.GetByRoleOptions().setName("Level descriptors"));
        assertThat(descriptors.getByRole(AriaRole.COLUMNHEADER)).hasCount(3);
        assertThat(descriptors.locator("tbody li").first()).isVisible();
        assertThat(heading("Related competencies in other frameworks")).isVisible();
        assertNoSeriousAccessibilityViolations(page);
        screenshot(page, "framework-competency");

        page.navigate(GOVSTACK);
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Versions and changes")).click();
        assertThat(page).hasURL(baseUrl() + GOVSTACK + "/versions");
        assertThat(heading("Versions and changes")).isVisible();
        assertThat(page.getByRole(AriaRole.TABLE).getByRole(AriaRole.ROW)).not().hasCount(1);
        assertNoSeriousAccessibilityViolations(page);
        screenshot(page, "framework-versions");
    }

    @Test
    void anImportShowsItsPreviewThenTheImportedTreeAndItsDraftEditor() throws IOException {
        String title = "Browser-imported skills " + UUID.randomUUID().toString().substring(0, 8);
        Path csv = files.resolve("skills.csv");
        Files.writeString(csv, """
                #title=%s
                #title@fr=Compétences importées
                #language=en
                #publisher=Capacity Hub tests
                code,parent_code,title,title@fr,item_type,level:Basic,level:Moderate,level:High
                1,,Data,Données,Domain,,,
                1.1,1,Data literacy,Culture des données,Competency,"Reads a chart
                Knows where data comes from",Explains a chart to others,Teaches others to question data
                1.2,1,Data protection,Protection des données,Competency,Knows the law,Applies it,Audits it
                2,,Digital services,Services numériques,Domain,,,
                2.1,2,User research,Recherche utilisateur,Competency,Takes part,Runs interviews,Leads a research plan
                """.formatted(title), StandardCharsets.UTF_8);
        signIn(page, "admin", "test-admin-password");

        page.navigate("/frameworks");
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Import a framework")).click();
        assertThat(page).hasURL(baseUrl() + "/frameworks/import");
        assertThat(heading("Import a framework")).isVisible();
        assertNoSeriousAccessibilityViolations(page);
        screenshot(page, "framework-import");

        // no file: the error is beside the field
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Show the preview")).click();
        Locator file = page.getByLabel("File (CASE JSON or CSV, at most 50 MB)");
        assertThat(file).hasAttribute("aria-invalid", "true");
        assertThat(page.locator("#file-error")).hasText("Choose a file to import.");
        assertNoSeriousAccessibilityViolations(page);

        file.setInputFiles(csv);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Show the preview")).click();
        assertThat(page).hasURL(Pattern.compile("/frameworks/import/[0-9a-f-]{36}$"));
        assertThat(heading("Preview of the import")).isVisible();
        Locator summary = page.locator("main dl");
        assertThat(summary).containsText(title);
        assertThat(summary).containsText("A new framework");
        assertThat(definition("Items")).hasText("5");
        assertThat(definition("Levels")).hasText("3 (Basic, Moderate, High)");
        assertThat(definition("Level descriptors")).hasText("10");
        assertThat(heading("Tree")).isVisible();
        assertThat(page.locator("main li", new Page.LocatorOptions().setHasText("User research"))).isVisible();
        assertNoSeriousAccessibilityViolations(page);
        screenshot(page, "framework-import-preview");

        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Import").setExact(true)).click();
        assertThat(page).hasURL(Pattern.compile("/frameworks/[0-9a-f-]{36}\\?version=1$"));
        assertThat(page.getByRole(AriaRole.STATUS).first()).hasText("The framework was imported.");
        assertThat(heading(title)).isVisible();
        assertThat(page.locator("main .badge").first()).hasText("Draft");
        Locator tree = page.locator("#framework-tree");
        assertThat(tree.locator("details")).hasCount(2);
        assertThat(tree).containsText("Data literacy");
        assertThat(tree).containsText("User research");
        assertNoSeriousAccessibilityViolations(page);
        screenshot(page, "framework-imported");
        String frameworkAddress = page.url().replaceAll("\\?.*", "");

        // the tree folds: closing the Data area hides its competencies
        Locator dataArea = tree.locator("details").first();
        dataArea.locator("summary").click();
        assertThat(tree.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Data literacy"))).isHidden();
        dataArea.locator("summary").click();
        tree.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Data literacy")).click();
        assertThat(heading("Level descriptors")).isVisible();
        assertThat(page.getByRole(AriaRole.TABLE)).containsText("Knows where data comes from");
        assertNoSeriousAccessibilityViolations(page);

        // the draft editor of the imported framework
        page.navigate(frameworkAddress + "/edit");
        assertThat(heading("Draft version 1")).isVisible();
        // each level's fields are a named group, so that "Title (en)" says which level it names
        assertThat(page.getByRole(AriaRole.GROUP, new Page.GetByRoleOptions().setName("Level 1: Basic"))
                .getByLabel("Title (en)")).hasValue("Basic");
        assertThat(page.getByRole(AriaRole.GROUP, new Page.GetByRoleOptions().setName("Level 3: High"))).isVisible();
        assertNoSeriousAccessibilityViolations(page);
        screenshot(page, "framework-editor");
        page.locator("main a", new Page.LocatorOptions().setHasText("User research")).first().click();
        assertThat(heading("2.1 User research")).isVisible();
        assertNoSeriousAccessibilityViolations(page);
        screenshot(page, "framework-edit-item");

        // an item without a title is refused beside the field
        page.getByLabel("Title (en)").fill("");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save").setExact(true)).click();
        assertThat(page.locator("#title-error")).isVisible();
        assertNoSeriousAccessibilityViolations(page);
        screenshot(page, "framework-edit-item-error");
    }

    @Test
    void aBadFileIsRefusedOnTheImportPageWithWhatIsWrong() throws IOException {
        Path broken = files.resolve("broken.json");
        Files.writeString(broken, "{\"CFDocument\": {\"identifier\": ", StandardCharsets.UTF_8);
        Path cycle = files.resolve("cycle.csv");
        Files.writeString(cycle, """
                code,parent_code,title
                A,B,First
                B,A,Second
                """, StandardCharsets.UTF_8);
        signIn(page, "admin", "test-admin-password");
        page.navigate("/frameworks/import");

        page.getByLabel("File (CASE JSON or CSV, at most 50 MB)").setInputFiles(broken);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Show the preview")).click();

        assertThat(page).hasURL(baseUrl() + "/frameworks/import");
        assertThat(page.locator("#file-error")).containsText("The file cannot be imported, nothing was changed.");
        assertThat(page.locator("body")).not().containsText(Pattern.compile("Exception|at org\\."));
        assertNoSeriousAccessibilityViolations(page);
        screenshot(page, "framework-import-error");

        page.getByLabel("File (CASE JSON or CSV, at most 50 MB)").setInputFiles(cycle);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Show the preview")).click();
        assertThat(page.locator("#file-error")).containsText("The file cannot be imported, nothing was changed.");
        assertNoSeriousAccessibilityViolations(page);
    }

    private Locator heading(String name) {
        return page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName(name).setExact(true));
    }

    /** The value beside a term of the preview's summary. */
    private Locator definition(String term) {
        return page.locator("main dl dt", new Page.LocatorOptions().setHasText(Pattern.compile("^" + term + "$")))
                .locator("xpath=following-sibling::dd[1]");
    }
}
