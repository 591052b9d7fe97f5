package org.capacityhub.matching;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;

import com.microsoft.playwright.Locator;

import org.capacityhub.framework.Frameworks;
import org.capacityhub.matching.domain.Profile;
import org.capacityhub.matching.ranking.Format;
import org.capacityhub.matching.ranking.Role;
import org.capacityhub.matching.ranking.Visibility;
import org.capacityhub.support.BrowserTestSupport;
import org.capacityhub.support.DirectoryFixtures.Actor;
import org.capacityhub.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/**
 * Search by capacity in a real browser: "who can help with enterprise architecture, in French, in Eastern Africa?"
 * finds the French-speaking helpers of Eastern Africa, the best first, and neither the French speaker of Western
 * Africa nor the English speaker of Kenya; the person saves the best one with a note and finds them on the Saved
 * page. Every page passes axe-core.
 */
@IntegrationTest
class MatchingSearchBrowserTest extends BrowserTestSupport {

    private static final String PASSWORD = "correct horse battery staple";

    @Autowired
    ApplicationContext spring;

    private Profile helper(MatchingFixtures fixtures, String organisation, String country, String zone, int level,
            long competency, String... languages) {
        Actor actor = fixtures.member(organisation);
        return MatchingFixtures.as(actor, () -> {
            Profile p = fixtures.profiles.mine();
            fixtures.profiles.describe(p.getId(), List.of(languages), country, zone, Visibility.PUBLIC);
            fixtures.profiles.saveEntry(p.getId(), competency, level, Set.of(Role.MENTOR, Role.TRAINER), 8,
                    Set.of(Format.ONLINE), null);
            return fixtures.profiles.visible(p.getId());
        });
    }

    @Test
    void whoCanHelpWithEnterpriseArchitectureInFrenchInEasternAfrica() {
        MatchingFixtures fixtures = new MatchingFixtures(spring);
        Frameworks.Competency architecture = fixtures.frameworks.tree(fixtures.govstack().versionId()).stream()
                .filter(c -> c.parentId() == null && c.title().toLowerCase().contains("architecture")).findFirst()
                .orElseThrow();
        long competency = architecture.id();
        Profile nairobi = helper(fixtures, "Kenyan ICT authority", "KE", "Africa/Nairobi", 2, competency, "fr", "en");
        Profile kampala = helper(fixtures, "Ugandan ICT authority", "UG", "Africa/Kampala", 1, competency, "fr");
        Profile dakar = helper(fixtures, "Senegalese ICT agency", "SN", "Africa/Dakar", 2, competency, "fr");
        Profile english = helper(fixtures, "Kenyan e-government agency", "KE", "Africa/Nairobi", 2, competency, "en");

        Actor searcher = fixtures.member("Rwandan ministry of ICT");
        MatchingFixtures.as(searcher, () -> {
            Profile p = fixtures.profiles.mine();
            fixtures.profiles.describe(p.getId(), List.of("fr"), "RW", "Africa/Kigali", Visibility.PROGRAMME);
            return null;
        });

        signIn(page, searcher.username(), PASSWORD);
        page.navigate("/matching");
        page.getByRole(com.microsoft.playwright.options.AriaRole.LINK,
                new com.microsoft.playwright.Page.GetByRoleOptions().setName("Find by capacity")).click();
        assertThat(page.locator("h1")).hasText("Find by capacity");
        assertNoSeriousAccessibilityViolations(page);

        page.locator("#competencyId").selectOption(String.valueOf(competency));
        page.locator("#language").fill("fr");
        page.locator("#region").selectOption("014"); // Eastern Africa
        page.locator("#search-form button[type=submit]").click();

        Locator results = page.locator("#helpers .helper");
        assertThat(results.first()).isVisible();
        List<String> ids = ((List<?>) results.evaluateAll("items => items.map(i => i.dataset.profileId)")).stream()
                .map(String::valueOf).toList();
        String best = String.valueOf(nairobi.getId());
        String second = String.valueOf(kampala.getId());
        assertThat(ids).contains(best, second)
                .doesNotContain(String.valueOf(dakar.getId()), String.valueOf(english.getId()));
        assertThat(ids.indexOf(best)).isLessThan(ids.indexOf(second));
        Locator top = page.locator(".helper[data-profile-id='" + best + "']");
        assertThat(top.locator(".why")).containsText("Speaks French");
        assertThat(top.locator(".why")).containsText("Offers " + architecture.title());
        assertThat(page.locator(".helper[data-profile-id='" + second + "'] .why"))
                .containsText("In the same region (Eastern Africa)");
        assertNoSeriousAccessibilityViolations(page);
        screenshot(page, "matching-search-by-capacity");

        // save the best helper with a note, then find them on the Saved page
        top.locator("a").first().click();
        assertThat(page.locator("#bookmark-form")).isVisible();
        page.locator("#note").fill("Architecture mentor for our 2027 programme");
        page.locator("#save-bookmark").click();
        assertThat(page.locator("#remove-bookmark")).isVisible();
        assertNoSeriousAccessibilityViolations(page);
        page.navigate("/matching");
        page.locator("#saved").click();
        Locator saved = page.locator("#bookmarks tr.bookmark[data-profile-id='" + best + "']");
        assertThat(saved).containsText(nairobi.getDisplayName());
        assertThat(saved.locator(".note")).hasText("Architecture mentor for our 2027 programme");
        assertNoSeriousAccessibilityViolations(page);
        screenshot(page, "matching-saved");
        saved.locator("button[type=submit]").click();
        assertThat(page.locator("#bookmarks tr.bookmark[data-profile-id='" + best + "']")).hasCount(0);
    }
}
