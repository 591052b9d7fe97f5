package org.capacityhub.assessment;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;

import org.capacityhub.assessment.AssessmentFixtures.Actor;
import org.capacityhub.assessment.domain.AnswerInput;
import org.capacityhub.directory.organisation.Organisation;
import org.capacityhub.support.BrowserTestSupport;
import org.capacityhub.support.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/**
 * Nothing typed is lost, in a real browser (Debian's Chromium, shared through {@link BrowserTestSupport}):
 * autosave, a dropped connection ({@code context.setOffline}), a session that expired meanwhile (sign in again in
 * another tab), and a stale section shown beside the facilitator's input; and the facilitator's pages pass axe-core.
 */
@IntegrationTest
class AssessmentOfflineBrowserTest extends BrowserTestSupport {

    private static final String PASSWORD = "a long test password";

    @Autowired
    ApplicationContext spring;

    AssessmentFixtures fixtures;

    @BeforeEach
    void fixtures() {
        fixtures = new AssessmentFixtures(spring);
    }

    private void signIn(Page page, Actor actor) {
        signIn(page, actor.username(), PASSWORD);
    }

    private String notes(Actor actor, long id, int section) {
        return fixtures.as(actor, () -> fixtures.service.detail(id)).sections().get(section - 1).notes();
    }

    @Test
    void inputTypedOfflineAndAfterTheSessionExpiredIsSentOnceSignedInAgain() {
        Organisation ministry = fixtures.ministry("Ministry of Lands");
        Actor focal = fixtures.focalPoint(ministry);
        fixtures.password(focal, PASSWORD);
        long id = fixtures.assessment(focal, ministry);
        signIn(page, focal);
        page.navigate("/assessments/" + id + "/sections/1");

        page.locator("#notes").fill("Typed online");
        assertThat(page.locator("#save-status")).hasAttribute("data-state", "saved");
        assertThat(notes(focal, id, 1)).isEqualTo("Typed online");

        context.setOffline(true);
        page.locator("#notes").fill("Typed while the connection was down");
        assertThat(page.locator("#save-status")).hasAttribute("data-state", "offline");
        Object kept = page.evaluate("localStorage.getItem('capacityhub.assessment." + id + ".section."
                + page.locator("#section-form").getAttribute("data-competency-id") + "')");
        assertThat(String.valueOf(kept)).contains("Typed+while+the+connection+was+down");
        assertThat(notes(focal, id, 1)).isEqualTo("Typed online");

        // the session ends while offline; the connection returns
        context.clearCookies();
        context.setOffline(false);
        page.evaluate("window.dispatchEvent(new Event('online'))");
        assertThat(page.locator("#signed-out-banner")).isVisible();
        assertThat(notes(focal, id, 1)).isEqualTo("Typed online");

        // sign in again in another tab: the input is sent by the next retry, with a fresh CSRF token
        Page other = context.newPage();
        signIn(other, focal);
        other.close();
        assertThat(page.locator("#save-status")).hasAttribute("data-state", "saved",
                new LocatorAssertions.HasAttributeOptions().setTimeout(20_000));
        assertThat(page.locator("#signed-out-banner")).isHidden();
        assertThat(notes(focal, id, 1)).isEqualTo("Typed while the connection was down");
    }

    @Test
    void inputKeptForASectionSubmittedMeanwhileIsShownToBeCopied() {
        Organisation ministry = fixtures.ministry("Ministry of Transport");
        Actor focal = fixtures.focalPoint(ministry);
        fixtures.password(focal, PASSWORD);
        long id = fixtures.assessment(focal, ministry);
        signIn(page, focal);
        page.navigate("/assessments/" + id + "/sections/1");
        context.setOffline(true);
        page.locator("#notes").fill("Never sent before the submission");
        assertThat(page.locator("#save-status")).hasAttribute("data-state", "offline");

        fixtures.rateAll(focal, id);
        fixtures.as(focal, () -> {
            fixtures.service.submit(id);
            return null;
        });
        context.setOffline(false);
        page.navigate("/assessments/" + id + "/sections/1");
        assertThat(page.locator("#section-form")).hasCount(0);
        assertThat(page.locator("#unsent-input")).isVisible();
        assertThat(page.locator("#unsent-input")).containsText("Never sent before the submission");
        page.locator("#discard-unsent").click();
        assertThat(page.locator("#unsent-input")).isHidden();
        page.reload();
        assertThat(page.locator("#unsent-input")).isHidden();
        assertThat(notes(focal, id, 1)).isEqualTo("Notes 1");
    }

    @Test
    void theFacilitatorScreenAndTheReportAreAccessible() {
        Organisation ministry = fixtures.ministry("Ministry of Health");
        Actor focal = fixtures.focalPoint(ministry);
        fixtures.password(focal, PASSWORD);
        long id = fixtures.assessment(focal, ministry);
        signIn(page, focal);
        page.setViewportSize(1280, 800);
        page.navigate("/assessments/" + id + "/sections/1");
        page.locator("label.level-button", new Page.LocatorOptions().setHasText("Moderate")).click();
        assertThat(page.getByLabel("Moderate")).isChecked();
        assertThat(page.locator("#save-status")).hasAttribute("data-state", "saved");
        // the facilitator's instructions are folded away (the screen is projected) and open on demand
        assertThat(page.locator("#facilitator-guide .guide-instructions")).isHidden();
        page.locator("#facilitator-guide summary").click();
        assertThat(page.locator("#facilitator-guide .guide-instructions"))
                .containsText("In relation to this focus group discussion:");
        assertNoSeriousAccessibilityViolations(page);
        screenshot(page, "assessment-section");
        fixtures.rateAll(focal, id);
        page.navigate("/assessments/" + id + "/report");
        assertThat(page.locator("svg#radar")).isVisible();
        assertNoSeriousAccessibilityViolations(page);
        screenshot(page, "assessment-report");
        page.navigate("/assessments/" + id);
        assertThat(page.locator("#facilitation-guide .guide-introduction"))
                .containsText("Thank you for agreeing to be part of this focus group meeting.");
        assertNoSeriousAccessibilityViolations(page);
        screenshot(page, "assessment-start");
    }

    @Test
    void aSectionSavedMeanwhileBySomeoneElseIsShownBesideMineAndNotOverwritten() {
        Organisation ministry = fixtures.ministry("Ministry of Trade");
        Actor focal = fixtures.focalPoint(ministry);
        Actor colleague = fixtures.person("Co-facilitator", null);
        fixtures.password(focal, PASSWORD);
        long id = fixtures.assessment(focal, ministry, colleague);
        signIn(page, focal);
        page.navigate("/assessments/" + id + "/sections/2");

        long competency = fixtures.as(focal, () -> fixtures.service.detail(id)).sections().get(1).competencyId();
        fixtures.as(colleague, () -> fixtures.service.answer(id, competency, 0,
                new AnswerInput(null, "Their notes", List.of(), null, List.of())));

        page.locator("#notes").fill("My notes");
        assertThat(page.locator("#conflict-banner")).isVisible();
        assertThat(notes(focal, id, 2)).isEqualTo("Their notes");

        page.locator("#compare-versions").click();
        assertThat(page.locator("#conflict")).containsText("Their notes");
        assertThat(page.locator("#notes")).hasValue("My notes");
        assertThat(notes(focal, id, 2)).isEqualTo("Their notes");

        page.locator("#save-section").click();
        page.waitForURL(url -> url.endsWith("/sections/2"));
        assertThat(page.locator("#conflict")).hasCount(0);
        assertThat(notes(focal, id, 2)).isEqualTo("My notes");
    }
}
