package org.capacityhub.framework;

import java.util.UUID;

import org.capacityhub.directory.account.ApiTokens;
import org.capacityhub.directory.account.UserAccount;
import org.capacityhub.directory.account.UserAccountRepository;
import org.capacityhub.directory.person.Person;
import org.capacityhub.directory.person.PersonRepository;
import org.springframework.jdbc.core.JdbcTemplate;

/** Tokens for the bootstrap administrator and for a plain member, and row counts for "nothing changed" checks. */
final class FrameworkTestSupport {

    private FrameworkTestSupport() {}

    static String adminToken(UserAccountRepository accounts, ApiTokens tokens) {
        long id = accounts.findByUsername("admin").orElseThrow().getId();
        return "Bearer " + tokens.create(id, "frameworks test " + UUID.randomUUID(), null).secret();
    }

    static String memberToken(UserAccountRepository accounts, PersonRepository people, ApiTokens tokens) {
        String name = "member-" + UUID.randomUUID().toString().substring(0, 8);
        Person person = people.save(new Person("Member " + name, name + "@example.org", null));
        UserAccount account = accounts.save(new UserAccount(name, person));
        return "Bearer " + tokens.create(account.getId(), "member token", null).secret();
    }

    /** Rows of every framework table, to show an import changed nothing. */
    static String counts(JdbcTemplate jdbc) {
        StringBuilder result = new StringBuilder();
        for (String table : new String[] {"framework", "framework_version", "framework_node", "framework_level",
                "framework_descriptor", "framework_association"}) {
            result.append(table).append('=').append(jdbc.queryForObject("select count(*) from " + table, Long.class))
                    .append(' ');
        }
        return result.toString();
    }

}
