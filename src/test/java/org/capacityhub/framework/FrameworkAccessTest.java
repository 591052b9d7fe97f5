package org.capacityhub.framework;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.UUID;

import org.capacityhub.directory.account.ApiTokens;
import org.capacityhub.directory.account.UserAccountRepository;
import org.capacityhub.directory.person.PersonRepository;
import org.capacityhub.support.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

import tools.jackson.databind.json.JsonMapper;

/**
 * Who may do what: administrators and coordinators import and edit; every signed-in user reads published
 * frameworks; drafts stay with editors; the CASE API serves published frameworks to anyone, drafts to nobody.
 */
@IntegrationTest
class FrameworkAccessTest {

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
    String member;

    @BeforeEach
    void tokens() {
        admin = FrameworkTestSupport.adminToken(accounts, tokens);
        member = FrameworkTestSupport.memberToken(accounts, people, tokens);
    }

    String draftFramework() throws Exception {
        String body = "{\"title\": {\"en\": \"Draft only " + UUID.randomUUID() + "\"}, \"language\": \"en\"}";
        String created = mvc.perform(post("/api/v1/frameworks").header("Authorization", admin)
                        .contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        return JsonMapper.builder().build().readTree(created).get("identifier").stringValue();
    }

    @Test
    void aMemberReadsPublishedFrameworksButCannotImportOrEdit() throws Exception {
        mvc.perform(get("/api/v1/frameworks").header("Authorization", member)).andExpect(status().isOk())
                .andExpect(jsonPath("$[*].identifier", hasItem(Frameworks.GOVSTACK_SKILLS_ASSESSMENT.toString())));
        mvc.perform(get("/api/v1/frameworks/" + Frameworks.UNESCO_DIGITAL_COMPETENCIES).header("Authorization", member))
                .andExpect(status().isOk()).andExpect(jsonPath("$.content.nodes.length()").value(17));

        String before = FrameworkTestSupport.counts(jdbc);
        mvc.perform(post("/api/v1/frameworks/import").header("Authorization", member)
                        .contentType("text/csv").content("code,title\r\nA,Area\r\n"))
                .andExpect(status().isForbidden());
        mvc.perform(post("/api/v1/frameworks/" + Frameworks.GOVSTACK_SKILLS_ASSESSMENT + "/draft")
                        .header("Authorization", member))
                .andExpect(status().isForbidden());
        mvc.perform(post("/api/v1/frameworks").header("Authorization", member)
                        .contentType(MediaType.APPLICATION_JSON).content("{\"title\": {\"en\": \"Mine\"}}"))
                .andExpect(status().isForbidden());
        org.assertj.core.api.Assertions.assertThat(FrameworkTestSupport.counts(jdbc)).isEqualTo(before);

        String draft = draftFramework();
        mvc.perform(get("/api/v1/frameworks/" + draft).header("Authorization", member)).andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/frameworks").header("Authorization", member))
                .andExpect(jsonPath("$[*].identifier", not(hasItem(draft))));
        mvc.perform(put("/api/v1/frameworks/" + draft + "/draft").header("Authorization", member)
                        .contentType(MediaType.APPLICATION_JSON).content("{\"title\": {\"en\": \"Taken\"}}"))
                .andExpect(status().isForbidden());
    }

    @Test
    void theApiNeedsATokenAndIsDocumented() throws Exception {
        mvc.perform(get("/api/v1/frameworks")).andExpect(status().isUnauthorized());
        mvc.perform(get("/v3/api-docs")).andExpect(status().isOk())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
                        .string(containsString("/api/v1/frameworks/import")));
    }

    @Test
    void anyoneReadsPublishedFrameworksThroughTheCaseApiButNeverDrafts() throws Exception {
        String draft = draftFramework();
        mvc.perform(get("/ims/case/v1p1/CFDocuments").header("Origin", "https://other-tool.example"))
                .andExpect(status().isOk())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.header()
                        .string("Access-Control-Allow-Origin", "*"))
                .andExpect(jsonPath("$.CFDocuments[*].identifier", hasItem(Frameworks.GOVSTACK_SKILLS_ASSESSMENT.toString())))
                .andExpect(jsonPath("$.CFDocuments[*].identifier", hasItem(Frameworks.UNESCO_DIGITAL_COMPETENCIES.toString())))
                .andExpect(jsonPath("$.CFDocuments[*].identifier", not(hasItem(draft))));
        String pkg = mvc.perform(get("/ims/case/v1p1/CFPackages/" + Frameworks.GOVSTACK_SKILLS_ASSESSMENT))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.CFDocument.title").value("GovStack skills assessment"))
                .andExpect(jsonPath("$.CFItems.length()").value(8))
                .andExpect(jsonPath("$.CFRubrics[0].CFRubricCriteria.length()").value(8))
                .andReturn().getResponse().getContentAsString();
        String item = JsonMapper.builder().build().readTree(pkg).get("CFItems").get(0).get("identifier").stringValue();
        mvc.perform(get("/ims/case/v1p1/CFItems/" + item)).andExpect(status().isOk())
                .andExpect(jsonPath("$.fullStatement").value("Using systems thinking and design thinking"));
        String association = JsonMapper.builder().build().readTree(pkg).get("CFAssociations").get(0).get("identifier").stringValue();
        mvc.perform(get("/ims/case/v1p1/CFAssociations/" + association)).andExpect(status().isOk());
        mvc.perform(get("/ims/case/v1p1/CFRubrics/" + JsonMapper.builder().build().readTree(pkg).get("CFRubrics").get(0)
                .get("identifier").stringValue())).andExpect(status().isOk());

        mvc.perform(get("/ims/case/v1p1/CFPackages/" + draft)).andExpect(status().isNotFound());
        mvc.perform(get("/ims/case/v1p1/CFDocuments/" + draft)).andExpect(status().isNotFound());
        mvc.perform(post("/ims/case/v1p1/CFDocuments")).andExpect(status().isForbidden());
    }

    @Test
    void crosswalkedCompetenciesAreRelatedForOtherModules() throws Exception {
        // through the public API of the module
        mvc.perform(get("/ims/case/v1p1/CFPackages/" + Frameworks.GOVSTACK_SKILLS_ASSESSMENT))
                .andExpect(jsonPath("$.CFAssociations[*].associationType", hasItem("isRelatedTo")))
                .andExpect(jsonPath("$.CFAssociations[?(@.associationType == 'isRelatedTo')].destinationNodeURI.title",
                        hasItem("systems thinking")));
        mvc.perform(get("/api/v1/frameworks/" + Frameworks.GOVSTACK_SKILLS_ASSESSMENT + "/export/case?lang=xx")
                        .header("Authorization", admin))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.detail", containsString("xx")));
    }
}
