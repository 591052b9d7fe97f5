package org.capacityhub.directory.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.authenticated;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.Map;

import org.capacityhub.directory.organisation.Organisation;
import org.capacityhub.directory.organisation.OrganisationRepository;
import org.capacityhub.directory.organisation.OrganisationType;
import org.capacityhub.directory.person.Person;
import org.capacityhub.directory.person.PersonRepository;
import org.capacityhub.platform.AuditContext;
import org.capacityhub.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.transaction.support.TransactionTemplate;

@IntegrationTest
class InvitationTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    TestAccounts accounts;

    @Autowired
    UserAccountRepository accountRepository;

    @Autowired
    OrganisationRepository organisations;

    @Autowired
    PersonRepository people;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    TransactionTemplate transaction;

    private Organisation organisation(String prefix) {
        return AuditContext.call("test", AuditContext.Channel.SYSTEM, () -> organisations.save(
                new Organisation(TestAccounts.unique(prefix), OrganisationType.MINISTRY, "KE")));
    }

    private void makeFocalPoint(UserAccount account, Organisation organisation) {
        transaction.executeWithoutResult(s -> organisations.findById(organisation.getId()).orElseThrow()
                .addFocalPoint(people.findById(account.getPerson().getId()).orElseThrow()));
    }

    private MockHttpSession admin() throws Exception {
        UserAccount admin = accounts.create("inviter", true, false);
        return TestAccounts.signIn(mvc, admin.getUsername(), TestAccounts.PASSWORD);
    }

    /** Invites through the page and returns the link shown once to the inviter. */
    private String invite(MockHttpSession session, String base, String email, String name, Long organisationId,
            boolean focalPoint) throws Exception {
        var request = post(base).session(session).with(csrf()).param("email", email).param("fullName", name);
        if (organisationId != null) {
            request.param("organisationId", organisationId.toString());
        }
        if (focalPoint) {
            request.param("focalPoint", "true");
        }
        MvcResult result = mvc.perform(request).andExpect(redirectedUrl(base)).andReturn();
        String link = (String) result.getFlashMap().get("invitationLink");
        assertThat(link).contains("/invitations/inv_");
        return link.substring(link.indexOf("/invitations/"));
    }

    @Test
    void anAdministratorInvitesAndTheInviteeCreatesTheirAccountAndIsSignedIn() throws Exception {
        MockHttpSession admin = admin();
        Organisation ministry = organisation("Ministry of Invitations");
        String email = TestAccounts.unique("invitee") + "@example.org";
        String path = invite(admin, "/admin/invitations", email, "Grace Wanjiru", ministry.getId(), true);
        String token = path.substring("/invitations/".length());

        // only a hash of the token is stored; the e-mail waits in the outbox (no SMTP server in tests)
        Map<String, Object> row = jdbc.queryForMap("select * from invitation where email = ?", email);
        assertThat(row.get("token_hash")).isEqualTo(ApiTokens.hash(token));
        assertThat(row.values()).noneMatch(v -> v != null && v.toString().contains(token));
        String body = jdbc.queryForObject("select body from outbox_message where recipient = ?", String.class, email);
        assertThat(body).contains(path).contains("Grace Wanjiru");
        mvc.perform(get("/admin/invitations").session(admin))
                .andExpect(content().string(containsString(token)));
        mvc.perform(get("/admin/invitations").session(admin))
                .andExpect(content().string(containsString(email)))
                .andExpect(content().string(org.hamcrest.Matchers.not(containsString(token))));

        mvc.perform(get(path)).andExpect(status().isOk())
                .andExpect(content().string(containsString("Welcome, Grace Wanjiru.")))
                .andExpect(content().string(containsString("focal point of " + ministry.getName())));

        String username = TestAccounts.unique("grace");
        MockHttpSession anonymous = new MockHttpSession();
        String sessionIdBefore = anonymous.getId();
        MvcResult accepted = mvc.perform(post(path).session(anonymous).with(csrf()).param("username", username)
                        .param("password", "my own long passphrase").param("confirmPassword", "my own long passphrase"))
                .andExpect(redirectedUrl("/"))
                .andExpect(authenticated().withUsername(username)).andReturn();
        MockHttpSession signedIn = (MockHttpSession) accepted.getRequest().getSession(false);
        mvc.perform(get("/account").session(signedIn)).andExpect(status().isOk())
                .andExpect(content().string(containsString("Grace Wanjiru")));
        assertThat(signedIn.getId()).isNotEqualTo(sessionIdBefore);

        UserAccount account = accountRepository.findByUsername(username).orElseThrow();
        Person person = people.findById(account.getPerson().getId()).orElseThrow();
        assertThat(person.getEmail()).isEqualTo(email);
        assertThat(account.isAdministrator()).isFalse();
        assertThat(organisations.findIdsWithFocalPoint(person.getId())).containsExactly(ministry.getId());
        // the invitee's own writes are attributed to them in the audit log
        assertThat(jdbc.queryForList("select actor from audit_entry where entity_type = 'UserAccount' "
                + "and entity_id = ? and action = 'CREATE'", String.class, account.getId().toString()))
                .containsExactly(username);
        TestAccounts.signIn(mvc, username, "my own long passphrase");

        // used twice: a clear refusal, no second account
        mvc.perform(get(path)).andExpect(status().isConflict())
                .andExpect(content().string(containsString("already used")));
        mvc.perform(post(path).with(csrf()).param("username", TestAccounts.unique("again"))
                        .param("password", "my own long passphrase").param("confirmPassword", "my own long passphrase"))
                .andExpect(status().isConflict())
                .andExpect(content().string(containsString("already used")));
        assertThat(jdbc.queryForObject("select count(*) from user_account a join person p on p.id = a.person_id "
                + "where p.email = ?", Integer.class, email)).isEqualTo(1);
    }

    @Test
    void badInputOnAcceptanceIsShownAndTheInvitationStaysUsable() throws Exception {
        MockHttpSession admin = admin();
        String path = invite(admin, "/admin/invitations", TestAccounts.unique("bad") + "@example.org", "Bad Input",
                null, false);
        UserAccount existing = accounts.create("taken", false, false);
        mvc.perform(post(path).with(csrf()).param("username", existing.getUsername())
                        .param("password", "short").param("confirmPassword", "short"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("id=\"username-error\"")))
                .andExpect(content().string(containsString("This username is taken")))
                .andExpect(content().string(containsString("at least 12 characters")));
        mvc.perform(post(path).with(csrf()).param("username", "Bad Name!")
                        .param("password", "long enough passphrase").param("confirmPassword", "something else entirely"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("id=\"username-error\"")))
                .andExpect(content().string(containsString("The two new passwords differ.")));
        mvc.perform(get(path)).andExpect(status().isOk());
    }

    @Test
    void aDuplicateEmailAndBadInputAreFormErrorsOnCreation() throws Exception {
        MockHttpSession admin = admin();
        UserAccount existing = accounts.create("member", false, false);
        String email = existing.getPerson().getEmail();
        mvc.perform(post("/admin/invitations").session(admin).with(csrf())
                        .param("email", email.toUpperCase()).param("fullName", "Someone"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"email-error\"")))
                .andExpect(content().string(containsString("already has an account")));
        mvc.perform(post("/admin/invitations").session(admin).with(csrf())
                        .param("email", "not an address").param("fullName", "x".repeat(201)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"email-error\"")))
                .andExpect(content().string(containsString("id=\"fullName-error\"")))
                .andExpect(content().string(containsString("value=\"not an address\"")));
        String pending = TestAccounts.unique("pending") + "@example.org";
        invite(admin, "/admin/invitations", pending, "Pending Person", null, false);
        mvc.perform(post("/admin/invitations").session(admin).with(csrf())
                        .param("email", pending).param("fullName", "Pending Person"))
                .andExpect(content().string(containsString("still pending")));
        assertThat(jdbc.queryForObject("select count(*) from invitation where email in (?, ?)", Integer.class,
                email, pending)).isEqualTo(1);
    }

    @Test
    void withdrawnExpiredAndUnknownInvitationsAreClearlyRefused() throws Exception {
        MockHttpSession admin = admin();
        String email = TestAccounts.unique("withdrawn") + "@example.org";
        String withdrawn = invite(admin, "/admin/invitations", email, "Withdrawn", null, false);
        Long id = jdbc.queryForObject("select id from invitation where email = ?", Long.class, email);
        mvc.perform(post("/admin/invitations/" + id + "/revoke").session(admin).with(csrf()))
                .andExpect(redirectedUrl("/admin/invitations"));
        mvc.perform(get(withdrawn)).andExpect(status().isGone())
                .andExpect(content().string(containsString("withdrawn")));

        String expiredEmail = TestAccounts.unique("expired") + "@example.org";
        String expired = invite(admin, "/admin/invitations", expiredEmail, "Expired", null, false);
        jdbc.update("update invitation set expires_at = created_at - interval '1' day where email = ?", expiredEmail);
        mvc.perform(get(expired)).andExpect(status().isGone())
                .andExpect(content().string(containsString("expired")));
        mvc.perform(post(expired).with(csrf()).param("username", TestAccounts.unique("late"))
                        .param("password", "long enough passphrase").param("confirmPassword", "long enough passphrase"))
                .andExpect(status().isGone());

        mvc.perform(get("/invitations/inv_doesnotexist")).andExpect(status().isNotFound())
                .andExpect(content().string(containsString("not known")));
    }

    @Test
    void anExistingPersonWithoutAccountIsLinkedNotDuplicated() throws Exception {
        String email = TestAccounts.unique("listed") + "@example.org";
        Person listed = AuditContext.call("test", AuditContext.Channel.SYSTEM,
                () -> people.save(new Person("Listed Person", email, null)));
        String path = invite(admin(), "/admin/invitations", email, "Listed Person", null, false);
        mvc.perform(get(path)).andExpect(content().string(containsString("already lists someone")));
        String username = TestAccounts.unique("listed");
        mvc.perform(post(path).with(csrf()).param("username", username)
                        .param("password", "long enough passphrase").param("confirmPassword", "long enough passphrase"))
                .andExpect(redirectedUrl("/"));
        assertThat(accountRepository.findByUsername(username).orElseThrow().getPerson().getId()).isEqualTo(listed.getId());
    }

    @Test
    void aFocalPointInvitesOnlyToTheOrganisationsTheyManage() throws Exception {
        Organisation own = organisation("Own Agency");
        Organisation other = organisation("Other Agency");
        UserAccount focal = accounts.create("focal", false, false);
        makeFocalPoint(focal, own);
        MockHttpSession session = TestAccounts.signIn(mvc, focal.getUsername(), TestAccounts.PASSWORD);

        mvc.perform(get("/account").session(session))
                .andExpect(content().string(containsString("href=\"/account/invitations\"")));
        mvc.perform(get("/account/invitations").session(session)).andExpect(status().isOk())
                .andExpect(content().string(containsString(own.getName())))
                .andExpect(content().string(org.hamcrest.Matchers.not(containsString(other.getName()))))
                .andExpect(content().string(org.hamcrest.Matchers.not(containsString("name=\"administrator\""))));
        invite(session, "/account/invitations", TestAccounts.unique("colleague") + "@example.org", "Colleague",
                own.getId(), false);
        mvc.perform(post("/account/invitations").session(session).with(csrf())
                        .param("email", TestAccounts.unique("outsider") + "@example.org").param("fullName", "Outsider")
                        .param("organisationId", other.getId().toString()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"organisationId-error\"")));
        mvc.perform(post("/account/invitations").session(session).with(csrf())
                        .param("email", TestAccounts.unique("boss") + "@example.org").param("fullName", "Would-be admin")
                        .param("organisationId", own.getId().toString()).param("administrator", "true"))
                .andExpect(status().isForbidden());
        mvc.perform(get("/admin/invitations").session(session)).andExpect(status().isForbidden());

        // the focal point sees only their organisation's invitations, and cannot withdraw others'
        String otherEmail = TestAccounts.unique("others") + "@example.org";
        invite(admin(), "/admin/invitations", otherEmail, "Other's invitee", other.getId(), false);
        Long othersInvitation = jdbc.queryForObject("select id from invitation where email = ?", Long.class, otherEmail);
        mvc.perform(get("/account/invitations").session(session))
                .andExpect(content().string(org.hamcrest.Matchers.not(containsString(otherEmail))));
        mvc.perform(post("/account/invitations/" + othersInvitation + "/revoke").session(session).with(csrf()))
                .andExpect(status().isNotFound());
        assertThat(jdbc.queryForObject("select revoked_at from invitation where id = ?", Object.class, othersInvitation))
                .isNull();
    }

    @Test
    void aMemberCannotInvite() throws Exception {
        UserAccount member = accounts.create("member", false, false);
        MockHttpSession session = TestAccounts.signIn(mvc, member.getUsername(), TestAccounts.PASSWORD);
        mvc.perform(get("/account/invitations").session(session)).andExpect(status().isForbidden());
        mvc.perform(get("/account").session(session))
                .andExpect(content().string(org.hamcrest.Matchers.not(containsString("href=\"/account/invitations\""))));
        mvc.perform(post("/account/invitations").session(session).with(csrf())
                        .param("email", TestAccounts.unique("x") + "@example.org").param("fullName", "X"))
                .andExpect(status().isForbidden());
        List<String> none = jdbc.queryForList("select email from invitation where invited_by = ?", String.class,
                member.getUsername());
        assertThat(none).isEmpty();
    }
}
