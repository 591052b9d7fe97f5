package org.capacityhub.platform.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.Map;

import org.capacityhub.directory.account.ApiTokens;
import org.capacityhub.directory.account.TestAccounts;
import org.capacityhub.directory.account.UserAccount;
import org.capacityhub.directory.person.Person;
import org.capacityhub.directory.person.PersonRepository;
import org.capacityhub.platform.AuditContext;
import org.capacityhub.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Every write path leaves an audit entry: pages, the API and background jobs; and the log is read-only. */
@IntegrationTest
class AuditTrailTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    MockMvc mvc;

    @Autowired
    TestAccounts accounts;

    @Autowired
    ApiTokens tokens;

    @Autowired
    PersonRepository people;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    TransactionTemplate transaction;

    record Entry(String actor, String channel, String action, JsonNode changes) {}

    private List<Entry> entries(String entityType, Object entityId) {
        return jdbc.query("select actor, channel, action, changes from audit_entry where entity_type = ? and entity_id = ? "
                        + "order by id", (rs, i) -> new Entry(rs.getString(1), rs.getString(2), rs.getString(3),
                        JSON.readTree(rs.getString(4))),
                entityType, String.valueOf(entityId));
    }

    private Entry last(String entityType, Object entityId) {
        List<Entry> all = entries(entityType, entityId);
        assertThat(all).isNotEmpty();
        return all.get(all.size() - 1);
    }

    @Test
    void aPageWriteIsAuditedWithWhoWhatAndFromTo() throws Exception {
        UserAccount account = accounts.create("audited", false, false);
        MockHttpSession session = TestAccounts.signIn(mvc, account.getUsername(), TestAccounts.PASSWORD);
        mvc.perform(post("/account").session(session).with(csrf())
                        .param("fullName", "Renamed Person").param("positionTitle", "Analyst"))
                .andExpect(status().is3xxRedirection());

        Entry entry = last("Person", account.getPerson().getId());
        assertThat(entry.actor()).isEqualTo(account.getUsername());
        assertThat(entry.channel()).isEqualTo("PAGE");
        assertThat(entry.action()).isEqualTo("UPDATE");
        assertThat(entry.changes().get("fullName").get("from").asString()).isEqualTo("Test " + account.getUsername());
        assertThat(entry.changes().get("fullName").get("to").asString()).isEqualTo("Renamed Person");
        assertThat(entry.changes().get("positionTitle").get("from").isNull()).isTrue();
        assertThat(entry.changes().get("positionTitle").get("to").asString()).isEqualTo("Analyst");
    }

    @Test
    void aPasswordChangeIsAuditedWithoutTheHash() throws Exception {
        UserAccount account = accounts.create("audited", false, false);
        String oldHash = account.getPasswordHash();
        MockHttpSession session = TestAccounts.signIn(mvc, account.getUsername(), TestAccounts.PASSWORD);
        mvc.perform(post("/account/password").session(session).with(csrf())
                        .param("currentPassword", TestAccounts.PASSWORD).param("newPassword", "another long passphrase")
                        .param("confirmPassword", "another long passphrase"))
                .andExpect(status().is3xxRedirection());
        String newHash = accounts.reload(account).getPasswordHash();

        Entry entry = last("UserAccount", account.getId());
        assertThat(entry.channel()).isEqualTo("PAGE");
        assertThat(entry.actor()).isEqualTo(account.getUsername());
        assertThat(entry.changes().get("passwordHash").get("changed").asBoolean()).isTrue();
        assertThat(entry.changes().toString()).doesNotContain(oldHash).doesNotContain(newHash)
                .doesNotContain("another long passphrase");
        // the creation entry did not record the hash either
        assertThat(entries("UserAccount", account.getId()).get(0).changes().toString()).doesNotContain(oldHash);
    }

    @Test
    void anApiWriteIsAuditedAndTheTokenHashIsRedacted() throws Exception {
        UserAccount account = accounts.create("audited", false, false);
        String answer = mvc.perform(post("/api/v1/tokens").with(httpBasic(account.getUsername(), TestAccounts.PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"name\": \"audited script\"}"))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        JsonNode created = JSON.readTree(answer);
        long id = created.get("id").asLong();
        String secret = created.get("token").asString();

        Entry creation = last("ApiToken", id);
        assertThat(creation.actor()).isEqualTo(account.getUsername());
        assertThat(creation.channel()).isEqualTo("API");
        assertThat(creation.action()).isEqualTo("CREATE");
        assertThat(creation.changes().get("name").get("to").asString()).isEqualTo("audited script");
        assertThat(creation.changes().get("tokenHash").get("changed").asBoolean()).isTrue();
        String hash = jdbc.queryForObject("select token_hash from api_token where id = ?", String.class, id);
        assertThat(creation.changes().toString()).doesNotContain(hash).doesNotContain(secret);

        mvc.perform(delete("/api/v1/tokens/" + id).header("Authorization", "Bearer " + secret))
                .andExpect(status().isNoContent());
        Entry revocation = last("ApiToken", id);
        assertThat(revocation.action()).isEqualTo("UPDATE");
        assertThat(revocation.channel()).isEqualTo("API");
        assertThat(revocation.changes().get("revokedAt").get("from").isNull()).isTrue();
        assertThat(revocation.changes().get("revokedAt").get("to").isNull()).isFalse();
        // using a token (last used at) is bookkeeping, not a change of data
        assertThat(revocation.changes().has("lastUsedAt")).isFalse();
    }

    @Test
    void aBackgroundJobWriteIsAuditedUnderItsOwnName() {
        UserAccount account = accounts.create("audited", false, false);
        long personId = account.getPerson().getId();
        AuditContext.run("nightly-sync", AuditContext.Channel.JOB, () -> transaction.executeWithoutResult(s -> {
            Person person = people.findById(personId).orElseThrow();
            person.rename("Synced Name");
        }));
        Entry entry = last("Person", personId);
        assertThat(entry.actor()).isEqualTo("nightly-sync");
        assertThat(entry.channel()).isEqualTo("JOB");
        assertThat(entry.action()).isEqualTo("UPDATE");
        assertThat(entry.changes().get("fullName").get("to").asString()).isEqualTo("Synced Name");
    }

    @Test
    void administratorsBrowseAndFilterTheLog() throws Exception {
        UserAccount subject = accounts.create("subject", false, false);
        AuditContext.run("filter-job", AuditContext.Channel.JOB, () -> transaction.executeWithoutResult(s ->
                people.findById(subject.getPerson().getId()).orElseThrow().rename("Filtered Person")));
        UserAccount admin = accounts.create("auditor", true, false);
        MockHttpSession session = TestAccounts.signIn(mvc, admin.getUsername(), TestAccounts.PASSWORD);

        mvc.perform(get("/admin/audit").session(session)
                        .param("entityType", "Person").param("entityId", subject.getPerson().getId().toString())
                        .param("channel", "JOB").param("action", "UPDATE"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("filter-job")))
                .andExpect(content().string(containsString("Filtered Person")))
                .andExpect(content().string(containsString("1 entries")));
        mvc.perform(get("/admin/audit").session(session).param("actor", "filter-job").param("channel", "PAGE"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("No entry matches these filters.")));
        mvc.perform(get("/admin/audit").session(session).param("from", "2020-01-01").param("to", "2099-12-31")
                        .param("size", "1"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Older entries")));
        mvc.perform(get("/admin/audit").session(session).param("from", "2099-01-01"))
                .andExpect(content().string(containsString("No entry matches these filters.")));
        mvc.perform(get("/admin/audit").session(session).param("from", "2024-02-01").param("to", "2024-01-01"))
                .andExpect(status().isBadRequest());
        mvc.perform(get("/account").session(session))
                .andExpect(content().string(containsString("href=\"/admin\"")));
        mvc.perform(get("/admin").session(session)).andExpect(status().isOk())
                .andExpect(content().string(containsString("href=\"/admin/audit\"")))
                .andExpect(content().string(containsString("href=\"/admin/outbox\"")))
                .andExpect(content().string(containsString("href=\"/admin/invitations\"")));

        String token = tokens.create(admin.getId(), "audit export", null).secret();
        mvc.perform(get("/api/v1/audit").header("Authorization", "Bearer " + token)
                        .param("actor", "filter-job").param("entityId", subject.getPerson().getId().toString()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.totalElements").value(1))
                .andExpect(jsonPath("$.entries[0].channel").value("JOB"))
                .andExpect(jsonPath("$.entries[0].changes.fullName.to").value("Filtered Person"));
    }

    @Test
    void othersCannotReadTheLogAndNobodyCanChangeIt() throws Exception {
        UserAccount member = accounts.create("member", false, false);
        MockHttpSession session = TestAccounts.signIn(mvc, member.getUsername(), TestAccounts.PASSWORD);
        mvc.perform(get("/admin/audit").session(session)).andExpect(status().isForbidden());
        mvc.perform(get("/admin").session(session)).andExpect(status().isForbidden());
        mvc.perform(get("/account").session(session))
                .andExpect(content().string(not(containsString("href=\"/admin\""))));
        String token = tokens.create(member.getId(), "curious", null).secret();
        mvc.perform(get("/api/v1/audit").header("Authorization", "Bearer " + token))
                .andExpect(status().isForbidden())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));

        UserAccount admin = accounts.create("auditor", true, false);
        MockHttpSession adminSession = TestAccounts.signIn(mvc, admin.getUsername(), TestAccounts.PASSWORD);
        Long anyId = jdbc.queryForObject("select max(id) from audit_entry", Long.class);
        Map<String, Object> before = jdbc.queryForMap("select * from audit_entry where id = ?", anyId);
        mvc.perform(post("/admin/audit").session(adminSession).with(csrf())).andExpect(status().isMethodNotAllowed());
        mvc.perform(delete("/admin/audit").session(adminSession).with(csrf())).andExpect(status().isMethodNotAllowed());
        String adminToken = tokens.create(admin.getId(), "audit", null).secret();
        mvc.perform(delete("/api/v1/audit").header("Authorization", "Bearer " + adminToken))
                .andExpect(status().isMethodNotAllowed());
        mvc.perform(put("/api/v1/audit/" + anyId).header("Authorization", "Bearer " + adminToken)
                        .contentType(MediaType.APPLICATION_JSON).content("{}"))
                .andExpect(status().is4xxClientError());
        mvc.perform(delete("/api/v1/audit/" + anyId).header("Authorization", "Bearer " + adminToken))
                .andExpect(status().is4xxClientError());
        assertThat(jdbc.queryForMap("select * from audit_entry where id = ?", anyId)).isEqualTo(before);
        mvc.perform(get("/v3/api-docs"))
                .andExpect(jsonPath("$.paths['/api/v1/audit'].delete").doesNotExist())
                .andExpect(jsonPath("$.paths['/api/v1/audit'].post").doesNotExist())
                .andExpect(jsonPath("$.paths[*]", not(hasItem(containsString("/api/v1/audit/")))));
    }
}
