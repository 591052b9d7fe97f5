package org.capacityhub.library;

import static org.assertj.core.api.Assertions.assertThat;
import static org.capacityhub.support.DirectoryFixtures.as;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.StringReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.capacityhub.directory.organisation.Organisation;
import org.capacityhub.framework.Frameworks;
import org.capacityhub.framework.Frameworks.Competency;
import org.capacityhub.library.domain.Delivery;
import org.capacityhub.library.domain.LibraryService;
import org.capacityhub.library.domain.Resource;
import org.capacityhub.library.domain.ResourceInput;
import org.capacityhub.library.domain.ResourceKind;
import org.capacityhub.library.domain.ResourceRepository;
import org.capacityhub.library.domain.ResourceStatus;
import org.capacityhub.library.domain.Visibility;
import org.capacityhub.library.exchange.ResourceImport;
import org.capacityhub.library.exchange.ResourceImportRepository;
import org.capacityhub.support.DirectoryFixtures;
import org.capacityhub.support.DirectoryFixtures.Actor;
import org.capacityhub.support.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/** CSV export and import of library resources: round trip, every per-row error, access, formulas, encodings. */
@IntegrationTest
class LibraryExchangeTest {

    @Autowired ApplicationContext context;
    @Autowired LibraryService service;
    @Autowired ResourceRepository resources;
    @Autowired ResourceImportRepository imports;
    @Autowired Frameworks frameworks;
    @Autowired TransactionTemplate transaction;
    @Autowired MockMvc mvc;

    final ObjectMapper json = new ObjectMapper();
    DirectoryFixtures directory;
    Organisation organisation;
    Actor author;
    Actor reviewer;
    Actor colleague;
    Actor outsider;
    Competency domain;
    Competency child;

    @BeforeEach
    void setUp() {
        directory = DirectoryFixtures.of(context);
        organisation = directory.ministry("Exchange Ministry");
        author = directory.memberOf(organisation);
        reviewer = directory.memberOf(organisation);
        colleague = directory.memberOf(organisation);
        outsider = directory.memberOf(directory.ministry("Exchange Other Ministry"));
        List<Competency> pair = LibraryFixtures.domainAndChild(frameworks);
        domain = pair.get(0);
        child = pair.get(1);
    }

    private long create(Actor who, ResourceInput input) {
        return LibraryFixtures.as(who, () -> service.create(input));
    }

    private void publish(long id) {
        LibraryFixtures.run(author, () -> service.submit(id, Set.of(reviewer.personId())));
        LibraryFixtures.run(reviewer, () -> service.publish(id));
    }

    private String reference(Competency c) {
        return c.frameworkIdentifier() + ":" + (c.code() == null || c.code().isBlank() ? c.identifier() : c.code());
    }

    private List<CSVRecord> parse(String csv) throws Exception {
        assertThat(csv).startsWith("\ufeff");
        return CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(csv.substring(1))).getRecords();
    }

    private JsonNode upload(Actor who, String csv) throws Exception {
        return upload(who, csv.getBytes(StandardCharsets.UTF_8));
    }

    private JsonNode upload(Actor who, byte[] bytes) throws Exception {
        String body = mvc.perform(multipart("/api/v1/library/imports")
                .file(new MockMultipartFile("file", "resources.csv", "text/csv", bytes))
                .header("Authorization", directory.bearer(who)))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        return json.readTree(body);
    }

    private ResourceImport confirmAndWait(Actor who, long importId) throws Exception {
        mvc.perform(post("/api/v1/library/imports/" + importId + "/confirm").header("Authorization", directory.bearer(who)))
                .andExpect(status().isAccepted()).andExpect(jsonPath("$.state").value("QUEUED"));
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (System.nanoTime() < deadline) {
            ResourceImport i = imports.findById(importId).orElseThrow();
            if (i.finished()) {
                return i;
            }
            Thread.sleep(250);
        }
        throw new AssertionError("The import did not finish within 120 s");
    }

    private List<Resource> draftsOf(Actor who) {
        return transaction.execute(s -> {
            List<Resource> list = LibraryFixtures.as(who, () -> service.myWork()).stream()
                    .filter(r -> r.getStatus() == ResourceStatus.DRAFT).toList();
            list.forEach(r -> r.getTranslationOf());
            return list;
        });
    }

    @Test
    void anExportImportsAsItWasAsDraftsOfTheImporter() throws Exception {
        String tag = DirectoryFixtures.unique();
        ResourceInput full = new ResourceInput(ResourceKind.CASE_STUDY, "=HYPERLINK(\"http://evil\") case " + tag,
                "Summary with <b>markup</b>, commas; semicolons \"quotes\"\nand a line break", "Cover " + tag, "fr",
                Set.of("en", "pt"), "SN", "West Africa", Delivery.BLENDED, 12, new BigDecimal("150.50"), "XOF",
                "CC-BY-SA-4.0", "https://example.org/case?x=1&y=2", Visibility.PRIVATE, 1, Set.of(4, 16),
                Set.of(child.id()), null, null, "+context " + tag, "-challenge", "@approach", "results", "lessons",
                "contacts@example.org");
        long original = create(author, full);
        long translation = create(author, new ResourceInput(ResourceKind.GUIDELINE, "Translation " + tag, null, null,
                "en", Set.of(), null, null, null, null, null, null, null, null, Visibility.PUBLIC, null, Set.of(),
                Set.of(), original, null, null, null, null, null, null, null));
        String csv = mvc.perform(get("/api/v1/library/export").param("scope", "mine")
                .header("Authorization", directory.bearer(author)))
                .andExpect(status().isOk()).andExpect(content().contentTypeCompatibleWith("text/csv"))
                .andExpect(header().string("X-Content-Type-Options", "nosniff"))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        List<CSVRecord> rows = parse(csv);
        Map<String, CSVRecord> byId = rows.stream().collect(Collectors.toMap(r -> r.get("id"), r -> r));
        CSVRecord row = byId.get(String.valueOf(original));
        // formulas are neutralised; everything else is there
        assertThat(row.get("title")).startsWith("'=HYPERLINK");
        assertThat(row.get("use_context")).startsWith("'+context");
        assertThat(row.get("use_challenge")).isEqualTo("'-challenge");
        assertThat(row.get("use_approach")).isEqualTo("'@approach");
        assertThat(row.get("competencies")).isEqualTo(reference(child));
        assertThat(row.get("status")).isEqualTo("DRAFT");
        assertThat(row.get("cost_amount")).isEqualTo("150.50");
        assertThat(row.get("cost_currency")).isEqualTo("XOF");
        assertThat(row.get("sdgs")).isEqualTo("4|16");
        assertThat(row.get("other_languages").split("\\|")).containsExactlyInAnyOrder("en", "pt");
        assertThat(row.get("organisation")).contains("Exchange Ministry");
        assertThat(byId.get(String.valueOf(translation)).get("translation_of")).isEqualTo(String.valueOf(original));

        int before = draftsOf(author).size();
        JsonNode preview = upload(author, csv);
        assertThat(preview.get("state").asText()).isEqualTo("READY");
        assertThat(preview.get("errorCount").asInt()).isZero();
        ResourceImport done = confirmAndWait(author, preview.get("id").asLong());
        assertThat(done.getState()).isEqualTo(ResourceImport.DONE);
        assertThat(done.getDone()).isEqualTo(rows.size());
        assertThat(draftsOf(author)).hasSize(before + rows.size());

        Resource copy = draftsOf(author).stream().filter(r -> r.getTitle().equals(full.title()) && r.getId() != original)
                .findFirst().orElseThrow();
        assertThat(copy.getStatus()).isEqualTo(ResourceStatus.DRAFT);
        assertThat(copy.getAuthorPersonId()).isEqualTo(author.personId());
        assertThat(copy.getKind()).isEqualTo(ResourceKind.CASE_STUDY);
        assertThat(copy.getSummary()).isEqualTo(full.summary());
        assertThat(copy.getCoverText()).isEqualTo(full.coverText());
        assertThat(copy.getUseContext()).isEqualTo(full.useContext());
        assertThat(copy.getUseChallenge()).isEqualTo("-challenge");
        assertThat(copy.getUseApproach()).isEqualTo("@approach");
        assertThat(copy.getUseContacts()).isEqualTo(full.useContacts());
        assertThat(copy.getCompetencyIds()).containsExactly(child.id());
        assertThat(copy.getCompetencyScope()).contains(domain.id());
        assertThat(copy.getLevelRank()).isEqualTo(1);
        assertThat(copy.getLanguage()).isEqualTo("fr");
        assertThat(copy.getLanguages()).containsExactlyInAnyOrder("fr", "en", "pt");
        assertThat(copy.getCountryCode()).isEqualTo("SN");
        assertThat(copy.getRegion()).isEqualTo("West Africa");
        assertThat(copy.getDelivery()).isEqualTo(Delivery.BLENDED);
        assertThat(copy.getDurationHours()).isEqualTo(12);
        assertThat(copy.getCostAmount()).isEqualByComparingTo("150.50");
        assertThat(copy.getCostCurrency()).isEqualTo("XOF");
        assertThat(copy.getSdgs()).containsExactlyInAnyOrder(4, 16);
        assertThat(copy.getLicence()).isEqualTo("CC-BY-SA-4.0");
        assertThat(copy.getLinkUrl()).isEqualTo(full.linkUrl());
        assertThat(copy.getVisibility()).isEqualTo(Visibility.PRIVATE);
        Resource translationCopy = draftsOf(author).stream()
                .filter(r -> r.getTitle().equals("Translation " + tag) && r.getId() != translation).findFirst()
                .orElseThrow();
        assertThat(translationCopy.getTranslationOf().getId()).isEqualTo(original);
        // the file is gone once imported, and the import cannot run twice
        assertThat(done.getStorage()).isNull();
        mvc.perform(post("/api/v1/library/imports/" + done.getId() + "/confirm")
                .header("Authorization", directory.bearer(author))).andExpect(status().isConflict())
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"));
    }

    @Test
    void everyRowErrorIsShownAndNothingIsStored() throws Exception {
        String tag = DirectoryFixtures.unique();
        String header = "kind,title,language,competencies,licence,cost_amount,cost_currency,link,summary,sdgs,format\n";
        String csv = header
                + "GUIDELINE,Valid <script>alert(1)</script> " + tag + ",en," + reference(child) + ",CC-BY-4.0,,,,,,\n"
                + "GUIDELINE,Unknown competency,en," + child.frameworkIdentifier() + ":no-such-code,,,,,,,\n"
                + "GUIDELINE,Bad licence,en,,CC BY 4.0,,,,,,\n"
                + "GUIDELINE,Bad currency,en,,,10,EURO,,,,\n"
                + "GUIDELINE,Unknown currency,en,,,10,XYZ,,,,\n"
                + "GUIDELINE,,en,,,,,,,,\n"
                + "GUIDELINE," + "x".repeat(301) + ",en,,,,,,,,\n"
                + "GUIDELINE,Bad link,en,,,,,javascript:alert(1),,,\n"
                + "GUIDELINE,Long summary,en,,,,,,\"" + "y".repeat(10_001) + "\",,\n"
                + "NOVEL,Bad kind,en,,,,,,,,\n"
                + "GUIDELINE,Bad SDG,en,,,,,,,18,\n"
                + "GUIDELINE,Bad format,en,,,,,,,,ON_MARS\n";
        int before = draftsOf(author).size();
        JsonNode preview = upload(author, csv);
        assertThat(preview.get("state").asText()).isEqualTo("INVALID");
        List<String> errors = new ArrayList<>();
        preview.get("errors").forEach(e -> errors.add(e.get("row").asInt() + " " + e.get("column").asText() + " "
                + e.get("code").asText()));
        // row 1 is the header: the valid row (HTML is text, not an error) is row 2
        assertThat(errors).containsExactly(
                "3 competencies library.import.competency.unknown",
                "4 licence library.licence.invalid",
                "5 cost_currency library.currency.invalid",
                "6 cost_currency library.currency.invalid",
                "7 title library.required",
                "8 title library.tooLong",
                "9 link library.link.invalid",
                "10 summary library.tooLong",
                "11 kind library.import.value.invalid",
                "12 sdgs library.sdg.invalid",
                "13 format library.import.value.invalid");
        assertThat(preview.get("errors").get(0).get("message").asText()).contains("no-such-code");
        long id = preview.get("id").asLong();
        mvc.perform(post("/api/v1/library/imports/" + id + "/confirm").header("Authorization", directory.bearer(author)))
                .andExpect(status().isConflict());
        assertThat(draftsOf(author)).hasSize(before);
        assertThat(imports.findById(id).orElseThrow().getStorage()).isNull();
        // the preview page shows the errors, with what was typed rendered inert
        String page = mvc.perform(get("/library/imports/" + id).with(as(author))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(page).contains("id=\"import-errors\"").contains("no-such-code").doesNotContain("confirm-import");
    }

    @Test
    void htmlIsKeptAsTextAndRenderedInertInThePreviewAndTheDraft() throws Exception {
        String tag = DirectoryFixtures.unique();
        String title = "<script>alert('x')</script><img src=x onerror=alert(1)> " + tag;
        String csv = "title,kind,language\n\"" + title + "\",TOOLKIT,en\n";
        JsonNode preview = upload(author, csv);
        assertThat(preview.get("state").asText()).isEqualTo("READY");
        long id = preview.get("id").asLong();
        String page = mvc.perform(get("/library/imports/" + id).with(as(author))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(page).contains("&lt;script&gt;").doesNotContain("<script>alert").doesNotContain("<img src=x")
                .contains("id=\"confirm-import\"");
        mvc.perform(post("/library/imports/" + id + "/confirm").with(as(author)).with(csrf()))
                .andExpect(redirectedUrl("/library/imports/" + id));
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (!imports.findById(id).orElseThrow().finished() && System.nanoTime() < deadline) {
            Thread.sleep(250);
        }
        assertThat(imports.findById(id).orElseThrow().getState()).isEqualTo(ResourceImport.DONE);
        Resource draft = draftsOf(author).stream().filter(r -> r.getTitle().equals(title)).findFirst().orElseThrow();
        String resourcePage = mvc.perform(get("/library/resources/" + draft.getId()).with(as(author)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(resourcePage).doesNotContain("<script>alert").doesNotContain("<img src=x");
        String done = mvc.perform(get("/library/imports/" + id + "/progress").with(as(author)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(done).contains("data-state=\"DONE\"").contains("id=\"import-mine\"");
    }

    @Test
    void semicolonsAndAByteOrderMarkAreRead() throws Exception {
        String csv = "\ufefftitle;kind;language;cost_amount;cost_currency\n\"Guide; with semicolon "
                + DirectoryFixtures.unique() + "\";GUIDELINE;fr;12,50;EUR\n";
        JsonNode preview = upload(author, csv);
        assertThat(preview.get("state").asText()).isEqualTo("READY");
        assertThat(preview.get("rows").asInt()).isEqualTo(1);
    }

    @Test
    void unreadableFilesAreProblemDocuments() throws Exception {
        byte[] latin1 = "title,kind,language\nCafé,GUIDELINE,fr\n".getBytes(StandardCharsets.ISO_8859_1);
        mvc.perform(multipart("/api/v1/library/imports")
                .file(new MockMultipartFile("file", "latin1.csv", "text/csv", latin1))
                .header("Authorization", directory.bearer(author)))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"));
        mvc.perform(multipart("/api/v1/library/imports")
                .file(new MockMultipartFile("file", "odd.csv", "text/csv", "name,colour\na,b\n".getBytes()))
                .header("Authorization", directory.bearer(author)))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"));
        mvc.perform(multipart("/api/v1/library/imports")
                .file(new MockMultipartFile("file", "broken.csv", "text/csv", "title,kind\n\"unclosed,GUIDELINE\n".getBytes()))
                .header("Authorization", directory.bearer(author)))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"));
        String page = mvc.perform(multipart("/library/import").file(new MockMultipartFile("file", "empty.csv",
                "text/csv", "title\n".getBytes())).with(as(author)).with(csrf()))
                .andExpect(status().isBadRequest()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("id=\"file-error\"");
        // the body may also be the CSV itself
        mvc.perform(post("/api/v1/library/imports").contentType("text/csv")
                .content("title,kind,language\nAs body " + DirectoryFixtures.unique() + ",GUIDELINE,en\n")
                .header("Authorization", directory.bearer(author)))
                .andExpect(status().isCreated()).andExpect(jsonPath("$.state").value("READY"));
    }

    @Test
    void onlyTheImporterSeesAndConfirmsAnImport() throws Exception {
        JsonNode preview = upload(author, "title,kind,language\nMine " + DirectoryFixtures.unique() + ",GUIDELINE,en\n");
        long id = preview.get("id").asLong();
        mvc.perform(get("/api/v1/library/imports/" + id).header("Authorization", directory.bearer(colleague)))
                .andExpect(status().isNotFound());
        mvc.perform(post("/api/v1/library/imports/" + id + "/confirm")
                .header("Authorization", directory.bearer(colleague))).andExpect(status().isNotFound());
        mvc.perform(get("/library/imports/" + id).with(as(outsider))).andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/library/imports/" + id)).andExpect(status().isUnauthorized());
        mvc.perform(multipart("/api/v1/library/imports").file(new MockMultipartFile("file", "x.csv", "text/csv",
                "title\nx\n".getBytes()))).andExpect(status().isUnauthorized());
        assertThat(imports.findById(id).orElseThrow().getState()).isEqualTo(ResourceImport.READY);
    }

    @Test
    void anExportNeverLeaksDraftsOrOtherOrganisationsPrivateResources() throws Exception {
        String word = "exportword" + DirectoryFixtures.unique().replaceAll("[0-9]", "");
        long publicOne = create(author, LibraryFixtures.input("Public " + word, null, Set.of(child.id()),
                Visibility.PUBLIC, null, "en"));
        long privateOne = create(author, LibraryFixtures.input("Private " + word, null, Set.of(child.id()),
                Visibility.PRIVATE, null, "en"));
        long draft = create(author, LibraryFixtures.input("Draft " + word, null, Set.of(child.id()),
                Visibility.PUBLIC, null, "en"));
        publish(publicOne);
        publish(privateOne);
        for (Actor who : List.of(outsider, colleague, directory.admin())) {
            String csv = mvc.perform(get("/api/v1/library/export").param("q", word)
                    .header("Authorization", directory.bearer(who))).andExpect(status().isOk())
                    .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
            List<String> ids = parse(csv).stream().map(r -> r.get("id")).toList();
            assertThat(ids).contains(String.valueOf(publicOne)).doesNotContain(String.valueOf(draft));
            if (who == outsider) {
                assertThat(ids).doesNotContain(String.valueOf(privateOne));
            } else {
                assertThat(ids).contains(String.valueOf(privateOne));
            }
        }
        // the page's export follows the search filters
        String searchPage = mvc.perform(get("/library").param("q", word).param("kind", "GUIDELINE")
                .with(as(colleague))).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(searchPage).contains("/library/export.csv?q=" + word).contains("kind=GUIDELINE");
        String filtered = mvc.perform(get("/library/export.csv").param("q", word).param("kind", "TOOLKIT")
                .with(as(colleague))).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(parse(filtered)).isEmpty();
        // "mine" is one's own resources only, drafts included
        String outsiders = mvc.perform(get("/library/export.csv").param("scope", "mine").with(as(outsider)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(parse(outsiders)).isEmpty();
        String mine = mvc.perform(get("/library/export.csv").param("scope", "mine").with(as(author)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(parse(mine).stream().map(r -> r.get("id")).toList()).contains(String.valueOf(draft));
        mvc.perform(get("/api/v1/library/export")).andExpect(status().isUnauthorized());
    }

    @Test
    void aRowRefusedWhileWritingLeavesNothingBehind() throws Exception {
        String tag = DirectoryFixtures.unique();
        long original = create(author, LibraryFixtures.input("Original " + tag, null, Set.of(child.id()),
                Visibility.PUBLIC, null, "en"));
        publish(original);
        StringBuilder csv = new StringBuilder("kind,title,language\n");
        for (int i = 0; i < 250; i++) {
            csv.append("GUIDELINE,Rolled back ").append(tag).append(' ').append(i).append(",en\n");
        }
        csv.append("GUIDELINE,Translation ").append(tag).append(",fr\n");
        String withTranslation = csv.toString().replace("kind,title,language\n", "kind,title,language,translation_of\n")
                .replace(",en\n", ",en,\n").replace(",fr\n", ",fr," + original + "\n");
        int before = draftsOf(colleague).size();
        JsonNode preview = upload(colleague, withTranslation);
        assertThat(preview.get("state").asText()).isEqualTo("READY");
        // meanwhile the original becomes its author's draft again: the colleague may no longer read it
        LibraryFixtures.run(author, () -> service.newVersion(original));
        ResourceImport failed = confirmAndWait(colleague, preview.get("id").asLong());
        assertThat(failed.getState()).isEqualTo(ResourceImport.FAILED);
        assertThat(failed.getFailureRow()).isEqualTo(252);
        assertThat(failed.getFailureCode()).isEqualTo("library.translation.unknown");
        assertThat(failed.getDone()).isZero();
        assertThat(draftsOf(colleague)).hasSize(before);
        assertThat(resources.findAll().stream().filter(r -> r.getTitle().startsWith("Rolled back " + tag))).isEmpty();
        String page = mvc.perform(get("/library/imports/" + failed.getId()).with(as(colleague)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("id=\"import-failure\"").contains("252");
    }
}
