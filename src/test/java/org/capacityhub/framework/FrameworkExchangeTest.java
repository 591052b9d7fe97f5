package org.capacityhub.framework;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.capacityhub.directory.account.ApiTokens;
import org.capacityhub.directory.account.UserAccountRepository;
import org.capacityhub.directory.person.PersonRepository;
import org.capacityhub.framework.exchange.BuiltInFrameworks;
import org.capacityhub.framework.exchange.CaseReader;
import org.capacityhub.framework.exchange.CaseWriter;
import org.capacityhub.framework.exchange.CsvFramework;
import org.capacityhub.framework.exchange.FrameworkData;
import org.capacityhub.support.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** CASE and CSV import and export through the REST API: round trips, the real sample, and refused files. */
@IntegrationTest
class FrameworkExchangeTest {

    static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    MockMvc mvc;
    @Autowired
    UserAccountRepository accounts;
    @Autowired
    PersonRepository people;
    @Autowired
    ApiTokens tokens;
    @Autowired
    JdbcTemplate jdbc;

    String admin;

    @BeforeEach
    void token() {
        admin = FrameworkTestSupport.adminToken(accounts, tokens);
    }

    static Path sample() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("shared/samples/case-v1p0-opensalt-sample.json");
            if (Files.isRegularFile(candidate)) {
                return candidate;
            }
        }
        throw new AssertionError("The CASE sample ../shared/samples/case-v1p0-opensalt-sample.json was not found "
                + "beside the project");
    }

    FrameworkData fetch(UUID identifier, Integer version) throws Exception {
        String body = mvc.perform(get("/api/v1/frameworks/" + identifier + (version == null ? "" : "?version=" + version))
                        .header("Authorization", admin))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        return JSON.treeToValue(JSON.readTree(body).get("content"), FrameworkData.class);
    }

    byte[] exportCase(UUID identifier, String lang) throws Exception {
        return mvc.perform(get("/api/v1/frameworks/" + identifier + "/export/case" + (lang == null ? "" : "?lang=" + lang))
                        .header("Authorization", admin))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
    }

    ResultActions importFile(byte[] content, String type, String query) throws Exception {
        return mvc.perform(post("/api/v1/frameworks/import" + query).header("Authorization", admin)
                .contentType(type).content(content));
    }

    @Test
    void everyBuiltInFrameworkSurvivesExportThenImportFieldByField() throws Exception {
        for (UUID id : List.of(Frameworks.GOVSTACK_SKILLS_ASSESSMENT, Frameworks.UNESCO_DIGITAL_COMPETENCIES)) {
            FrameworkData original = fetch(id, null);
            assertThat(original).isEqualTo(BuiltInFrameworks.read(BuiltInFrameworks.RESOURCES.stream()
                    .filter(r -> BuiltInFrameworks.read(r).identifier().equals(id)).findFirst().orElseThrow()));
            byte[] exported = exportCase(id, null);

            // importing a package whose CFDocument exists makes a new draft version of that framework
            String created = importFile(exported, MediaType.APPLICATION_JSON_VALUE, "")
                    .andExpect(status().isCreated())
                    .andExpect(jsonPath("$.identifier").value(id.toString()))
                    .andExpect(jsonPath("$.newFramework").value(false))
                    .andReturn().getResponse().getContentAsString();
            int version = JSON.readTree(created).get("version").asInt();
            FrameworkData reimported = fetch(id, version);
            assertFieldByField(reimported, original);
            mvc.perform(get("/api/v1/frameworks/" + id + "/changelog?from=1&to=" + version).header("Authorization", admin))
                    .andExpect(status().isOk()).andExpect(jsonPath("$.changes").isEmpty());
            mvc.perform(delete("/api/v1/frameworks/" + id + "/draft").header("Authorization", admin))
                    .andExpect(status().isNoContent());
        }
    }

    @Test
    void everyBuiltInFrameworkSurvivesCsvExportThenImportForWhatCsvCarries() throws Exception {
        for (UUID id : List.of(Frameworks.GOVSTACK_SKILLS_ASSESSMENT, Frameworks.UNESCO_DIGITAL_COMPETENCIES)) {
            FrameworkData original = fetch(id, null);
            byte[] csv = mvc.perform(get("/api/v1/frameworks/" + id + "/export/csv").header("Authorization", admin))
                    .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
            FrameworkData read = CsvFramework.read(csv, "ignored");
            assertThat(read.identifier()).isEqualTo(original.identifier());
            assertThat(read.title()).isEqualTo(original.title());
            assertThat(read.nodes()).isEqualTo(original.nodes());
            assertThat(read.scale().levels()).extracting(FrameworkData.LevelData::identifier, FrameworkData.LevelData::title)
                    .isEqualTo(original.scale().levels().stream()
                            .map(l -> org.assertj.core.groups.Tuple.tuple(l.identifier(), l.title())).toList());
        }
    }

    @Test
    void theRealCase10SampleImportsBrowsesAndExportsBack() throws Exception {
        byte[] sample = Files.readAllBytes(sample());
        UUID docId = UUID.fromString("20c5134f-423d-4097-a971-3dd5152bf507");
        importFile(sample, MediaType.APPLICATION_JSON_VALUE, "?publish=true").andExpect(status().isCreated())
                .andExpect(jsonPath("$.identifier").value(docId.toString()))
                .andExpect(jsonPath("$.newFramework").value(true));
        FrameworkData imported = fetch(docId, null);
        assertThat(imported.title()).isEqualTo(Map.of("en", "What Standards Could Be"));
        assertThat(imported.nodes()).hasSize(16);
        assertThat(imported.nodes().stream().filter(n -> n.parent() == null).map(n -> n.code()))
                .containsExactly("CCSS.Math.Content.6.RP.A", "CCSS.Math.Content.7.RP.A");
        FrameworkData.NodeData a1 = imported.nodes().stream()
                .filter(n -> "CCSS.Math.Content.6.RP.A.1".equals(n.code())).findFirst().orElseThrow();
        assertThat(imported.nodes().stream().filter(n -> n.identifier().equals(a1.parent())).findFirst()
                .orElseThrow().code()).isEqualTo("CCSS.Math.Content.6.RP.A");
        assertThat(a1.itemType()).isEqualTo("Standard");
        assertThat(a1.educationLevel()).isEqualTo("06");
        // every association other than the tree is kept: exactMatchOf, precedes, exemplar, isRelatedTo
        assertThat(imported.associations()).extracting(FrameworkData.AssociationData::type)
                .contains("exactMatchOf", "precedes", "exemplar", "isRelatedTo");
        assertThat(imported.associations()).hasSize(39 - 16);
        // the sample's text, byte for byte
        JsonNode raw = JSON.readTree(sample);
        for (JsonNode item : raw.get("CFItems")) {
            FrameworkData.NodeData node = imported.nodes().stream()
                    .filter(n -> n.identifier().toString().equals(item.get("identifier").stringValue())).findFirst()
                    .orElseThrow();
            assertThat(node.title().get("en")).isEqualTo(item.get("fullStatement").stringValue());
            if (item.get("notes") != null) {
                assertThat(node.description().get("en")).isEqualTo(item.get("notes").stringValue());
            }
        }
        // browses
        mvc.perform(get("/ims/case/v1p1/CFPackages/" + docId)).andExpect(status().isOk())
                .andExpect(jsonPath("$.CFItems.length()").value(16));
        // exports back to the same framework
        FrameworkData again = new CaseReader("http://localhost:8080").read(exportCase(docId, null));
        assertFieldByField(again, imported);
    }

    @Test
    void aMultilingualFrameworkExportsOnePackagePerLanguageLinkedAndRoundTrips() throws Exception {
        FrameworkData data = FrameworkVersioningTest.sample("Bilingual " + UUID.randomUUID());
        CaseWriter writer = new CaseWriter("http://localhost:8080");
        byte[] en = writer.bytes(data, "en", null);
        byte[] fr = writer.bytes(data, "fr", null);
        JsonNode enDoc = JSON.readTree(en).get("CFDocument");
        JsonNode frPkg = JSON.readTree(fr);
        assertThat(enDoc.get("language").stringValue()).isEqualTo("en");
        assertThat(frPkg.get("CFDocument").get("language").stringValue()).isEqualTo("fr");
        assertThat(frPkg.get("CFDocument").get("title").stringValue()).isEqualTo(data.title().get("fr"));
        assertThat(frPkg.get("CFDocument").get("extensions").get("capacityhub").get("translationOf").stringValue())
                .isEqualTo(data.identifier().toString());
        assertThat(enDoc.get("extensions").get("capacityhub").get("translations").get(0).get("identifier").stringValue())
                .isEqualTo(frPkg.get("CFDocument").get("identifier").stringValue());
        assertThat(frPkg.get("CFItems").get(1).get("fullStatement").stringValue()).isEqualTo("Compétence");
        // the package in the framework's own language carries every translation
        assertFieldByField(new CaseReader("http://localhost:8080").read(en), data);
    }

    @Test
    void aPackageInAnotherLanguageImportsAsATranslationOfTheOriginal() throws Exception {
        FrameworkData data = FrameworkVersioningTest.sample("Translated " + UUID.randomUUID());
        String created = importFile(new CaseWriter("http://localhost:8080").bytes(data, "en", null),
                MediaType.APPLICATION_JSON_VALUE, "?publish=true").andExpect(status().isCreated())
                .andReturn().getResponse().getContentAsString();
        UUID id = UUID.fromString(JSON.readTree(created).get("identifier").stringValue());
        // a translator edits the French package in another tool and sends it back
        String fr = new String(exportCase(id, "fr"), StandardCharsets.UTF_8)
                .replace("\"Compétence\"", "\"Compétence revue\"");
        importFile(fr.getBytes(StandardCharsets.UTF_8), MediaType.APPLICATION_JSON_VALUE, "")
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.identifier").value(id.toString()))
                .andExpect(jsonPath("$.version").value(2));
        FrameworkData merged = fetch(id, 2);
        assertThat(merged.nodes().get(1).title()).isEqualTo(Map.of("en", "Competency", "fr", "Compétence revue"));
        // texts that were not translated stay untranslated (the package showed the English as a fallback)
        assertThat(merged.nodes().get(0).title()).isEqualTo(Map.of("en", "Area"));
        assertThat(merged.nodes().get(1).descriptors()).isEqualTo(data.nodes().get(1).descriptors());
        assertThat(merged.title()).isEqualTo(data.title());
    }

    @Test
    void badFilesAreRefusedWithTheProblemAndItsPlaceAndChangeNothing() throws Exception {
        String before = FrameworkTestSupport.counts(jdbc);
        String doc = UUID.randomUUID().toString();
        String a = UUID.randomUUID().toString();
        String b = UUID.randomUUID().toString();
        String items = "[{\"identifier\":\"" + a + "\",\"fullStatement\":\"A\"},{\"identifier\":\"" + b
                + "\",\"fullStatement\":\"B\"}]";

        importFile("{\"CFDocument\": {\"identifier\": ".getBytes(), "application/json", "")
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.detail", containsString("JSON line 1")));

        String cycle = "{\"CFDocument\":{\"identifier\":\"" + doc + "\",\"title\":\"Cycle\"},\"CFItems\":" + items
                + ",\"CFAssociations\":[" + child(a, b) + "," + child(b, a) + "]}";
        importFile(cycle.getBytes(), "application/json", "").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail", containsString("CFAssociations[")))
                .andExpect(jsonPath("$.detail", containsString("cycle")));

        String unknown = UUID.randomUUID().toString();
        String dangling = "{\"CFDocument\":{\"identifier\":\"" + doc + "\",\"title\":\"Dangling\"},\"CFItems\":" + items
                + ",\"CFAssociations\":[" + child(a, doc) + "," + child(b, unknown) + "]}";
        importFile(dangling.getBytes(), "application/json", "").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail", containsString("CFAssociations[1]: isChildOf refers to unknown item " + unknown)));

        String notUuid = "{\"CFDocument\":{\"identifier\":\"" + doc + "\",\"title\":\"X\"},\"CFItems\":"
                + "[{\"identifier\":\"1234\",\"fullStatement\":\"A\"}]}";
        importFile(notUuid.getBytes(), "application/json", "").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail", containsString("CFItems[0].identifier: \"1234\" is not a UUID")));

        importFile("<xml/>".getBytes(), "application/xml", "").andExpect(status().isUnsupportedMediaType());

        byte[] huge = new byte[50 * 1024 * 1024 + 1];
        java.util.Arrays.fill(huge, (byte) ' ');
        importFile(huge, "application/json", "").andExpect(status().isContentTooLarge())
                .andExpect(jsonPath("$.detail", containsString("50 MB")));

        String csv = "code,parent_code,title,level:Basic\r\nA,,Area,\r\nA.1,Z,Competency,Knows it\r\n";
        importFile(csv.getBytes(StandardCharsets.UTF_8), "text/csv", "").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail", containsString("CSV line 3: parent_code refers to unknown code Z")));

        assertThat(FrameworkTestSupport.counts(jdbc)).isEqualTo(before);
    }

    @Test
    void aCsvFileImportsWithItsLevelsAndTranslations() throws Exception {
        String csv = "#title=CSV framework " + UUID.randomUUID() + "\r\n#title@fr=Référentiel CSV\r\n"
                + "code,parent_code,title,title@fr,level:Basic,level:High\r\n"
                + "A,,Area,Domaine,,\r\n"
                + "A.1,A,Competency,Compétence,\"Knows it\nHas read about it\",Teaches it\r\n";
        long importsAudited = jdbc.queryForObject("select count(*) from audit_entry where channel = 'IMPORT'", Long.class);
        String body = importFile(csv.getBytes(StandardCharsets.UTF_8), "text/csv", "?publish=true")
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        assertThat(jdbc.queryForObject("select count(*) from audit_entry where channel = 'IMPORT'", Long.class))
                .as("the audit log records the import path").isGreaterThan(importsAudited);
        UUID id = UUID.fromString(JSON.readTree(body).get("identifier").stringValue());
        FrameworkData data = fetch(id, null);
        assertThat(data.title().get("fr")).isEqualTo("Référentiel CSV");
        assertThat(data.scale().levels()).extracting(l -> l.title().get("en")).containsExactly("Basic", "High");
        FrameworkData.NodeData competency = data.nodes().get(1);
        assertThat(competency.title()).isEqualTo(Map.of("en", "Competency", "fr", "Compétence"));
        assertThat(competency.descriptors()).extracting(d -> d.text().get("en"))
                .containsExactly("Knows it", "Has read about it", "Teaches it");
    }

    private static String child(String origin, String destination) {
        return "{\"identifier\":\"" + UUID.randomUUID() + "\",\"associationType\":\"isChildOf\","
                + "\"originNodeURI\":{\"identifier\":\"" + origin + "\"},\"destinationNodeURI\":{\"identifier\":\""
                + destination + "\"}}";
    }

    /** Compares two frameworks field by field, so that a failure names the field. */
    static void assertFieldByField(FrameworkData actual, FrameworkData expected) {
        assertThat(actual.identifier()).as("identifier").isEqualTo(expected.identifier());
        assertThat(actual.language()).as("language").isEqualTo(expected.language());
        assertThat(actual.versionLabel()).as("versionLabel").isEqualTo(expected.versionLabel());
        assertThat(actual.title()).as("title").isEqualTo(expected.title());
        assertThat(actual.publisher()).as("publisher").isEqualTo(expected.publisher());
        assertThat(actual.creator()).as("creator").isEqualTo(expected.creator());
        assertThat(actual.licence()).as("licence").isEqualTo(expected.licence());
        assertThat(actual.description()).as("description").isEqualTo(expected.description());
        assertThat(actual.sourceUri()).as("sourceUri").isEqualTo(expected.sourceUri());
        assertThat(actual.guide()).as("guide").isEqualTo(expected.guide());
        assertThat(actual.scale()).as("scale").isEqualTo(expected.scale());
        assertThat(actual.nodes()).as("number of nodes").hasSameSizeAs(expected.nodes());
        for (int i = 0; i < expected.nodes().size(); i++) {
            assertThat(actual.nodes().get(i)).as("node " + i).isEqualTo(expected.nodes().get(i));
        }
        assertThat(actual.associations()).as("associations").containsExactlyInAnyOrderElementsOf(expected.associations());
        assertThat(actual).isEqualTo(new FrameworkData(expected.identifier(), expected.language(),
                expected.versionLabel(), expected.title(), expected.publisher(), expected.creator(),
                expected.licence(), expected.description(), expected.sourceUri(), expected.guide(), expected.scale(),
                expected.nodes(), actual.associations()));
    }
}
