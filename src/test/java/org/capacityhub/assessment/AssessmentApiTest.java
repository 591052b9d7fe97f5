package org.capacityhub.assessment;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.capacityhub.assessment.AssessmentFixtures.Actor;
import org.capacityhub.directory.organisation.Organisation;
import org.capacityhub.support.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/** The REST API: the whole workflow with a personal access token, conflicts and bad input as problem documents. */
@IntegrationTest
class AssessmentApiTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    ApplicationContext context;
    @Autowired
    ObjectMapper json;

    AssessmentFixtures fixtures;
    Organisation ministry;
    Actor focal;
    String token;

    @BeforeEach
    void setUp() {
        fixtures = new AssessmentFixtures(context);
        ministry = fixtures.ministry("Ministry of Interior");
        focal = fixtures.focalPoint(ministry);
        token = fixtures.bearer(focal);
    }

    private MockHttpServletRequestBuilder api(MockHttpServletRequestBuilder request) {
        return request.header(HttpHeaders.AUTHORIZATION, token).accept(MediaType.APPLICATION_JSON);
    }

    private JsonNode body(MockHttpServletRequestBuilder request, int status) throws Exception {
        return json.readTree(mvc.perform(api(request)).andExpect(status().is(status)).andReturn().getResponse()
                .getContentAsString());
    }

    @Test
    void theWholeWorkflowThroughTheApi() throws Exception {
        JsonNode created = body(post("/api/v1/assessments").contentType(MediaType.APPLICATION_JSON).content("""
                {"organisationId": %d, "frameworkVersionId": %d, "heldOn": "2026-05-04", "delivery": "ONLINE",
                 "place": "https://meet.example.org/abc", "purpose": "Baseline",
                 "participants": [{"fullName": "Amal Farah", "positionTitle": "CIO", "consentRecorded": false}]}
                """.formatted(ministry.getId(), fixtures.govstack().versionId())), 201);
        long id = created.get("id").asLong();
        mvc.perform(api(get("/api/v1/assessments/{id}", id))).andExpect(status().isOk())
                .andExpect(jsonPath("$.state").value("DRAFT")).andExpect(jsonPath("$.sections", hasSize(8)))
                .andExpect(jsonPath("$.participants[0].fullName").value("Amal Farah"))
                .andExpect(jsonPath("$.heldOn").value("2026-05-04"));

        JsonNode sections = created.get("sections");
        JsonNode levels = created.get("levels");
        for (JsonNode section : sections) {
            mvc.perform(api(put("/api/v1/assessments/{id}/sections/{c}", id, section.get("competencyId").asLong()))
                            .contentType(MediaType.APPLICATION_JSON).content("""
                                    {"version": 0, "levelId": %d, "notes": "From the API", "confidence": "HIGH",
                                     "evidence": ["https://example.org/plan"],
                                     "barriers": [{"kind": "DATA_INFRASTRUCTURE", "description": "No data centre"}]}
                                    """.formatted(levels.get(1).get("id").asLong())))
                    .andExpect(status().isOk()).andExpect(jsonPath("$.version").value(1))
                    .andExpect(jsonPath("$.levelTitle").value("Moderate"));
        }
        mvc.perform(api(post("/api/v1/assessments/{id}/submit", id))).andExpect(status().isOk())
                .andExpect(jsonPath("$.state").value("SUBMITTED"));
        mvc.perform(api(get("/api/v1/assessments/{id}", id)))
                .andExpect(jsonPath("$.sections[0].levelRank").value(1))
                .andExpect(jsonPath("$.sections[0].barriers[0].kind").value("DATA_INFRASTRUCTURE"));

        long first = sections.get(0).get("competencyId").asLong();
        mvc.perform(api(put("/api/v1/assessments/{id}/sections/{c}", id, first))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"version\": 1, \"notes\": \"Late change\"}"))
                .andExpect(status().isConflict())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.detail").value(containsString("reopen")));
        mvc.perform(api(post("/api/v1/assessments/{id}/validate", id))).andExpect(status().isOk())
                .andExpect(jsonPath("$.state").value("VALIDATED"));
        mvc.perform(api(post("/api/v1/assessments/{id}/reopen", id)).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"reason\": \"\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        mvc.perform(api(post("/api/v1/assessments/{id}/reopen", id)).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"reason\": \"New minister\"}"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.state").value("REOPENED"))
                .andExpect(jsonPath("$.reopenReason").value("New minister"));
        mvc.perform(api(get("/api/v1/assessments"))).andExpect(status().isOk())
                .andExpect(content().string(containsString("\"id\":" + id)));
    }

    @Test
    void theOpenApiDocumentDescribesTheAssessmentsApi() throws Exception {
        mvc.perform(get("/v3/api-docs")).andExpect(status().isOk())
                .andExpect(jsonPath("$.paths['/api/v1/assessments/{id}/sections/{competencyId}'].put").exists())
                .andExpect(jsonPath("$.paths['/api/v1/assessments/{id}/reopen'].post").exists())
                .andExpect(jsonPath("$.paths['/api/v1/assessments'].post").exists());
    }

    @Test
    void staleWritesAndBadInputAreProblemDocumentsThatChangeNothing() throws Exception {
        long id = fixtures.assessment(focal, ministry);
        JsonNode detail = body(get("/api/v1/assessments/{id}", id), 200);
        long competency = detail.get("sections").get(2).get("competencyId").asLong();
        String path = "/api/v1/assessments/" + id + "/sections/" + competency;

        mvc.perform(api(put(path)).contentType(MediaType.APPLICATION_JSON).content("{\"version\":0,\"notes\":\"Theirs\"}"))
                .andExpect(status().isOk());
        mvc.perform(api(put(path)).contentType(MediaType.APPLICATION_JSON).content("{\"version\":0,\"notes\":\"Mine\"}"))
                .andExpect(status().isConflict())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.currentVersion").value(1))
                .andExpect(jsonPath("$.theirs.notes").value("Theirs"))
                .andExpect(jsonPath("$.errors.version").exists());

        long foreignLevel = fixtures.frameworks.levels(fixtures.unesco().versionId()).get(0).id();
        mvc.perform(api(put(path)).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"version\":1,\"levelId\":" + foreignLevel + "}"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors.levelId").exists());
        long unescoCompetency = fixtures.frameworks.tree(fixtures.unesco().versionId()).get(0).id();
        mvc.perform(api(put("/api/v1/assessments/{id}/sections/{c}", id, unescoCompetency))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"version\":0,\"notes\":\"x\"}"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors.competencyId").exists());
        mvc.perform(api(put(path)).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"version\":1,\"evidence\":[\"file:///etc/passwd\"]}"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors.evidence").exists());
        mvc.perform(api(put(path)).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"version\":1,\"notes\":\"" + "x".repeat(4001) + "\"}"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors.notes").exists());
        mvc.perform(api(put(path)).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"version\":1,\"confidence\":\"CERTAIN\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        mvc.perform(api(put(path)).contentType(MediaType.APPLICATION_JSON).content("{\"notes\":\"no version\"}"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors.version").exists());
        mvc.perform(api(post("/api/v1/assessments/{id}/submit", id)))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.detail").value(containsString("missing")));
        mvc.perform(api(post("/api/v1/assessments").contentType(MediaType.APPLICATION_JSON).content("""
                        {"organisationId": %d, "frameworkVersionId": 99999999, "heldOn": "2026-05-04", "delivery": "ONLINE"}
                        """.formatted(ministry.getId()))))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors.frameworkVersionId").exists());

        mvc.perform(api(get(path.replace("/sections/" + competency, "")))).andExpect(status().isOk())
                .andExpect(jsonPath("$.sections[2].notes").value("Theirs"))
                .andExpect(jsonPath("$.sections[2].version").value(1));
        mvc.perform(get("/api/v1/assessments/{id}", id)).andExpect(status().isUnauthorized())
                .andExpect(header().exists(HttpHeaders.WWW_AUTHENTICATE));
    }
}
