package org.capacityhub.assessment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.text.PDFTextStripper;
import org.capacityhub.assessment.AssessmentFixtures.Actor;
import org.capacityhub.assessment.domain.AnswerInput;
import org.capacityhub.assessment.domain.BarrierKind;
import org.capacityhub.assessment.domain.Confidence;
import org.capacityhub.assessment.domain.Views;
import org.capacityhub.directory.organisation.Organisation;
import org.capacityhub.support.IntegrationTest;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

/** The report as PDF and the raw ratings as CSV and XLSX: content, formula neutralisation and access. */
@IntegrationTest
class AssessmentExportTest {

    static final String FORMULA = "=HYPERLINK(\"http://evil.example\",\"click\")";

    @Autowired
    MockMvc mvc;
    @Autowired
    ApplicationContext context;

    AssessmentFixtures fixtures;
    Organisation ministry;
    Actor focal;
    Actor outsider;
    long id;
    Views.Detail detail;

    @BeforeEach
    void setUp() {
        fixtures = new AssessmentFixtures(context);
        ministry = fixtures.ministry("Ministry of Exports");
        focal = fixtures.focalPoint(ministry);
        outsider = fixtures.person("Outsider", fixtures.ministry("Ministry of Elsewhere"));
        id = fixtures.assessment(focal, ministry);
        fixtures.as(focal, () -> {
            Views.Detail d = fixtures.service.detail(id);
            List<Views.LevelView> levels = d.levels();
            for (Views.SectionView s : d.sections()) {
                Views.LevelView level = levels.get(s.number() % levels.size());
                String notes = s.number() == 2 ? FORMULA : "Notes for section " + s.number();
                fixtures.service.answer(id, s.competencyId(), s.version(), new AnswerInput(level.id(), notes,
                        List.of("https://example.org/doc-" + s.number()), Confidence.MEDIUM,
                        s.number() == 3 ? List.of(new AnswerInput.BarrierInput(BarrierKind.BUDGET, "-1 staff"))
                                : List.of()));
            }
            return null;
        });
        detail = fixtures.as(focal, () -> fixtures.service.detail(id));
    }

    @Test
    void thePdfIsARealPdfWithTheOrganisationAndTheLevelsAndEmbeddedFonts() throws Exception {
        byte[] bytes = mvc.perform(get("/assessments/{id}/report.pdf", id).with(focal.user()))
                .andExpect(status().isOk())
                .andExpect(content().contentType(MediaType.APPLICATION_PDF))
                .andExpect(header().string(HttpHeaders.CONTENT_DISPOSITION, containsString(".pdf")))
                .andReturn().getResponse().getContentAsByteArray();
        assertThat(new String(bytes, 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
        try (PDDocument pdf = Loader.loadPDF(bytes)) {
            String text = new PDFTextStripper().getText(pdf).replaceAll("\\s+", " ");
            assertThat(text).contains(detail.organisationName());
            for (Views.SectionView s : detail.sections()) {
                assertThat(text).contains(s.levelTitle());
            }
            assertThat(text).contains("Notes for section 1", FORMULA, "Room 4");
            List<PDFont> fonts = new ArrayList<>();
            for (PDPage page : pdf.getPages()) {
                for (var name : page.getResources().getFontNames()) {
                    fonts.add(page.getResources().getFont(name));
                }
            }
            assertThat(fonts).isNotEmpty().allMatch(PDFont::isEmbedded);
            // the radar chart is drawn as an image on the first page
            assertThat(pdf.getPage(0).getResources().getXObjectNames()).isNotEmpty();
        }
        // the API answers the same document
        mvc.perform(get("/api/v1/assessments/{id}/report.pdf", id).header(HttpHeaders.AUTHORIZATION,
                fixtures.bearer(focal))).andExpect(status().isOk()).andExpect(content().contentType(MediaType.APPLICATION_PDF));
        // the report page links to the exports
        mvc.perform(get("/assessments/{id}/report", id).with(focal.user()))
                .andExpect(content().string(containsString("/assessments/" + id + "/report.pdf")))
                .andExpect(content().string(containsString("/assessments/" + id + "/ratings.xlsx")));
    }

    @Test
    void theCsvHasOneRowPerSectionAndNeutralisesFormulas() throws Exception {
        String csv = mvc.perform(get("/assessments/{id}/ratings.csv", id).with(focal.user()))
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith("text/csv"))
                .andExpect(header().string(HttpHeaders.CONTENT_DISPOSITION, containsString("attachment")))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        List<CSVRecord> records = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(csv)).getRecords();
        assertThat(records).hasSize(detail.sections().size());
        CSVRecord first = records.get(0);
        Views.SectionView s1 = detail.sections().get(0);
        assertThat(first.get("title")).isEqualTo(s1.title());
        assertThat(first.get("level")).isEqualTo(s1.levelTitle());
        assertThat(first.get("level_rank")).isEqualTo(String.valueOf(s1.levelRank()));
        assertThat(first.get("confidence")).isEqualTo("MEDIUM");
        assertThat(first.get("evidence")).isEqualTo("https://example.org/doc-1");
        assertThat(first.get("competency_identifier")).matches("[0-9a-f-]{36}");
        assertThat(records.get(1).get("notes")).isEqualTo("'" + FORMULA);
        assertThat(records.get(2).get("barriers")).isEqualTo("BUDGET: -1 staff");
    }

    @Test
    void theXlsxHasTheSameRowsWithFormulasNeutralised() throws Exception {
        byte[] bytes = mvc.perform(get("/api/v1/assessments/{id}/ratings.xlsx", id)
                        .header(HttpHeaders.AUTHORIZATION, fixtures.bearer(focal)))
                .andExpect(status().isOk())
                .andExpect(content().contentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))
                .andReturn().getResponse().getContentAsByteArray();
        try (ReadableWorkbook workbook = new ReadableWorkbook(new ByteArrayInputStream(bytes))) {
            List<Row> rows = workbook.getFirstSheet().read();
            assertThat(rows).hasSize(detail.sections().size() + 1);
            assertThat(rows.get(0).getCellText(4)).isEqualTo("level");
            Views.SectionView s1 = detail.sections().get(0);
            assertThat(rows.get(1).getCellText(3)).isEqualTo(s1.title());
            assertThat(rows.get(1).getCellText(4)).isEqualTo(s1.levelTitle());
            assertThat(rows.get(1).getCellAsNumber(5)).hasValueSatisfying(n -> assertThat(n.intValue())
                    .isEqualTo(s1.levelRank()));
            assertThat(rows.get(2).getCellText(6)).isEqualTo("'" + FORMULA);
            assertThat(rows.get(3).getCellText(8)).isEqualTo("BUDGET: -1 staff");
        }
    }

    @Test
    void exportsFollowTheReportsAccess() throws Exception {
        for (String path : List.of("report.pdf", "ratings.csv", "ratings.xlsx")) {
            mvc.perform(get("/assessments/{id}/" + path, id).with(outsider.user())).andExpect(status().isNotFound());
            mvc.perform(get("/api/v1/assessments/{id}/" + path, id)
                            .header(HttpHeaders.AUTHORIZATION, fixtures.bearer(outsider)))
                    .andExpect(status().isNotFound())
                    .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
            mvc.perform(get("/api/v1/assessments/{id}/" + path, id)).andExpect(status().isUnauthorized());
        }
    }
}
