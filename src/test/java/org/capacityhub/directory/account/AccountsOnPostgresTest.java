package org.capacityhub.directory.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.time.ZoneOffset;

import org.capacityhub.support.PostgresIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The account, token, invitation, outbox and audit queries on a real PostgreSQL server. */
@PostgresIntegrationTest
class AccountsOnPostgresTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    TestAccounts accounts;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void tokensInvitationsAndTheAuditLogWorkOnPostgres() throws Exception {
        UserAccount admin = accounts.create("pg-admin", true, false);
        String answer = mvc.perform(post("/api/v1/tokens").with(httpBasic(admin.getUsername(), TestAccounts.PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"name\": \"pg\", \"expiresAt\": \"2099-01-01\"}"))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        String token = JsonMapper.builder().build().readTree(answer).get("token").asString();
        mvc.perform(get("/api/v1/me").header("Authorization", "Bearer " + token))
                .andExpect(jsonPath("$.username").value(admin.getUsername()));

        MockHttpSession session = TestAccounts.signIn(mvc, admin.getUsername(), TestAccounts.PASSWORD);
        String email = TestAccounts.unique("pg-invitee") + "@example.org";
        var created = mvc.perform(post("/admin/invitations").session(session).with(csrf())
                        .param("email", email).param("fullName", "Postgres Invitee"))
                .andExpect(redirectedUrl("/admin/invitations")).andReturn();
        String link = (String) created.getFlashMap().get("invitationLink");
        String path = link.substring(link.indexOf("/invitations/"));
        mvc.perform(post("/admin/invitations").session(session).with(csrf())
                        .param("email", email).param("fullName", "Postgres Invitee"))
                .andExpect(status().isOk()); // still pending: a form error
        assertThat(jdbc.queryForObject("select count(*) from outbox_message where recipient = ?", Integer.class, email))
                .isEqualTo(1);
        String username = TestAccounts.unique("pg-user");
        mvc.perform(post(path).with(csrf()).param("username", username)
                        .param("password", "postgres passphrase").param("confirmPassword", "postgres passphrase"))
                .andExpect(redirectedUrl("/"));
        mvc.perform(get(path)).andExpect(status().isConflict());

        String today = LocalDate.now(ZoneOffset.UTC).toString();
        String audit = mvc.perform(get("/api/v1/audit").header("Authorization", "Bearer " + token)
                        .param("actor", username).param("entityType", "UserAccount").param("action", "CREATE")
                        .param("from", today).param("to", today))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        JsonNode page = JsonMapper.builder().build().readTree(audit);
        assertThat(page.get("totalElements").asLong()).isEqualTo(1);
        assertThat(page.get("entries").get(0).get("changes").get("passwordHash").get("changed").asBoolean()).isTrue();
        mvc.perform(get("/admin/audit").session(session).param("channel", "API").param("from", today))
                .andExpect(status().isOk());
    }
}
