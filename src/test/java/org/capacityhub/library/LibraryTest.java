package org.capacityhub.library;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.capacityhub.support.DirectoryFixtures.as;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import org.capacityhub.directory.organisation.Organisation;
import org.capacityhub.framework.Frameworks;
import org.capacityhub.framework.Frameworks.Competency;
import org.capacityhub.library.domain.ExtractionStatus;
import org.capacityhub.library.domain.LibraryService;
import org.capacityhub.library.domain.Resource;
import org.capacityhub.library.domain.ResourceInput;
import org.capacityhub.library.domain.ResourceRepository;
import org.capacityhub.library.domain.ResourceStatus;
import org.capacityhub.library.domain.Visibility;
import org.capacityhub.library.search.IndexHealth;
import org.capacityhub.library.search.LibrarySearch;
import org.capacityhub.library.search.SearchQuery;
import org.capacityhub.planning.CompetencyTarget;
import org.capacityhub.planning.PlanConstraints;
import org.capacityhub.planning.Suggestion;
import org.capacityhub.planning.SuggestionRequest;
import org.capacityhub.platform.InvalidInputException;
import org.capacityhub.platform.NotFoundException;
import org.capacityhub.support.DirectoryFixtures;
import org.capacityhub.support.DirectoryFixtures.Actor;
import org.capacityhub.support.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.test.web.servlet.MockMvc;

@IntegrationTest
class LibraryTest {

    @Autowired ApplicationContext context;
    @Autowired LibraryService service;
    @Autowired LibrarySearch search;
    @Autowired LibrarySuggestions suggestions;
    @Autowired ResourceRepository resources;
    @Autowired Frameworks frameworks;
    @Autowired IndexHealth index;
    @Autowired MockMvc mvc;

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
        organisation = directory.ministry("Library Ministry");
        author = directory.memberOf(organisation);
        reviewer = directory.memberOf(organisation);
        colleague = directory.memberOf(organisation);
        outsider = directory.memberOf(directory.ministry("Other Ministry"));
        List<Competency> pair = LibraryFixtures.domainAndChild(frameworks);
        domain = pair.get(0);
        child = pair.get(1);
    }

    private long draft(String title, String summary, Visibility visibility, Integer level) {
        return LibraryFixtures.as(author, () -> service.create(
                LibraryFixtures.input(title, summary, Set.of(child.id()), visibility, level, "en")));
    }

    private void publish(long id) {
        LibraryFixtures.run(author, () -> service.submit(id, Set.of(reviewer.personId())));
        LibraryFixtures.run(reviewer, () -> service.publish(id));
    }

    @Test
    void draftsAreSeenOnlyByAuthorAndReviewers() {
        long id = draft("Draft " + DirectoryFixtures.unique(), "A draft", Visibility.PUBLIC, null);
        assertThat(LibraryFixtures.as(author, () -> service.readable(id).getId())).isEqualTo(id);
        for (Actor other : List.of(reviewer, colleague, outsider, directory.admin())) {
            assertThatThrownBy(() -> LibraryFixtures.as(other, () -> service.readable(id)))
                    .isInstanceOf(NotFoundException.class);
        }
        LibraryFixtures.run(author, () -> service.submit(id, Set.of(reviewer.personId())));
        assertThat(LibraryFixtures.as(reviewer, () -> service.readable(id).getStatus())).isEqualTo(ResourceStatus.IN_REVIEW);
        assertThatThrownBy(() -> LibraryFixtures.as(colleague, () -> service.readable(id)))
                .isInstanceOf(NotFoundException.class);
        // only a chosen reviewer publishes; the author may not
        assertThatThrownBy(() -> LibraryFixtures.run(author, () -> service.publish(id)))
                .isInstanceOf(AccessDeniedException.class);
        LibraryFixtures.run(reviewer, () -> service.publish(id));
        assertThat(LibraryFixtures.as(outsider, () -> service.readable(id).getStatus())).isEqualTo(ResourceStatus.PUBLISHED);
    }

    @Test
    void privateResourcesAreSeenOnlyByTheirOrganisation() throws Exception {
        String word = "privword" + DirectoryFixtures.unique();
        long id = draft("Private " + word, "Internal " + word, Visibility.PRIVATE, null);
        publish(id);
        assertThat(LibraryFixtures.as(colleague, () -> service.readable(id).getId())).isEqualTo(id);
        assertThatThrownBy(() -> LibraryFixtures.as(outsider, () -> service.readable(id)))
                .isInstanceOf(NotFoundException.class);
        assertThat(LibraryFixtures.as(colleague, () -> search.search(SearchQuery.text(word)).total())).isEqualTo(1);
        assertThat(LibraryFixtures.as(outsider, () -> search.search(SearchQuery.text(word)).total())).isZero();
        mvc.perform(get("/library/resources/" + id).with(as(outsider))).andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/library/resources/" + id).header("Authorization", directory.bearer(outsider)))
                .andExpect(status().isNotFound());
    }

    @Test
    void anExecutableRenamedPdfIsRefusedAndNothingIsStored() throws Exception {
        long id = draft("Exe " + DirectoryFixtures.unique(), null, Visibility.PUBLIC, null);
        byte[] exe = new byte[4096];
        exe[0] = 'M';
        exe[1] = 'Z';
        exe[0x3c] = (byte) 0x80;
        exe[0x80] = 'P';
        exe[0x81] = 'E';
        long before = countFiles();
        mvc.perform(multipart("/library/resources/" + id + "/file")
                .file(new MockMultipartFile("file", "guide.pdf", "application/pdf", exe)).with(as(author))
                .with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf()))
                .andExpect(status().is3xxRedirection()).andExpect(flash().attributeExists("fileError"));
        assertThat(resources.findById(id).orElseThrow().hasFile()).isFalse();
        assertThat(countFiles()).isEqualTo(before);
        // a text file named .pdf: its content does not match its name
        assertThatThrownBy(() -> LibraryFixtures.run(author, () -> service.attachFile(id, "notes.pdf", 11,
                new java.io.ByteArrayInputStream("plain words".getBytes()))))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("does not match");
    }

    @Test
    void aTooLargeFileIsAClearErrorInPageAndApi() throws Exception {
        long id = draft("Big " + DirectoryFixtures.unique(), null, Visibility.PUBLIC, null);
        byte[] big = new byte[50 * 1024 * 1024 + 1];
        big[0] = '%';
        mvc.perform(multipart("/api/v1/library/resources/" + id + "/file")
                .file(new MockMultipartFile("file", "big.pdf", "application/pdf", big))
                .header("Authorization", directory.bearer(author)))
                .andExpect(status().isPayloadTooLarge())
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"));
        mvc.perform(multipart("/library/resources/" + id + "/file")
                .file(new MockMultipartFile("file", "big.pdf", "application/pdf", big)).with(as(author))
                .with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf()))
                .andExpect(status().is3xxRedirection()).andExpect(flash().attributeExists("fileError"));
        assertThat(resources.findById(id).orElseThrow().hasFile()).isFalse();
    }

    @Test
    void aBrokenPdfIsKeptWithExtractionMarkedFailed() throws Exception {
        long id = draft("Broken " + DirectoryFixtures.unique(), null, Visibility.PUBLIC, null);
        byte[] broken = "%PDF-1.7\n1 0 obj << /Type /Catalog garbage without end".getBytes();
        LibraryFixtures.run(author, () -> service.attachFile(id, "broken.pdf", broken.length,
                new java.io.ByteArrayInputStream(broken)));
        Resource r = awaitExtraction(id);
        assertThat(r.getExtractionStatus()).isEqualTo(ExtractionStatus.FAILED);
        assertThat(r.getExtractionMessage()).contains("could not be read");
        assertThat(r.getFileType()).isEqualTo("application/pdf");
    }

    @Test
    void pdfTextIsSearchableWithTyposAndFilteredByParentCompetency() throws Exception {
        String word = "zorblaxian" + DirectoryFixtures.unique().replaceAll("[0-9]", "");
        long id = draft("Guideline on interoperability " + DirectoryFixtures.unique(), "Short summary",
                Visibility.PUBLIC, null);
        byte[] pdf = LibraryFixtures.pdf("This guideline explains " + word + " procedures.");
        LibraryFixtures.run(author, () -> service.attachFile(id, "guide.pdf", pdf.length,
                new java.io.ByteArrayInputStream(pdf)));
        assertThat(awaitExtraction(id).getExtractionStatus()).isEqualTo(ExtractionStatus.DONE);
        publish(id);
        String typo = word.substring(0, 3) + "x" + word.substring(4);
        var found = LibraryFixtures.as(outsider, () -> search.search(new SearchQuery(typo, Set.of(domain.id()), null,
                null, null, null, null, null, null, false, 0, 20)));
        assertThat(found.hits()).extracting(h -> h.resource().getId()).containsExactly(id);
        assertThat(found.hits().get(0).snippet().html()).contains("<mark>");
        assertThat(found.facets().get("competency")).containsKey(String.valueOf(domain.id()));
        // the file is served with safe headers
        mvc.perform(get("/library/resources/" + id + "/file").with(as(outsider)))
                .andExpect(status().isOk()).andExpect(header().string("X-Content-Type-Options", "nosniff"))
                .andExpect(content().contentType("application/pdf"));
    }

    @Test
    void htmlInTextsIsRenderedInertEverywhere() throws Exception {
        String word = "inertword" + DirectoryFixtures.unique().replaceAll("[0-9]", "");
        long id = draft("<script>alert('x')</script> " + word, "<img src=x onerror=alert(1)> " + word,
                Visibility.PUBLIC, null);
        publish(id);
        String page = mvc.perform(get("/library/resources/" + id).with(as(outsider))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(page).doesNotContain("<script>alert").doesNotContain("<img src=x").contains("&lt;script&gt;");
        String results = mvc.perform(get("/library").param("q", word).with(as(outsider))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(results).doesNotContain("<script>alert").doesNotContain("<img src=x").contains("<mark>");
    }

    @Test
    void suggestionsObeyTheFitRule() {
        long fits = draft("Fits " + DirectoryFixtures.unique(), null, Visibility.PUBLIC, 1);
        long tooHigh = draft("Too high " + DirectoryFixtures.unique(), null, Visibility.PUBLIC, 2);
        long french = LibraryFixtures.as(author, () -> service.create(LibraryFixtures.input(
                "Français " + DirectoryFixtures.unique(), null, Set.of(child.id()), Visibility.PUBLIC, null, "fr")));
        long draftOnly = draft("Draft only " + DirectoryFixtures.unique(), null, Visibility.PUBLIC, 1);
        publish(fits);
        publish(tooHigh);
        publish(french);
        SuggestionRequest request = new SuggestionRequest(child.id(),
                List.of(new CompetencyTarget(child.id(), 0, 1, 3)), Set.of("en"), PlanConstraints.NONE, null, null, 50);
        List<Suggestion> found = LibraryFixtures.as(outsider, () -> suggestions.suggest(request));
        assertThat(found).allMatch(request::fits);
        assertThat(found).extracting(Suggestion::reference).contains("resource/" + fits)
                .doesNotContain("resource/" + tooHigh, "resource/" + french, "resource/" + draftOnly);
    }

    @Test
    void aPrivateResourceIsSuggestedOnlyForItsOwnOrganisationsPlans() {
        long privateOne = draft("Private suggestion " + DirectoryFixtures.unique(), null, Visibility.PRIVATE, 1);
        publish(privateOne);
        SuggestionRequest ownPlan = new SuggestionRequest(child.id(), List.of(new CompetencyTarget(child.id(), 0, 1, 3)),
                Set.of("en"), PlanConstraints.NONE, organisation.getId(), null, 50);
        SuggestionRequest otherPlan = new SuggestionRequest(child.id(),
                List.of(new CompetencyTarget(child.id(), 0, 1, 3)), Set.of("en"), PlanConstraints.NONE,
                organisation.getId() + 1_000_000, null, 50);
        // the author may read it, but a plan of another organisation would show it to people who may not
        assertThat(LibraryFixtures.as(author, () -> suggestions.suggest(ownPlan))).extracting(Suggestion::reference)
                .contains("resource/" + privateOne);
        assertThat(LibraryFixtures.as(author, () -> suggestions.suggest(otherPlan))).extracting(Suggestion::reference)
                .doesNotContain("resource/" + privateOne);
    }

    @Test
    void reindexRebuildsTheIndexFromTheDatabase() throws Exception {
        long id = draft("Reindexed " + DirectoryFixtures.unique(), null, Visibility.PUBLIC, null);
        publish(id);
        LibraryFixtures.run(directory.admin(), () -> {
            try {
                index.rebuild("test").get(60, TimeUnit.SECONDS);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        assertThat(index.indexedCount()).isEqualTo(resources.count());
        assertThat(LibraryFixtures.as(outsider, () -> search.search(SearchQuery.text("Reindexed")).total()))
                .isPositive();
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post("/api/v1/library/index/rebuild")
                .header("Authorization", directory.bearer(outsider))).andExpect(status().isForbidden());
        mvc.perform(get("/library/admin").with(as(outsider))).andExpect(status().isForbidden());
        mvc.perform(get("/library/admin").with(as(directory.admin()))).andExpect(status().isOk());
    }

    @Test
    void atomFeedOfASeriesListsItsPublishedPostsEscaped() throws Exception {
        long series = LibraryFixtures.as(author, () -> service.createSeries("Monthly <blog> & news", null, "en"));
        var input = LibraryFixtures.input("Post <b>one</b> & more", "Summary", Set.of(child.id()), Visibility.PUBLIC,
                null, "en");
        input = new org.capacityhub.library.domain.ResourceInput(org.capacityhub.library.domain.ResourceKind.BLOG_POST,
                input.title(), input.summary(), null, "en", Set.of(), null, null, null, null, null, null, null, null,
                Visibility.PUBLIC, null, Set.of(), Set.of(), null, series, null, null, null, null, null, null);
        var post = input;
        long id = LibraryFixtures.as(author, () -> service.create(post));
        publish(id);
        String feed = mvc.perform(get("/library/series/" + series + "/feed.atom").with(as(outsider)))
                .andExpect(status().isOk()).andExpect(content().contentTypeCompatibleWith("application/atom+xml"))
                .andReturn().getResponse().getContentAsString();
        assertThat(feed).contains("<feed xmlns=\"http://www.w3.org/2005/Atom\"")
                .contains("/library/resources/" + id).doesNotContain("<blog>").doesNotContain("<b>");
        // the markup typed in titles is text in the feed (whichever XML writer escapes it, and however)
        var factory = javax.xml.parsers.DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        var xml = factory.newDocumentBuilder()
                .parse(new java.io.ByteArrayInputStream(feed.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        var titles = xml.getElementsByTagNameNS("http://www.w3.org/2005/Atom", "title");
        assertThat(titles.item(0).getTextContent()).isEqualTo("Monthly <blog> & news");
        assertThat(titles.item(1).getTextContent()).isEqualTo("Post <b>one</b> & more");
        assertThat(titles.item(1).getChildNodes().getLength()).isEqualTo(1);
    }

    private Resource awaitExtraction(long id) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            Resource r = resources.findById(id).orElseThrow();
            if (r.getExtractionStatus() != ExtractionStatus.PENDING) {
                return r;
            }
            Thread.sleep(250);
        }
        throw new AssertionError("Text extraction did not finish within 60 s");
    }

    @Test
    void aTranslationsPageListsItsOriginal() throws Exception {
        String word = "transword" + DirectoryFixtures.unique();
        long original = draft("Original " + word, "The original", Visibility.PUBLIC, null);
        publish(original);
        var in = LibraryFixtures.input("Traduction " + word, "La traduction", Set.of(child.id()), Visibility.PUBLIC,
                null, "fr");
        long translation = LibraryFixtures.as(author, () -> service.create(new ResourceInput(in.kind(), in.title(),
                in.summary(), null, "fr", Set.of(), null, null, in.delivery(), in.durationHours(), null, null,
                in.licence(), null, in.visibility(), null, in.sdgs(), in.competencyIds(), original, null, null, null,
                null, null, null, null)));
        publish(translation);
        // The page loads the resource in one transaction and its translations in another (it once failed there).
        String page = mvc.perform(get("/library/resources/" + translation).with(as(outsider)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("Original " + word);
        assertThat(mvc.perform(get("/library/resources/" + original).with(as(outsider)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString())
                .contains("Traduction " + word);
    }

    private long countFiles() throws Exception {
        var dir = java.nio.file.Path.of("target/test-data/library-files");
        if (!Files.isDirectory(dir)) {
            return 0;
        }
        try (var files = Files.list(dir)) {
            return files.count();
        }
    }
}
