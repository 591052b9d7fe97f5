package org.capacityhub.matching;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;

import org.capacityhub.assessment.domain.AnswerInput;
import org.capacityhub.assessment.domain.AssessmentService;
import org.capacityhub.assessment.domain.Delivery;
import org.capacityhub.assessment.domain.DetailsInput;
import org.capacityhub.assessment.domain.TargetProfileService;
import org.capacityhub.directory.organisation.Organisation;
import org.capacityhub.directory.organisation.OrganisationType;
import org.capacityhub.directory.person.Person;
import org.capacityhub.framework.Frameworks;
import org.capacityhub.matching.domain.Profile;
import org.capacityhub.matching.domain.ProfileService;
import org.capacityhub.matching.ranking.Visibility;
import org.capacityhub.support.BrowserTestSupport;
import org.capacityhub.support.DirectoryFixtures;
import org.capacityhub.support.DirectoryFixtures.Actor;
import org.capacityhub.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/**
 * The capacity exchange in a real browser: a civil servant (focal point of a ministry) turns a gap of the
 * ministry's submitted assessment into a request, sees helpers ranked with the reasons, contacts the best one, who
 * accepts (and only then are contact details shown); the exchange completes and both sides leave feedback. Every
 * page passes axe-core.
 */
@IntegrationTest
class MatchingBrowserTest extends BrowserTestSupport {

    private static final String PASSWORD = "correct horse battery staple";

    @Autowired
    ApplicationContext spring;

    @Test
    void aCivilServantPostsANeedFromAGapContactsTheBestHelperWhoAcceptsAndBothLeaveFeedback() {
        MatchingFixtures fixtures = new MatchingFixtures(spring);
        DirectoryFixtures directory = fixtures.directory;
        Frameworks frameworks = spring.getBean(Frameworks.class);
        AssessmentService assessments = spring.getBean(AssessmentService.class);
        TargetProfileService targets = spring.getBean(TargetProfileService.class);
        ProfileService profiles = spring.getBean(ProfileService.class);

        // a ministry whose focal point is the civil servant; its assessment is rated lowest everywhere
        Organisation ministry = directory.organisation("Ministry of Matching", OrganisationType.OTHER, null);
        Person servantPerson = directory.person("Civil servant", ministry);
        directory.focalPoint(ministry, servantPerson);
        Actor servant = directory.account(servantPerson);
        long versionId = fixtures.govstack().versionId();
        List<Frameworks.Competency> sections = frameworks.tree(versionId).stream().filter(c -> c.parentId() == null)
                .toList();
        List<Frameworks.ScaleLevel> scale = frameworks.levels(versionId);
        Map<Long, Long> top = new HashMap<>();
        sections.forEach(s -> top.put(s.id(), scale.get(scale.size() - 1).id()));
        MatchingFixtures.as(directory.admin(), () -> targets.create(versionId, "Matching target "
                + DirectoryFixtures.unique(), "OTHER", null, top));
        long assessment = MatchingFixtures.as(servant, () -> {
            long id = assessments.create(ministry.getId(), versionId, new DetailsInput(LocalDate.of(2026, 9, 1),
                    Delivery.IN_PERSON, "Room 2", "Baseline", new LinkedHashSet<>(List.of(servant.personId())),
                    List.of(new DetailsInput.ParticipantInput("Participant " + DirectoryFixtures.unique(), "CIO",
                            true))));
            for (var section : assessments.detail(id).sections()) {
                assessments.answer(id, section.competencyId(), section.version(),
                        new AnswerInput(scale.get(0).id(), "Notes", List.of(), null, List.of()));
            }
            assessments.submit(id);
            return id;
        });
        assertThat(assessment).isPositive();
        long gapCompetency = sections.get(0).id();

        // two helpers: a strong one (top level, shares the language) and a weaker one
        Actor mentor = directory.memberOf(directory.ministry("Digital agency"));
        Profile strong = fixtures.helper(mentor, gapCompetency, scale.size() - 1, Visibility.PUBLIC, "en");
        Actor weaker = directory.memberOf(directory.ministry("Other agency"));
        Profile weak = fixtures.helper(weaker, gapCompetency, 0, Visibility.PUBLIC, "sw");
        String mentorEmail = spring.getBean(org.capacityhub.directory.Directory.class).person(mentor.personId())
                .orElseThrow().email();
        String servantEmail = servantPerson.getEmail();

        // the civil servant turns the gap into a request
        signIn(page, servant.username(), PASSWORD);
        page.navigate("/matching");
        assertNoSeriousAccessibilityViolations(page);
        page.locator("#gap-reports a").first().click();
        assertThat(page.locator("h1")).containsText("Ministry of Matching");
        assertNoSeriousAccessibilityViolations(page);
        page.locator("tr[data-competency-id='" + gapCompetency + "'] .ask-for-help").click();
        assertThat(page.locator("#title")).not().isEmpty();
        page.locator("#languages").fill("en");
        assertNoSeriousAccessibilityViolations(page);
        page.locator("#post-request").click();

        // helpers ranked, with why
        Locator helpers = page.locator("#helpers .helper");
        assertThat(helpers.first()).hasAttribute("data-profile-id", String.valueOf(strong.getId()));
        assertThat(page.locator(".helper[data-profile-id='" + weak.getId() + "']")).hasCount(1);
        assertThat(helpers.first().locator(".why li").first()).containsText("Offers");
        assertThat(helpers.first().locator(".why")).containsText("Speaks English");
        assertThat(page.locator(".helper[data-profile-id='" + weak.getId() + "'] .why"))
                .containsText("No language in common");
        assertThat(page.locator("main")).not().containsText(mentorEmail);
        assertNoSeriousAccessibilityViolations(page);
        screenshot(page, "matching-ranked-helpers");

        helpers.first().locator("textarea").fill("Could you mentor our team on this?");
        helpers.first().locator("button[type=submit]").click();
        assertThat(page.locator("main")).containsText("Contacted");
        assertThat(page.locator("#messages")).containsText("Could you mentor our team on this?");
        assertThat(page.locator("main")).not().containsText(mentorEmail);
        assertNoSeriousAccessibilityViolations(page);
        String exchangeUrl = page.url();

        // the mentor accepts: contact details appear
        Page mentorPage = newContext(new Browser.NewContextOptions()).newPage();
        signIn(mentorPage, mentor.username(), PASSWORD);
        mentorPage.navigate("/matching");
        mentorPage.locator("#exchanges a").first().click();
        assertThat(mentorPage.locator("#messages")).containsText("Could you mentor our team on this?");
        assertThat(mentorPage.locator("main")).not().containsText(servantEmail);
        assertNoSeriousAccessibilityViolations(mentorPage);
        mentorPage.locator("#accept").click();
        assertThat(mentorPage.locator("#contacts")).containsText(servantEmail);
        assertThat(mentorPage.locator("#accept")).hasCount(0);
        mentorPage.locator("#start").click();
        assertThat(mentorPage.locator("#start")).hasCount(0);
        assertThat(mentorPage.locator("#complete")).isVisible();
        mentorPage.locator("#complete").click();
        assertThat(mentorPage.locator("#feedback-form")).isVisible();
        mentorPage.locator("label[for='rating-5']").click();
        assertThat(mentorPage.locator("#rating-5")).isChecked();
        mentorPage.locator("#comment").fill("A motivated team.");
        mentorPage.locator("#send-feedback").click();
        assertThat(mentorPage.locator("#feedback")).containsText("A motivated team.");
        assertNoSeriousAccessibilityViolations(mentorPage);

        // the civil servant sees the contact details and leaves feedback
        page.navigate(exchangeUrl);
        assertThat(page.locator("#contacts")).containsText(mentorEmail);
        assertThat(page.locator("#feedback-form")).isVisible();
        page.locator("label[for='rating-4']").click();
        assertThat(page.locator("#rating-4")).isChecked();
        page.locator("#comment").fill("Very helpful.");
        page.locator("#send-feedback").click();
        assertThat(page.locator("#feedback")).containsText("Very helpful.");
        assertThat(page.locator("#messages")).containsText("Accepted by the helper");
        assertNoSeriousAccessibilityViolations(page);
        screenshot(page, "matching-exchange-completed");

        Profile rated = MatchingFixtures.as(mentor, () -> profiles.visible(strong.getId()));
        assertThat(rated.getRatingCount()).isEqualTo(1);
        assertThat(rated.getRatingSum()).isEqualTo(4);
    }
}
