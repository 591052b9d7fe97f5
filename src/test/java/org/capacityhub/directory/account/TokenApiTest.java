package org.capacityhub.directory.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.capacityhub.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

@IntegrationTest
class TokenApiTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    MockMvc mvc;

    @Autowired
    TestAccounts accounts;

    @Autowired
    ApiTokens tokens;

    private JsonNode createWithBasic(UserAccount account, String body) throws Exception {
        var request = post("/api/v1/tokens").with(httpBasic(account.getUsername(), TestAccounts.PASSWORD));
        if (body != null) {
            request.contentType(MediaType.APPLICATION_JSON).content(body);
        }
        String answer = mvc.perform(request).andExpect(status().isCreated())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON))
                .andReturn().getResponse().getContentAsString();
        return JSON.readTree(answer);
    }

    @Test
    void basicCredentialsCreateATokenThatThenAuthenticatesTheApi() throws Exception {
        UserAccount account = accounts.create("script", false, false);
        JsonNode created = createWithBasic(account, "{\"name\": \"nightly export\", \"expiresAt\": \"2099-01-31\"}");
        String token = created.get("token").asString();
        assertThat(token).startsWith("chub_");
        assertThat(created.get("name").asString()).isEqualTo("nightly export");
        assertThat(created.get("expiresAt").asString()).startsWith("2099-02-01T00:00");
        assertThat(created.get("id").asLong()).isPositive();

        mvc.perform(get("/api/v1/me").header("Authorization", "Bearer " + token))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.username").value(account.getUsername()))
                .andExpect(jsonPath("$.person.fullName").value("Test " + account.getUsername()))
                .andExpect(jsonPath("$.administrator").value(false));
    }

    @Test
    void theBodyIsOptionalAndTheNameDefaults() throws Exception {
        UserAccount account = accounts.create("script", false, false);
        JsonNode created = createWithBasic(account, null);
        assertThat(created.get("name").asString()).startsWith("API token ");
        assertThat(created.get("expiresAt").isNull()).isTrue();
    }

    @Test
    void listingNeverShowsSecretsAndRevokingStopsTheToken() throws Exception {
        UserAccount account = accounts.create("script", false, false);
        String first = createWithBasic(account, "{\"name\": \"first\"}").get("token").asString();
        JsonNode second = createWithBasic(account, "{\"name\": \"second\"}");
        String secondToken = second.get("token").asString();

        String list = mvc.perform(get("/api/v1/tokens").header("Authorization", "Bearer " + first))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[*].name", hasItem("second")))
                .andExpect(jsonPath("$[*].token").doesNotExist())
                .andReturn().getResponse().getContentAsString();
        assertThat(list).doesNotContain(first).doesNotContain(secondToken);

        mvc.perform(delete("/api/v1/tokens/" + second.get("id").asLong()).header("Authorization", "Bearer " + first))
                .andExpect(status().isNoContent());
        mvc.perform(get("/api/v1/me").header("Authorization", "Bearer " + secondToken))
                .andExpect(status().isUnauthorized())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        mvc.perform(get("/api/v1/tokens").header("Authorization", "Bearer " + first))
                .andExpect(jsonPath("$[?(@.name == 'second')].active", hasItem(false)))
                .andExpect(jsonPath("$[?(@.name == 'first')].active", hasItem(true)));
    }

    @Test
    void anotherUsersTokenIsNotFound() throws Exception {
        UserAccount owner = accounts.create("owner", false, false);
        ApiTokens.CreatedToken ownersToken = tokens.create(owner.getId(), "owner's", null);
        UserAccount intruder = accounts.create("intruder", false, false);
        String intruderToken = tokens.create(intruder.getId(), "mine", null).secret();

        mvc.perform(delete("/api/v1/tokens/" + ownersToken.token().getId())
                        .header("Authorization", "Bearer " + intruderToken))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.status").value(404));
        mvc.perform(get("/api/v1/tokens").header("Authorization", "Bearer " + intruderToken))
                .andExpect(jsonPath("$[*].name", not(hasItem("owner's"))));
        assertThat(tokens.verify(ownersToken.secret())).isPresent();
    }

    @Test
    void wrongCredentialsAndBadInputAreProblems() throws Exception {
        UserAccount account = accounts.create("script", false, false);
        mvc.perform(post("/api/v1/tokens").with(httpBasic(account.getUsername(), "not the password")))
                .andExpect(status().isUnauthorized())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        mvc.perform(post("/api/v1/tokens").with(httpBasic(account.getUsername(), TestAccounts.PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"name\": \"" + "n".repeat(101) + "\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors.name").exists());
        mvc.perform(post("/api/v1/tokens").with(httpBasic(account.getUsername(), TestAccounts.PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"expiresAt\": \"next tuesday\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.expiresAt").exists());
        mvc.perform(post("/api/v1/tokens").with(httpBasic(account.getUsername(), TestAccounts.PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"expiresAt\": \"2001-01-01T00:00:00Z\"}"))
                .andExpect(status().isBadRequest());
        mvc.perform(post("/api/v1/tokens").with(httpBasic(account.getUsername(), TestAccounts.PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON).content("{not json"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        assertThat(tokens.list(account.getId())).isEmpty();
    }

    @Test
    void basicCredentialsOnlyCreateTokens() throws Exception {
        UserAccount account = accounts.create("script", false, false);
        mvc.perform(get("/api/v1/me").with(httpBasic(account.getUsername(), TestAccounts.PASSWORD)))
                .andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/me")).andExpect(status().isUnauthorized());
    }

    @Test
    void anAccountThatMustChangeItsPasswordGetsNoToken() throws Exception {
        UserAccount account = accounts.create("newcomer", false, true);
        mvc.perform(post("/api/v1/tokens").with(httpBasic(account.getUsername(), TestAccounts.PASSWORD)))
                .andExpect(status().isForbidden())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        assertThat(tokens.list(account.getId())).isEmpty();
    }

    @Test
    void theOpenApiDocumentDescribesTheTokenApiAndBearerTokens() throws Exception {
        mvc.perform(get("/v3/api-docs"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.paths['/api/v1/tokens'].post.summary").value("Create a personal access token"))
                .andExpect(jsonPath("$.paths['/api/v1/tokens/{id}'].delete").exists())
                .andExpect(jsonPath("$.paths['/api/v1/me'].get").exists())
                .andExpect(jsonPath("$.paths['/api/v1/audit'].get").exists())
                .andExpect(jsonPath("$.components.securitySchemes.personalAccessToken.scheme").value("bearer"))
                .andExpect(jsonPath("$.tags[*].name", hasItem("Account and tokens")));
    }
}
