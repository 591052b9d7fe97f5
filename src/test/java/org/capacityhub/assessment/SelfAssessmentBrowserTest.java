package org.capacityhub.assessment;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;

import org.capacityhub.assessment.AssessmentFixtures.Actor;
import org.capacityhub.assessment.domain.TargetProfileService;
import org.capacityhub.directory.organisation.Organisation;
import org.capacityhub.framework.Frameworks;
import org.capacityhub.support.BrowserTestSupport;
import org.capacityhub.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/**
 * In a real browser: a civil servant self-assesses against the UNESCO framework (one domain per page), names their
 * supervisor, who gives a second rating; the civil servant then sees both ratings side by side and their gaps
 * against the target profile of their position. Every page passes axe-core.
 */
@IntegrationTest
class SelfAssessmentBrowserTest extends BrowserTestSupport {

    private static final String PASSWORD = "a long test password";

    @Autowired
    ApplicationContext spring;

    /** Chooses the level of the given rank (0 lowest) for every competency of the page, with the keyboard. */
    private static void rateEveryCompetency(Page page, int rank) {
        List<Locator> competencies = page.locator("#ratings-form fieldset[data-competency-id]").all();
        assertThat(competencies).isNotEmpty();
        for (Locator competency : competencies) {
            Locator radio = competency.locator("input[type=radio]").nth(rank);
            radio.focus();
            page.keyboard().press("Space");
            assertThat(radio).isChecked();
        }
    }

    /** Clicks a button or link that loads another page, and waits until that page has loaded. */
    private static void go(Page page, String selector) {
        page.waitForNavigation(() -> page.locator(selector).first().click());
    }

    @Test
    void aCivilServantSelfAssessesTheirSupervisorRatesAndBothRatingsAndTheGapsAreShown() {
        AssessmentFixtures fixtures = new AssessmentFixtures(spring);
        Organisation ministry = fixtures.ministry("Ministry of Public Service");
        Actor servant = fixtures.person("Civil servant", ministry);
        Actor supervisor = fixtures.person("Supervisor", ministry);
        Actor coordinator = fixtures.coordinatorOf(ministry);
        fixtures.password(servant, PASSWORD);
        fixtures.password(supervisor, PASSWORD);
        String position = "Policy officer " + AssessmentFixtures.unique();
        fixtures.transaction.executeWithoutResult(s -> {
            var p = fixtures.people.findById(servant.personId()).orElseThrow();
            p.describeRole(position, null, p.getOrganisation());
        });
        long versionId = fixtures.unesco().versionId();
        List<Frameworks.Competency> domains = fixtures.frameworks.tree(versionId).stream()
                .filter(c -> c.parentId() == null).toList();
        List<Frameworks.ScaleLevel> scale = fixtures.frameworks.levels(versionId);
        TargetProfileService targets = spring.getBean(TargetProfileService.class);
        fixtures.as(coordinator, () -> targets.create(versionId, "Policy officers " + position, null, position,
                Map.of(domains.get(0).id(), scale.get(2).id(), domains.get(1).id(), scale.get(1).id(),
                        domains.get(2).id(), scale.get(1).id())));
        String supervisorName = fixtures.people.findById(supervisor.personId()).orElseThrow().getFullName();

        // the civil servant starts a UNESCO self-assessment and names their supervisor
        signIn(page, servant.username(), PASSWORD);
        page.navigate("/self-assessments");
        assertNoSeriousAccessibilityViolations(page);
        page.locator("#frameworkVersionId").selectOption(String.valueOf(versionId));
        page.locator("#raterPersonId").selectOption(String.valueOf(supervisor.personId()));
        page.locator("#raterRole").selectOption("SUPERVISOR");
        go(page, "#start");

        // one domain per page: Basic everywhere, a comment and evidence on the first competency
        assertThat(page.locator("h1")).hasText(domains.get(0).title());
        assertNoSeriousAccessibilityViolations(page);
        rateEveryCompetency(page, 0);
        page.locator("#ratings-form textarea[id^=comment-]").first().fill("I use systems maps in my daily work");
        page.locator("#ratings-form textarea[id^=evidence-]").first().fill("not a link");
        go(page, "#next");
        // a bad link is refused beside the field and nothing typed is lost
        assertThat(page.locator(".invalid-feedback").first()).containsText("http or https");
        assertThat(page.locator("#ratings-form textarea[id^=comment-]").first())
                .hasValue("I use systems maps in my daily work");
        assertThat(page.locator("#ratings-form fieldset[data-competency-id] input[type=radio]:checked"))
                .hasCount((int) fixtures.frameworks.tree(versionId).stream()
                        .filter(c -> Long.valueOf(domains.get(0).id()).equals(c.parentId())).count());
        page.locator("#ratings-form textarea[id^=evidence-]").first().fill("https://example.org/my-systems-map");
        go(page, "#next");
        assertThat(page.locator("h1")).hasText(domains.get(1).title());
        rateEveryCompetency(page, 0);
        go(page, "#next");
        assertThat(page.locator("h1")).hasText(domains.get(2).title());
        rateEveryCompetency(page, 1);
        go(page, "#next");

        // the overview: everything rated, submit
        assertThat(page.locator("#state")).hasAttribute("data-state", "DRAFT");
        assertNoSeriousAccessibilityViolations(page);
        go(page, "#submit");
        assertThat(page.locator("#problem")).hasCount(0);
        assertThat(page.locator("#state")).hasAttribute("data-state", "SUBMITTED");
        assertThat(page.locator("#submit")).hasCount(0);

        // the supervisor finds the request in their inbox and gives their own rating (Moderate everywhere)
        Page boss = newContext(new Browser.NewContextOptions()).newPage();
        signIn(boss, supervisor.username(), PASSWORD);
        boss.navigate("/self-assessments/inbox");
        assertNoSeriousAccessibilityViolations(boss);
        go(boss, "#requests a");
        go(boss, "#rate");
        assertNoSeriousAccessibilityViolations(boss);
        assertThat(boss.locator("#ratings-form")).containsText("I use systems maps in my daily work");
        for (int n = 0; n < 3; n++) {
            rateEveryCompetency(boss, 1);
            go(boss, "#next");
        }
        go(boss, "#rater-submit");
        assertThat(boss.locator(".alert-success")).isVisible();

        // the civil servant sees both ratings side by side, then the gaps against their position's profile
        page.reload();
        Locator first = page.locator("#ratings tbody tr").first();
        assertThat(first.locator("td.own")).hasText(scale.get(0).title());
        assertThat(first.locator("td.second")).hasText(scale.get(1).title());
        assertThat(page.locator("#rater")).containsText(supervisorName);
        go(page, "#profile-link");
        assertNoSeriousAccessibilityViolations(page);
        assertThat(page.locator("#applied-profile")).containsText("Policy officers " + position);
        Locator row = page.locator("#profile tbody tr").first();
        assertThat(row.locator("td.own")).hasText(scale.get(0).title());
        assertThat(row.locator("td.second")).hasText(scale.get(1).title());
        assertThat(row.locator("td.target")).hasText(scale.get(2).title());
        assertThat(row.locator("td.gap")).hasText("2");
        Locator last = page.locator("#profile tbody tr").last();
        assertThat(last.locator("td.gap")).hasText("0");
        screenshot(page, "self-assessment-profile");
        page.navigate("/self-assessments/history?framework=" + versionId);
        assertThat(page.locator("#history thead th")).hasCount(2);
        assertNoSeriousAccessibilityViolations(page);
    }

    @Test
    void aCoordinatorLaunchesACampaignAndTracksItAndTheAggregatePageIsAccessible() {
        AssessmentFixtures fixtures = new AssessmentFixtures(spring);
        Organisation ministry = fixtures.ministry("Ministry of Campaigns");
        Actor coordinator = fixtures.coordinatorOf(ministry);
        Actor invited = fixtures.person("Invited", ministry);
        Actor focal = fixtures.focalPoint(ministry);
        fixtures.password(coordinator, PASSWORD);
        fixtures.password(focal, PASSWORD);
        long versionId = fixtures.unesco().versionId();
        String name = "Campaign " + AssessmentFixtures.unique();

        signIn(page, coordinator.username(), PASSWORD);
        page.navigate("/campaigns");
        assertNoSeriousAccessibilityViolations(page);
        go(page, "#new-campaign");
        assertNoSeriousAccessibilityViolations(page);
        page.locator("#name").fill(name);
        page.locator("#frameworkVersionId").selectOption(String.valueOf(versionId));
        page.locator("#deadline").fill(java.time.LocalDate.now().plusDays(20).toString());
        page.locator("#campaign-form input[name=organisationIds][value='" + ministry.getId() + "']").check();
        page.locator("#campaign-form input[name=personIds][value='" + invited.personId() + "']").check();
        go(page, "#launch");
        assertThat(page.locator("h1")).hasText(name);
        Locator row = page.locator("#tracker tbody tr[data-organisation-id='" + ministry.getId() + "']");
        assertThat(row.locator("td.not-done")).hasText("1");
        assertNoSeriousAccessibilityViolations(page);
        go(page, "#remind");
        assertThat(page.locator("#reminded")).isVisible();
        // adding someone else of the organisation from the tracker
        go(page, "#add-participants");
        assertNoSeriousAccessibilityViolations(page);
        page.locator("#add-form input[name=personIds][value='" + focal.personId() + "']").check();
        go(page, "#add");
        assertThat(page.locator("#added")).isVisible();
        assertThat(row.locator("td.not-done")).hasText("2");

        Page other = newContext(new Browser.NewContextOptions()).newPage();
        signIn(other, focal.username(), PASSWORD);
        other.navigate("/self-assessments/organisations?organisation=" + ministry.getId() + "&framework=" + versionId);
        assertThat(other.locator("#aggregate")).isVisible();
        assertNoSeriousAccessibilityViolations(other);
    }
}
