package org.capacityhub.planning;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import java.time.LocalDate;
import java.util.regex.Pattern;

import com.microsoft.playwright.Locator;

import org.capacityhub.support.BrowserTestSupport;
import org.capacityhub.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/** In a real browser: the gaps of a submitted assessment → generate a plan → edit → agree → progress; axe-clean. */
@IntegrationTest
class PlanBrowserTest extends BrowserTestSupport {

    private static final String PASSWORD = "correct horse battery staple";

    @Autowired
    ApplicationContext spring;

    @Test
    void generateEditAgreeAndReportProgress() {
        PlanningFixtures f = new PlanningFixtures(spring, "Ministry of Browsers");
        long profile = f.profileAllHigh();
        long assessment = f.submitted(f.ministry, 0, 1, 0, 2, 0, 1, 0, 0);

        signIn(page, f.focal.username(), PASSWORD);
        page.navigate("/plans/gaps?assessmentId=" + assessment + "&targetProfileId=" + profile);
        assertThat(page.locator("#gaps-table tbody tr")).hasCount(7);
        assertThat(page.locator("#ordering")).isVisible();
        assertNoSeriousAccessibilityViolations(page);
        screenshot(page, "planning-gaps");

        // generate: one click
        page.locator("#generate-plan").click();
        page.waitForURL(Pattern.compile(".*/plans/\\d+$"));
        assertThat(page.locator("#plan-state")).hasText("Draft");
        assertThat(page.locator("article.plan-gap")).hasCount(7);
        assertNoSeriousAccessibilityViolations(page);

        // edit: a custom activity with an owner and a due date for the first gap
        Locator first = page.locator("article.plan-gap").first();
        String gapId = first.getAttribute("data-gap-id");
        first.locator("details.add-item summary").click();
        page.locator("#new-gap-" + gapId + "-title").fill("Job shadowing at the National Digital Agency");
        page.locator("#new-gap-" + gapId + "-owner").fill("Head of ICT");
        page.locator("#new-gap-" + gapId + "-dueOn").fill(LocalDate.now().plusDays(30).toString());
        page.locator("#new-gap-" + gapId + "-hours").fill("6");
        first.locator(".add-item-button").click();
        Locator added = page.locator(".plan-item", new com.microsoft.playwright.Page.LocatorOptions()
                .setHasText("Job shadowing at the National Digital Agency"));
        assertThat(added).hasCount(1);
        // reorder: move the second gap up
        String secondGap = page.locator("article.plan-gap").nth(1).getAttribute("data-gap-id");
        page.locator("article.plan-gap").nth(1).locator("form[action$='/move'] button").first().click();
        assertThat(page.locator("article.plan-gap").first()).hasAttribute("data-gap-id", secondGap);

        // agree: review, then the focal point's sign-off
        page.locator("#submit-review").click();
        assertThat(page.locator("#plan-state")).hasText("In review");
        page.locator("#agree-note").fill("Agreed with the director");
        page.locator("#agree").click();
        assertThat(page.locator("#plan-state")).hasText("Agreed");
        assertThat(page.locator("#sign-off")).containsText(f.focal.username());

        // progress on the custom activity
        Locator item = page.locator(".plan-item", new com.microsoft.playwright.Page.LocatorOptions()
                .setHasText("Job shadowing at the National Digital Agency"));
        item.locator("select[name=status]").selectOption("IN_PROGRESS");
        item.locator("input[name=progress]").fill("50");
        item.locator(".report-form button").click();
        assertThat(page.locator("#plan-state")).hasText("In progress");
        assertThat(page.locator(".plan-item", new com.microsoft.playwright.Page.LocatorOptions()
                .setHasText("Job shadowing at the National Digital Agency")).locator(".item-progress")).hasText("50 %");
        assertThat(page.locator("#progress-label")).not().hasText("Progress: 0 %");
        assertNoSeriousAccessibilityViolations(page);
        screenshot(page, "planning-plan");
    }

    @Test
    void aCivilServantMakesTheirOwnPlanFromTheirGapsAndSharesIt() {
        PlanningFixtures f = new PlanningFixtures(spring, "Ministry of Own Plans");
        long version = f.govstack().versionId();
        var scale = f.scale();
        var tree = f.frameworks.tree(version);
        var parents = tree.stream().map(org.capacityhub.framework.Frameworks.Competency::parentId)
                .filter(java.util.Objects::nonNull).collect(java.util.stream.Collectors.toSet());
        var leaves = tree.stream().filter(c -> !parents.contains(c.id())).toList();
        var selfAssessments = spring.getBean(org.capacityhub.assessment.individual.SelfAssessmentService.class);
        var servant = f.directory.memberOf(f.ministry);
        PlanningFixtures.as(servant, () -> {
            long id = selfAssessments.start(version, null, null);
            var ratings = new java.util.LinkedHashMap<Long, org.capacityhub.assessment.individual.RatingInput>();
            for (int i = 0; i < leaves.size(); i++) {
                ratings.put(leaves.get(i).id(), new org.capacityhub.assessment.individual.RatingInput(
                        scale.get(i < 3 ? 0 : scale.size() - 1).id(), null, java.util.List.of()));
            }
            selfAssessments.rate(id, ratings);
            selfAssessments.submit(id);
            return id;
        });

        signIn(page, servant.username(), PASSWORD);
        page.navigate("/plans");
        page.locator("#my-plan").click();
        page.waitForURL(Pattern.compile(".*/plans/mine$"));
        assertNoSeriousAccessibilityViolations(page);
        page.locator("#my-versions a").first().click();
        page.waitForURL(Pattern.compile(".*/plans/mine/gaps.*"));
        assertThat(page.locator("#gaps-table tbody tr")).hasCount(3);
        assertThat(page.locator("#ordering")).isVisible();
        assertNoSeriousAccessibilityViolations(page);
        screenshot(page, "planning-my-gaps");

        // leave out the last gap, then generate
        page.locator("#gaps-table tbody tr").last().locator("input[type=checkbox]").uncheck();
        page.locator("#generate-plan").click();
        page.waitForURL(Pattern.compile(".*/plans/\\d+$"));
        assertThat(page.locator("article.plan-gap")).hasCount(2);
        assertThat(page.locator("#sharing")).isVisible();
        assertNoSeriousAccessibilityViolations(page);

        page.locator("#share").click();
        assertThat(page.locator("#unshare")).isVisible();
        page.locator("#submit-review").click();
        assertThat(page.locator("#plan-state")).hasText("In review");
        assertNoSeriousAccessibilityViolations(page);
        screenshot(page, "planning-my-plan");
    }
}
