package org.capacityhub.assessment;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import com.microsoft.playwright.APIResponse;

import org.capacityhub.assessment.AssessmentFixtures.Actor;
import org.capacityhub.directory.organisation.Organisation;
import org.capacityhub.support.BrowserTestSupport;
import org.capacityhub.support.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/**
 * In a real browser: a facilitator uploads an evidence file on a section, sees it on the report, downloads the
 * report as PDF; a coordinator opens the programme heat map. The pages pass axe-core.
 */
@IntegrationTest
class AssessmentEvidenceBrowserTest extends BrowserTestSupport {

    private static final String PASSWORD = "a long test password";

    @Autowired
    ApplicationContext spring;

    @TempDir
    Path dir;

    AssessmentFixtures fixtures;

    @BeforeEach
    void fixtures() {
        fixtures = new AssessmentFixtures(spring);
    }

    @Test
    void uploadEvidenceSeeItOnTheReportAndDownloadThePdf() throws Exception {
        Organisation ministry = fixtures.ministry("Ministry of Mines");
        Actor focal = fixtures.focalPoint(ministry);
        fixtures.password(focal, PASSWORD);
        long id = fixtures.assessment(focal, ministry);
        Path evidence = dir.resolve("ICT strategy.pdf");
        Files.write(evidence, EvidenceFileTest.pdf());

        signIn(page, focal.username(), PASSWORD);
        page.navigate("/assessments/" + id + "/sections/1");
        assertThat(page.locator("#evidence-files-none")).isVisible();
        page.locator("#evidence-file").setInputFiles(evidence);
        page.locator("#evidence-upload-button").click();
        assertThat(page.locator("#evidence-file-list a.evidence-file-link")).hasText("ICT strategy.pdf");
        assertNoSeriousAccessibilityViolations(page);

        // a file that is not an accepted type: the reason beside the field, nothing added
        Path script = dir.resolve("agenda.pdf");
        Files.write(script, Files.readAllBytes(Path.of("/bin/true")));
        page.locator("#evidence-file").setInputFiles(script);
        page.locator("#evidence-upload-button").click();
        assertThat(page.locator("#file-error")).containsText("is not accepted");
        assertThat(page.locator("#evidence-file-list li")).hasCount(1);
        screenshot(page, "assessment-evidence-refused");

        page.navigate("/assessments/" + id + "/report");
        assertThat(page.locator(".report-files a.evidence-file-link")).hasText("ICT strategy.pdf");
        assertThat(page.locator("#export-pdf")).isVisible();
        assertNoSeriousAccessibilityViolations(page);

        String href = page.locator("#export-pdf").getAttribute("href");
        APIResponse pdf = page.request().get(href);
        assertThat(pdf.status()).isEqualTo(200);
        assertThat(pdf.headers().get("content-type")).isEqualTo("application/pdf");
        assertThat(pdf.headers().get("x-content-type-options")).isEqualTo("nosniff");
        assertThat(new String(pdf.body(), 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
        APIResponse file = page.request().get(page.locator(".report-files a.evidence-file-link").getAttribute("href"));
        assertThat(file.status()).isEqualTo(200);
        assertThat(file.headers().get("content-type")).isEqualTo("application/pdf");
        APIResponse xlsx = page.request().get(page.locator("#export-xlsx").getAttribute("href"));
        assertThat(xlsx.headers().get("content-disposition")).startsWith("attachment");
    }

    @Test
    void aCoordinatorSeesTheProgrammeHeatMap() {
        Organisation ministry = fixtures.ministry("Ministry of Roads");
        Actor focal = fixtures.focalPoint(ministry);
        Actor coordinator = fixtures.coordinatorOf(ministry);
        fixtures.password(coordinator, PASSWORD);
        long id = fixtures.assessment(focal, ministry);
        fixtures.rateAll(focal, id);
        fixtures.as(focal, () -> {
            fixtures.service.submit(id);
            return null;
        });
        signIn(page, coordinator.username(), PASSWORD);
        page.navigate("/assessments/heat-map");
        assertThat(page.locator("#heat-map caption")).isVisible();
        assertThat(page.locator("#heat-map tbody tr")).hasCount(1);
        assertThat(page.locator("#heat-map tbody th[scope=row]")).containsText(ministry.getName());
        assertNoSeriousAccessibilityViolations(page);
        screenshot(page, "assessment-heat-map");
    }
}
