package org.capacityhub.assessment;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;

import org.capacityhub.assessment.AssessmentFixtures.Actor;
import org.capacityhub.assessment.survey.SurveyService;
import org.capacityhub.directory.organisation.Organisation;
import org.capacityhub.framework.Frameworks;
import org.capacityhub.support.BrowserTestSupport;
import org.capacityhub.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/**
 * In a real browser: a coordinator creates a survey and issues links; a respondent opens one in a fresh browser
 * context (no account, no cookies), answers and cannot answer twice; once enough people have answered, the
 * coordinator sees the groups side by side. Every page passes axe-core.
 */
@IntegrationTest
class SurveyBrowserTest extends BrowserTestSupport {

    private static final String PASSWORD = "a long test password";

    @Autowired
    ApplicationContext spring;
    @Autowired
    SurveyService surveys;

    @Test
    void aCoordinatorSurveysStaffAnonymouslyAndSeesTheGroupsSideBySide() {
        AssessmentFixtures fixtures = new AssessmentFixtures(spring);
        Organisation ministry = fixtures.ministry("Ministry of Surveyed Staff");
        Actor focal = fixtures.focalPoint(ministry);
        fixtures.password(focal, PASSWORD);
        signIn(page, focal.username(), PASSWORD);

        page.navigate("/surveys/new");
        assertNoSeriousAccessibilityViolations(page);
        page.locator("#organisationId").selectOption(String.valueOf(ministry.getId()));
        page.locator("#frameworkVersionId").selectOption(String.valueOf(fixtures.govstack().versionId()));
        page.locator("#title").fill("Before our focus group");
        page.locator("#groups").fill("Leadership\nICT practitioners");
        page.locator("#create-survey").click();
        assertThat(page.locator("h1")).hasText("Before our focus group");
        long surveyId = Long.parseLong(page.url().substring(page.url().lastIndexOf('/') + 1));

        page.locator("#groupId").selectOption(new com.microsoft.playwright.options.SelectOption().setLabel("Leadership"));
        page.locator("#count").fill("6");
        page.locator("#issue-links").click();
        Locator links = page.locator("#issued-links code.survey-link");
        assertThat(links).hasCount(6);
        assertNoSeriousAccessibilityViolations(page);
        List<String> tokens = links.allTextContents().stream().map(u -> u.substring(u.lastIndexOf('/') + 1)).toList();

        // the respondent: a fresh browser, no account
        BrowserContext respondentBrowser = newContext(new Browser.NewContextOptions());
        Page respondent = respondentBrowser.newPage();
        respondent.navigate("/survey/r/" + tokens.get(0));
        assertThat(respondent.locator("#respond-form")).isVisible();
        assertNoSeriousAccessibilityViolations(respondent);
        Locator fieldsets = respondent.locator("#respond-form fieldset");
        int sections = fieldsets.count();
        assertThat(sections).isEqualTo(8);
        // one section left unanswered: refused, and what was typed is still there
        for (int i = 0; i < sections - 1; i++) {
            fieldsets.nth(i).locator("input[type=radio]").nth(1).check();
        }
        fieldsets.nth(0).locator("textarea").fill("Our strategy is not shared with staff");
        respondent.locator("#send-answers").click();
        assertThat(respondent.locator("#form-error")).isVisible();
        assertThat(fieldsets.nth(0).locator("textarea")).hasValue("Our strategy is not shared with staff");
        assertThat(fieldsets.nth(1).locator("input[type=radio]").nth(1)).isChecked();
        assertNoSeriousAccessibilityViolations(respondent);
        fieldsets.nth(sections - 1).locator("input[type=radio]").nth(1).check();
        respondent.locator("#send-answers").click();
        assertThat(respondent.locator("#thanks")).isVisible();
        assertNoSeriousAccessibilityViolations(respondent);
        // the link is spent
        respondent.navigate("/survey/r/" + tokens.get(0));
        assertThat(respondent.locator("#refused")).containsText("already been used");

        // more respondents through their links: five more leaders, five ICT practitioners
        List<Frameworks.Competency> tree = fixtures.frameworks.tree(fixtures.govstack().versionId()).stream()
                .filter(c -> c.parentId() == null).toList();
        List<Frameworks.ScaleLevel> levels = fixtures.frameworks.levels(fixtures.govstack().versionId());
        long ictGroup = fixtures.as(focal, () -> surveys.detail(surveyId)).groups().get(1).id();
        List<String> ict = fixtures.as(focal, () -> surveys.issueLinks(surveyId, ictGroup, 5)).stream()
                .map(l -> l.url().substring(l.url().lastIndexOf('/') + 1)).toList();
        for (String token : tokens.subList(1, 6)) {
            answer(token, tree, levels.get(1).id());
        }
        for (String token : ict) {
            answer(token, tree, levels.get(0).id());
        }

        page.navigate("/surveys/" + surveyId + "/results");
        assertThat(page.locator("#results-while-open")).isVisible();
        page.navigate("/surveys/" + surveyId);
        page.locator("#close-survey").click();
        assertThat(page.locator("#survey-state")).hasText("Closed");
        page.locator("#open-results").click();
        Locator first = page.locator("table.survey-table").first();
        assertThat(first.locator("tbody tr")).hasCount(3);
        assertThat(first.locator("tbody tr").nth(0)).containsText("Leadership");
        assertThat(first.locator("tbody tr").nth(0).locator("td.n")).hasText("6");
        assertThat(first.locator("tbody tr").nth(1).locator("td.n")).hasText("5");
        assertThat(page.locator("p.agreement").first()).hasAttribute("data-kind", "DIFFER");
        assertThat(page.locator(".comments").first()).containsText("Our strategy is not shared with staff");
        assertNoSeriousAccessibilityViolations(page);
        screenshot(page, "survey-results");
    }

    @Test
    void theFacilitatorReadsWhatStaffSaidBeforeTheFocusGroup() {
        AssessmentFixtures fixtures = new AssessmentFixtures(spring);
        Organisation ministry = fixtures.ministry("Ministry of Prepared Focus Groups");
        Actor focal = fixtures.focalPoint(ministry);
        fixtures.password(focal, PASSWORD);
        long assessmentId = fixtures.assessment(focal, ministry);
        List<Frameworks.Competency> tree = fixtures.frameworks.tree(fixtures.govstack().versionId()).stream()
                .filter(c -> c.parentId() == null).toList();
        List<Frameworks.ScaleLevel> levels = fixtures.frameworks.levels(fixtures.govstack().versionId());
        long surveyId = fixtures.as(focal, () -> surveys.create(null, null, assessmentId, "Staff views",
                List.of("Leadership", "Staff"), null));
        var groups = fixtures.as(focal, () -> surveys.detail(surveyId)).groups();
        for (int g = 0; g < 2; g++) {
            long group = groups.get(g).id();
            long level = levels.get(g == 0 ? 2 : 0).id();
            for (var link : fixtures.as(focal, () -> surveys.issueLinks(surveyId, group, 5))) {
                answer(link.url().substring(link.url().lastIndexOf('/') + 1), tree, level);
            }
        }
        fixtures.as(focal, () -> {
            surveys.close(surveyId);
            return null;
        });

        signIn(page, focal.username(), PASSWORD);
        page.navigate("/assessments/" + assessmentId);
        assertThat(page.locator("#what-staff-said")).containsText("Staff views");
        page.locator("#what-staff-said details summary").click();
        assertThat(page.locator("#what-staff-said table.survey-table").first()).isVisible();
        assertNoSeriousAccessibilityViolations(page);

        page.navigate("/assessments/" + assessmentId + "/sections/1");
        page.locator("#staff-views summary").click();
        assertThat(page.locator("#staff-views p.agreement")).hasAttribute("data-kind", "DIFFER");
        assertNoSeriousAccessibilityViolations(page);

        page.navigate("/assessments/" + assessmentId + "/report");
        assertThat(page.locator("#benchmark")).isVisible();
        assertThat(page.locator("#change-over-time")).isVisible();
        assertNoSeriousAccessibilityViolations(page);
    }

    private void answer(String token, List<Frameworks.Competency> tree, long levelId) {
        Map<Long, Long> chosen = new HashMap<>();
        tree.forEach(c -> chosen.put(c.id(), levelId));
        surveys.respond(token, chosen, Map.of());
    }
}
