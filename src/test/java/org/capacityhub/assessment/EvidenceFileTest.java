package org.capacityhub.assessment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.capacityhub.assessment.AssessmentFixtures.Actor;
import org.capacityhub.assessment.domain.EvidenceFileRepository;
import org.capacityhub.directory.organisation.Organisation;
import org.capacityhub.platform.PlatformSettings;
import org.capacityhub.support.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/**
 * Evidence files: the type comes from the bytes (an executable renamed .pdf is refused), the size is limited (a
 * bigger file gets a clear 413 and nothing is stored), files are served only to those who may see the assessment
 * (others 404) with safe headers, and are frozen once the assessment is submitted.
 */
@IntegrationTest
class EvidenceFileTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    ApplicationContext context;
    @Autowired
    EvidenceFileRepository files;
    @Autowired
    PlatformSettings settings;
    @org.springframework.boot.test.web.server.LocalServerPort
    int port;

    AssessmentFixtures fixtures;
    Organisation ministry;
    Actor focal;
    Actor facilitator;
    Actor member;
    Actor outsider;
    Actor otherCoordinator;
    long id;
    long firstSection;

    @BeforeEach
    void setUp() {
        fixtures = new AssessmentFixtures(context);
        ministry = fixtures.ministry("Ministry of Evidence");
        Organisation other = fixtures.ministry("Ministry of Elsewhere");
        focal = fixtures.focalPoint(ministry);
        facilitator = fixtures.person("Facilitator", other);
        member = fixtures.person("Member", ministry);
        outsider = fixtures.person("Outsider", other);
        otherCoordinator = fixtures.coordinatorOf(other);
        id = fixtures.assessment(focal, ministry, facilitator);
        firstSection = fixtures.as(focal, () -> fixtures.service.detail(id)).sections().get(0).competencyId();
    }

    static byte[] pdf() throws Exception {
        try (PDDocument document = new PDDocument()) {
            document.addPage(new PDPage());
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            document.save(out);
            return out.toByteArray();
        }
    }

    static byte[] docx(boolean office) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            if (office) {
                zip.putNextEntry(new ZipEntry("[Content_Types].xml"));
                zip.write("<?xml version=\"1.0\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"/>".getBytes());
                zip.closeEntry();
                zip.putNextEntry(new ZipEntry("word/document.xml"));
            } else {
                zip.putNextEntry(new ZipEntry("payload.bin"));
            }
            zip.write("<w:document/>".getBytes());
            zip.closeEntry();
        }
        return out.toByteArray();
    }

    private long storedCount() throws Exception {
        Path dir = settings.dataDir().resolve("evidence");
        if (!Files.isDirectory(dir)) {
            return 0;
        }
        try (Stream<Path> list = Files.list(dir)) {
            return list.count();
        }
    }

    private MvcResult upload(Actor actor, String name, String claimedType, byte[] bytes) throws Exception {
        return mvc.perform(multipart("/assessments/{id}/sections/1/files", id)
                .file(new MockMultipartFile("file", name, claimedType, bytes)).with(actor.user()).with(csrf()))
                .andReturn();
    }

    @Test
    void aValidPdfIsStoredWithItsHashAndServedOnlyToEntitledPeople() throws Exception {
        byte[] bytes = pdf();
        MvcResult result = upload(facilitator, "../../Strategy 2026.pdf", "application/octet-stream", bytes);
        assertThat(result.getResponse().getStatus()).isEqualTo(302);
        var saved = files.findByAssessmentIdOrderByIdAsc(id);
        assertThat(saved).hasSize(1);
        var file = saved.get(0);
        assertThat(file.getMediaType()).isEqualTo("application/pdf");
        assertThat(file.getOriginalName()).isEqualTo("Strategy 2026.pdf");
        assertThat(file.getSha256()).isEqualTo(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes)));
        assertThat(file.getStoredName()).matches("[0-9a-f]{40}");
        Path stored = settings.dataDir().resolve("evidence").resolve(file.getStoredName());
        assertThat(Files.readAllBytes(stored)).isEqualTo(bytes);

        // listed on the section screen and in the report
        mvc.perform(get("/assessments/{id}/sections/1", id).with(member.user()))
                .andExpect(content().string(containsString("Strategy 2026.pdf")));
        mvc.perform(get("/assessments/{id}/report", id).with(member.user()))
                .andExpect(content().string(containsString("/assessments/" + id + "/files/" + file.getId())));

        for (Actor entitled : new Actor[] {focal, facilitator, member}) {
            mvc.perform(get("/assessments/{id}/files/{f}", id, file.getId()).with(entitled.user()))
                    .andExpect(status().isOk())
                    .andExpect(header().string(HttpHeaders.CONTENT_TYPE, "application/pdf"))
                    .andExpect(header().string("X-Content-Type-Options", "nosniff"))
                    .andExpect(header().string(HttpHeaders.CONTENT_DISPOSITION, containsString("inline")))
                    .andExpect(content().bytes(bytes));
        }
        for (Actor stranger : new Actor[] {outsider, otherCoordinator}) {
            mvc.perform(get("/assessments/{id}/files/{f}", id, file.getId()).with(stranger.user()))
                    .andExpect(status().isNotFound());
            mvc.perform(get("/api/v1/assessments/{id}/files/{f}", id, file.getId())
                    .header(HttpHeaders.AUTHORIZATION, fixtures.bearer(stranger))).andExpect(status().isNotFound());
            mvc.perform(post("/assessments/{id}/files/{f}/delete", id, file.getId()).with(stranger.user())
                    .with(csrf())).andExpect(status().isNotFound());
        }
        // a member sees but may not delete
        mvc.perform(post("/assessments/{id}/files/{f}/delete", id, file.getId()).with(member.user()).with(csrf()))
                .andExpect(status().isForbidden());
        // the file id under another assessment is not found
        long otherAssessment = fixtures.assessment(focal, ministry);
        mvc.perform(get("/assessments/{id}/files/{f}", otherAssessment, file.getId()).with(focal.user()))
                .andExpect(status().isNotFound());
    }

    @Test
    void anExecutableRenamedPdfIsRefusedAndNothingIsStored() throws Exception {
        long before = storedCount();
        byte[] elf = Files.readAllBytes(Path.of("/bin/ls"));
        MvcResult result = upload(facilitator, "minutes.pdf", "application/pdf", elf);
        assertThat(result.getResponse().getStatus()).isEqualTo(400);
        assertThat(result.getResponse().getContentAsString()).contains("is not accepted");
        byte[] windows = new byte[4096];
        windows[0] = 'M';
        windows[1] = 'Z';
        assertThat(upload(facilitator, "report.pdf", "application/pdf", windows).getResponse().getStatus())
                .isEqualTo(400);
        // a zip that only claims to be a Word document is refused too; a real one is accepted
        assertThat(upload(facilitator, "plan.docx", "application/octet-stream", docx(false)).getResponse()
                .getStatus()).isEqualTo(400);
        assertThat(files.findByAssessmentIdOrderByIdAsc(id)).isEmpty();
        assertThat(storedCount()).isEqualTo(before);
        assertThat(upload(facilitator, "plan.docx", "application/octet-stream", docx(true)).getResponse()
                .getStatus()).isEqualTo(302);
        assertThat(files.findByAssessmentIdOrderByIdAsc(id)).extracting(f -> f.getMediaType())
                .containsExactly("application/vnd.openxmlformats-officedocument.wordprocessingml.document");
        // a Word document is served as a download, never shown inline
        long fileId = files.findByAssessmentIdOrderByIdAsc(id).get(0).getId();
        mvc.perform(get("/assessments/{id}/files/{f}", id, fileId).with(focal.user()))
                .andExpect(header().string(HttpHeaders.CONTENT_DISPOSITION, containsString("attachment")));
        // CSV and plain text are accepted
        assertThat(upload(facilitator, "budget.csv", "text/csv", "year,amount\n2026,100\n".getBytes())
                .getResponse().getStatus()).isEqualTo(302);
        assertThat(files.findByAssessmentIdOrderByIdAsc(id)).extracting(f -> f.getMediaType()).contains("text/csv");
    }

    @Test
    void aTooBigFileGetsAClearErrorAndNothingIsStored() throws Exception {
        long before = storedCount();
        byte[] big = new byte[20 * 1024 * 1024 + 1];
        System.arraycopy(pdf(), 0, big, 0, 100);
        MvcResult result = upload(facilitator, "scan.pdf", "application/pdf", big);
        assertThat(result.getResponse().getStatus()).isEqualTo(413);
        assertThat(result.getResponse().getContentAsString()).contains("larger than 20 MB", "id=\"file-error\"");
        mvc.perform(multipart("/api/v1/assessments/{id}/sections/{c}/files", id, firstSection)
                        .file(new MockMultipartFile("file", "scan.pdf", "application/pdf", big))
                        .header(HttpHeaders.AUTHORIZATION, fixtures.bearer(facilitator)))
                .andExpect(status().isPayloadTooLarge())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.detail", containsString("larger than 20 MB")));
        assertThat(files.findByAssessmentIdOrderByIdAsc(id)).isEmpty();
        assertThat(storedCount()).isEqualTo(before);
    }

    @Test
    void anUploadAboveTheServersLimitIsRefusedWith413AndNothingIsStored() throws Exception {
        long before = storedCount();
        String boundary = "bench" + System.nanoTime();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"huge.pdf\"\r\n"
                + "Content-Type: application/pdf\r\n\r\n").getBytes());
        body.write(new byte[61 * 1024 * 1024]);
        body.write(("\r\n--" + boundary + "--\r\n").getBytes());
        var client = java.net.http.HttpClient.newHttpClient();
        var response = client.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://localhost:" + port
                        + "/api/v1/assessments/" + id + "/sections/" + firstSection + "/files"))
                .header(HttpHeaders.AUTHORIZATION, fixtures.bearer(facilitator))
                .header(HttpHeaders.CONTENT_TYPE, "multipart/form-data; boundary=" + boundary)
                .POST(java.net.http.HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.headers().map() + " " + response.body()).isEqualTo(413);
        // above the server's multipart limit, no controller runs: the platform answers a problem document
        assertThat(response.headers().firstValue(HttpHeaders.CONTENT_TYPE)).hasValueSatisfying(
                t -> assertThat(t).startsWith(MediaType.APPLICATION_PROBLEM_JSON_VALUE));
        assertThat(response.body()).contains("The upload is larger than 60 MB: nothing was stored");
        assertThat(files.findByAssessmentIdOrderByIdAsc(id)).isEmpty();
        assertThat(storedCount()).isEqualTo(before);
    }

    @Test
    void theApiUploadsListsAndDeletesWhileEditableAndFilesAreFrozenOnceSubmitted() throws Exception {
        String token = fixtures.bearer(facilitator);
        mvc.perform(multipart("/api/v1/assessments/{id}/sections/{c}/files", id, firstSection)
                        .file(new MockMultipartFile("file", "notes.txt", "text/plain", "Seen at the ministry".getBytes()))
                        .header(HttpHeaders.AUTHORIZATION, token))
                .andExpect(status().isCreated()).andExpect(jsonPath("$.mediaType").value("text/plain"))
                .andExpect(jsonPath("$.competencyId").value(firstSection));
        mvc.perform(multipart("/api/v1/assessments/{id}/sections/{c}/files", id, firstSection)
                        .file(new MockMultipartFile("file", "deck.pdf", "application/pdf", pdf()))
                        .header(HttpHeaders.AUTHORIZATION, token))
                .andExpect(status().isCreated());
        List<Long> ids = files.findByAssessmentIdOrderByIdAsc(id).stream().map(f -> f.getId()).toList();
        mvc.perform(get("/api/v1/assessments/{id}/files", id).header(HttpHeaders.AUTHORIZATION, token))
                .andExpect(status().isOk()).andExpect(jsonPath("$.length()").value(2));
        mvc.perform(get("/api/v1/assessments/{id}/files/{f}", id, ids.get(0)).header(HttpHeaders.AUTHORIZATION, token))
                .andExpect(status().isOk())
                .andExpect(header().string(HttpHeaders.CONTENT_DISPOSITION, containsString("attachment")))
                .andExpect(content().string("Seen at the ministry"));
        String stored = files.findById(ids.get(0)).orElseThrow().getStoredName();
        mvc.perform(delete("/api/v1/assessments/{id}/files/{f}", id, ids.get(0)).header(HttpHeaders.AUTHORIZATION, token))
                .andExpect(status().isNoContent());
        assertThat(files.findById(ids.get(0))).isEmpty();
        assertThat(settings.dataDir().resolve("evidence").resolve(stored)).doesNotExist();

        fixtures.rateAll(facilitator, id);
        fixtures.as(facilitator, () -> {
            fixtures.service.submit(id);
            return null;
        });
        mvc.perform(delete("/api/v1/assessments/{id}/files/{f}", id, ids.get(1)).header(HttpHeaders.AUTHORIZATION, token))
                .andExpect(status().isConflict());
        mvc.perform(multipart("/api/v1/assessments/{id}/sections/{c}/files", id, firstSection)
                        .file(new MockMultipartFile("file", "late.pdf", "application/pdf", pdf()))
                        .header(HttpHeaders.AUTHORIZATION, token))
                .andExpect(status().isConflict());
        assertThat(upload(facilitator, "late.pdf", "application/pdf", pdf()).getResponse().getStatus()).isEqualTo(409);
        assertThat(files.findByAssessmentIdOrderByIdAsc(id)).hasSize(1);
        // no upload form once submitted, the file still listed
        mvc.perform(get("/assessments/{id}/sections/1", id).with(facilitator.user()))
                .andExpect(content().string(containsString("deck.pdf")))
                .andExpect(content().string(org.hamcrest.Matchers.not(containsString("id=\"evidence-upload\""))));
    }
}
