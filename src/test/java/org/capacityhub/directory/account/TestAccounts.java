package org.capacityhub.directory.account;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;

import java.util.UUID;

import org.capacityhub.directory.person.Person;
import org.capacityhub.directory.person.PersonRepository;
import org.capacityhub.platform.AuditContext;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.transaction.support.TransactionTemplate;

/** Creates accounts with unique names for tests, and signs them in through the real sign-in form. */
@Component
public class TestAccounts {

    public static final String PASSWORD = "correct horse battery staple";

    private final UserAccountRepository accounts;
    private final PersonRepository people;
    private final PasswordEncoder encoder;
    private final TransactionTemplate transaction;

    TestAccounts(UserAccountRepository accounts, PersonRepository people, PasswordEncoder encoder,
            TransactionTemplate transaction) {
        this.accounts = accounts;
        this.people = people;
        this.encoder = encoder;
        this.transaction = transaction;
    }

    public static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    public UserAccount create(String prefix, boolean administrator, boolean temporaryPassword) {
        String username = unique(prefix);
        return AuditContext.call("test", AuditContext.Channel.SYSTEM, () -> transaction.execute(s -> {
            Person person = people.save(new Person("Test " + username, username + "@example.org", null));
            UserAccount account = new UserAccount(username, person);
            account.grantAdministrator(administrator);
            if (temporaryPassword) {
                account.assignTemporaryPassword(encoder.encode(PASSWORD));
            } else {
                account.choosePassword(encoder.encode(PASSWORD));
            }
            return accounts.save(account);
        }));
    }

    public UserAccount reload(UserAccount account) {
        return transaction.execute(s -> {
            UserAccount fresh = accounts.findById(account.getId()).orElseThrow();
            fresh.getPerson().getFullName();
            return fresh;
        });
    }

    public static MockHttpSession signIn(MockMvc mvc, String username, String password) throws Exception {
        MvcResult result = mvc.perform(formLogin("/login").user(username).password(password))
                .andExpect(redirectedUrl("/")).andReturn();
        return (MockHttpSession) result.getRequest().getSession(false);
    }
}
