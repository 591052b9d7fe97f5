package org.capacityhub.directory;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import java.util.List;
import java.util.regex.Pattern;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.SelectOption;

import org.capacityhub.directory.organisation.Organisation;
import org.capacityhub.directory.person.Person;
import org.capacityhub.directory.programme.Programme;
import org.capacityhub.support.BrowserTestSupport;
import org.capacityhub.support.DirectoryFixtures;
import org.capacityhub.support.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/**
 * The directory pages in a real browser, as an administrator uses them: organisations (tree, filters, detail, form
 * with its errors), people and programmes (list, detail, form). The axe-core audit runs on every page and state.
 */
@IntegrationTest
class DirectoryBrowserTest extends BrowserTestSupport {

    @Autowired
    ApplicationContext applicationContext;

    DirectoryFixtures fixtures;
    Organisation ministry;
    Organisation unit;
    Person person;

    @BeforeEach
    void data() {
        fixtures = DirectoryFixtures.of(applicationContext);
        ministry = fixtures.ministry("Browser Ministry of Roads");
        unit = fixtures.unit("Browser Department of Bridges", ministry);
        person = fixtures.person("Browser Person", unit);
        signIn(page, "admin", "test-admin-password");
    }

    @Test
    void organisationsTreeFiltersDetailAndAFormWithItsErrors() {
        page.navigate("/organisations");
        assertThat(heading("Organisations")).isVisible();
        assertThat(page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(ministry.getName())))
                .isVisible();
        assertNoSeriousAccessibilityViolations(page);
        screenshot(page, "organisations");

        // filters: name, kind, country; the matching unit shows inside its organisation
        Locator filters = page.getByRole(AriaRole.SEARCH);
        filters.getByLabel("Name or acronym").fill(unit.getName());
        filters.getByLabel("Kind").selectOption(new SelectOption().setLabel("Department"));
        filters.getByLabel("Country").selectOption("KE");
        filters.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Filter")).click();
        assertThat(page).hasURL(Pattern.compile("q=.*&type=DEPARTMENT&country=KE"));
        Locator tree = page.locator("main ul.org-tree");
        assertThat(tree.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName(ministry.getName())))
                .isVisible();
        assertThat(tree.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName(unit.getName())))
                .isVisible();
        assertNoSeriousAccessibilityViolations(page);
        screenshot(page, "organisations-filtered");

        filters.getByLabel("Name or acronym").fill("no such organisation " + DirectoryFixtures.unique());
        filters.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Filter")).click();
        assertThat(page.locator("main")).containsText("No organisation matches these filters.");
        assertNoSeriousAccessibilityViolations(page);

        page.navigate("/organisations/" + ministry.getId());
        assertThat(heading(ministry.getName())).isVisible();
        assertThat(page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(unit.getName()))).isVisible();
        assertNoSeriousAccessibilityViolations(page);
        screenshot(page, "organisation-detail");

        page.navigate("/organisations/" + unit.getId());
        assertThat(heading(unit.getName())).isVisible();
        assertThat(page.locator("main")).containsText(person.getFullName());
        assertNoSeriousAccessibilityViolations(page);

        // the form, sent empty: every error beside its field, and the page still passes the audit
        page.navigate("/organisations");
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Add an organisation")).click();
        assertThat(heading("New organisation")).isVisible();
        assertNoSeriousAccessibilityViolations(page);
        screenshot(page, "organisation-form");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save")).click();
        assertThat(page.getByLabel("Name", new Page.GetByLabelOptions().setExact(true)))
                .hasAttribute("aria-invalid", "true");
        assertThat(page.locator("#name-error")).hasText("The name is required.");
        assertNoSeriousAccessibilityViolations(page);
        screenshot(page, "organisation-form-errors");

        // then filled in: created, and shown
        String name = "Browser Agency " + DirectoryFixtures.unique();
        page.getByLabel("Name", new Page.GetByLabelOptions().setExact(true)).fill(name);
        page.getByLabel("Kind").selectOption("AGENCY");
        page.getByLabel("Country").selectOption("KE");
        page.getByLabel("Website").fill("not a website");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save")).click();
        assertThat(page.locator("#website-error")).isVisible();
        assertNoSeriousAccessibilityViolations(page);
        page.getByLabel("Website").fill("https://agency.example");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save")).click();
        assertThat(heading(name)).isVisible();
        assertThat(page.getByRole(AriaRole.STATUS).first()).hasText("The organisation is created.");
        assertNoSeriousAccessibilityViolations(page);

        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Edit").setExact(true)).click();
        assertThat(heading("Edit " + name)).isVisible();
        assertNoSeriousAccessibilityViolations(page);
    }

    @Test
    void peopleListDetailAndForm() {
        page.navigate("/people");
        assertThat(heading("People")).isVisible();
        assertNoSeriousAccessibilityViolations(page);
        screenshot(page, "people");

        page.getByLabel("Name, e-mail or position").fill(person.getFullName());
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Search")).click();
        Locator link = page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(person.getFullName()));
        assertThat(link).isVisible();
        assertNoSeriousAccessibilityViolations(page);

        link.click();
        assertThat(heading(person.getFullName())).isVisible();
        assertNoSeriousAccessibilityViolations(page);
        screenshot(page, "person-detail");

        page.navigate("/people/new");
        assertThat(heading("New person")).isVisible();
        assertNoSeriousAccessibilityViolations(page);
        page.getByLabel("E-mail").fill("not an address");
        page.getByLabel("Languages").fill("english!");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save")).click();
        assertThat(page.locator("main [aria-invalid=true]").first()).isVisible();
        assertThat(page.locator("main .invalid-feedback").first()).isVisible();
        assertNoSeriousAccessibilityViolations(page);
        screenshot(page, "person-form-errors");

        String name = "Browser Newcomer " + DirectoryFixtures.unique();
        page.getByLabel("Name", new Page.GetByLabelOptions().setExact(true)).fill(name);
        page.getByLabel("E-mail").fill(DirectoryFixtures.unique() + "@browser.example");
        page.getByLabel("Languages").fill("en, fr");
        page.getByLabel("Organisation").selectOption(String.valueOf(unit.getId()));
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save")).click();
        assertThat(heading(name)).isVisible();
        assertNoSeriousAccessibilityViolations(page);

        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Edit").setExact(true)).click();
        assertThat(heading("Edit " + name)).isVisible();
        assertNoSeriousAccessibilityViolations(page);
    }

    @Test
    void programmesListDetailAndForm() {
        Programme programme = fixtures.programme("Browser Programme", List.of(ministry), List.of(person));

        page.navigate("/programmes");
        assertThat(heading("Programmes")).isVisible();
        Locator link = page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(programme.getName()));
        assertThat(link).isVisible();
        assertNoSeriousAccessibilityViolations(page);
        screenshot(page, "programmes");

        link.click();
        assertThat(heading(programme.getName())).isVisible();
        assertThat(page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(ministry.getName())))
                .isVisible();
        assertNoSeriousAccessibilityViolations(page);
        screenshot(page, "programme-detail");

        page.navigate("/programmes");
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Add a programme")).click();
        assertNoSeriousAccessibilityViolations(page);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save")).click();
        assertThat(page.locator("#name-error")).hasText("The name is required.");
        assertNoSeriousAccessibilityViolations(page);
        screenshot(page, "programme-form-errors");

        String name = "Browser Coalition " + DirectoryFixtures.unique();
        page.getByLabel("Name", new Page.GetByLabelOptions().setExact(true)).fill(name);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save")).click();
        assertThat(heading(name)).isVisible();
        assertNoSeriousAccessibilityViolations(page);
    }

    private Locator heading(String name) {
        return page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName(name).setExact(true));
    }
}
