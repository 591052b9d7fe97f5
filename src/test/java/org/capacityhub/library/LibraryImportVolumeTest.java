package org.capacityhub.library;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import org.capacityhub.framework.Frameworks;
import org.capacityhub.framework.Frameworks.Competency;
import org.capacityhub.library.exchange.ResourceImport;
import org.capacityhub.library.exchange.ResourceImportRepository;
import org.capacityhub.library.exchange.ResourceImports;
import org.capacityhub.support.DirectoryFixtures;
import org.capacityhub.support.DirectoryFixtures.Actor;
import org.capacityhub.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

import tools.jackson.databind.ObjectMapper;

/**
 * A bigger import goes through the background job in one piece, with its progress stored on the way. The number of
 * rows is {@code -Dlibrary.import.rows} (1,000 by default; 10,000 was run by hand, see docs/library.md). Times are
 * logged, not asserted.
 */
@IntegrationTest
class LibraryImportVolumeTest {

    private static final Logger log = LoggerFactory.getLogger(LibraryImportVolumeTest.class);

    @Autowired ApplicationContext context;
    @Autowired Frameworks frameworks;
    @Autowired ResourceImportRepository imports;
    @Autowired MockMvc mvc;

    @Test
    void manyRowsBecomeDraftsInTheBackground() throws Exception {
        int rows = Integer.getInteger("library.import.rows", 1_000);
        DirectoryFixtures directory = DirectoryFixtures.of(context);
        Actor importer = directory.memberOf(directory.ministry("Volume Ministry"));
        List<Competency> pair = LibraryFixtures.domainAndChild(frameworks);
        String competency = pair.get(1).frameworkIdentifier() + ":" + pair.get(1).code();
        String tag = DirectoryFixtures.unique();
        StringBuilder csv = new StringBuilder("kind,title,summary,language,competencies,licence,sdgs,cost_amount,"
                + "cost_currency,link\n");
        for (int i = 0; i < rows; i++) {
            csv.append("GUIDELINE,Volume ").append(tag).append(' ').append(i)
                    .append(",\"A summary, with commas, of guideline ").append(i).append("\",en,").append(competency)
                    .append(",CC-BY-4.0,4|16,").append(i % 2 == 0 ? "0," : "25.50,EUR")
                    .append(i % 2 == 0 ? "" : "").append(",https://example.org/guide/").append(i).append('\n');
        }
        long start = System.nanoTime();
        String body = mvc.perform(multipart("/api/v1/library/imports")
                .file(new MockMultipartFile("file", "volume.csv", "text/csv",
                        csv.toString().getBytes(StandardCharsets.UTF_8)))
                .header("Authorization", directory.bearer(importer)))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        var preview = new ObjectMapper().readTree(body);
        long id = preview.get("id").asLong();
        assertThat(preview.get("rows").asInt()).isEqualTo(rows);
        if (rows > ResourceImports.CHECK_IN_REQUEST) {
            // a big file is checked in the background
            assertThat(preview.get("state").asText()).isEqualTo(ResourceImport.CHECKING);
        }
        ResourceImport previewed = awaitNot(id, ResourceImport.CHECKING);
        long checked = System.nanoTime();
        assertThat(previewed.getState()).isEqualTo(ResourceImport.READY);
        assertThat(previewed.getErrorCount()).isZero();
        mvc.perform(post("/api/v1/library/imports/" + id + "/confirm").header("Authorization",
                directory.bearer(importer))).andExpect(status().isAccepted());
        boolean sawProgress = false;
        long deadline = System.nanoTime() + Duration.ofMinutes(15).toNanos();
        ResourceImport state = imports.findById(id).orElseThrow();
        while (!state.finished() && System.nanoTime() < deadline) {
            sawProgress |= state.getDone() > 0 && state.getDone() < rows;
            Thread.sleep(200);
            state = imports.findById(id).orElseThrow();
        }
        long written = System.nanoTime();
        assertThat(state.getState()).isEqualTo(ResourceImport.DONE);
        assertThat(state.getDone()).isEqualTo(rows);
        log.info("Library import of {} rows: preview {} ms, job {} ms (progress seen on the way: {})", rows,
                (checked - start) / 1_000_000, (written - checked) / 1_000_000, sawProgress);
        if (rows >= 1_000) {
            assertThat(sawProgress).as("progress stored while the job ran").isTrue();
        }
    }

    @Test
    void aBigFileWithAnErrorIsRefusedAfterItsBackgroundCheck() throws Exception {
        DirectoryFixtures directory = DirectoryFixtures.of(context);
        Actor importer = directory.memberOf(directory.ministry("Volume Invalid Ministry"));
        String tag = DirectoryFixtures.unique();
        StringBuilder csv = new StringBuilder("kind,title,language,licence\n");
        for (int i = 0; i < ResourceImports.CHECK_IN_REQUEST + 100; i++) {
            csv.append("GUIDELINE,Big invalid ").append(tag).append(' ').append(i).append(",en,")
                    .append(i == 550 ? "not a licence" : "CC-BY-4.0").append('\n');
        }
        String body = mvc.perform(multipart("/api/v1/library/imports")
                .file(new MockMultipartFile("file", "big.csv", "text/csv", csv.toString().getBytes(StandardCharsets.UTF_8)))
                .header("Authorization", directory.bearer(importer)))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        long id = new ObjectMapper().readTree(body).get("id").asLong();
        mvc.perform(post("/api/v1/library/imports/" + id + "/confirm").header("Authorization",
                directory.bearer(importer))).andExpect(status().isConflict());
        ResourceImport checked = awaitNot(id, ResourceImport.CHECKING);
        assertThat(checked.getState()).isEqualTo(ResourceImport.INVALID);
        assertThat(checked.getErrorCount()).isEqualTo(1);
        assertThat(checked.getStorage()).isNull();
        mvc.perform(get("/api/v1/library/imports/" + id).header("Authorization", directory.bearer(importer)))
                .andExpect(status().isOk()).andExpect(jsonPath("$.errors[0].row").value(552))
                .andExpect(jsonPath("$.errors[0].column").value("licence"));
        // the page polling the check reloads itself when it is over
        mvc.perform(get("/library/imports/" + id + "/progress").with(DirectoryFixtures.as(importer)))
                .andExpect(status().isOk()).andExpect(header().string("HX-Refresh", "true"));
    }

    private ResourceImport awaitNot(long id, String state) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofMinutes(15).toNanos();
        ResourceImport found = imports.findById(id).orElseThrow();
        while (state.equals(found.getState()) && System.nanoTime() < deadline) {
            Thread.sleep(200);
            found = imports.findById(id).orElseThrow();
        }
        return found;
    }
}
