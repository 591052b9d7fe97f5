package org.capacityhub.support;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import org.capacityhub.directory.account.ApiTokens;
import org.capacityhub.directory.account.UserAccount;
import org.capacityhub.directory.account.UserAccountRepository;
import org.capacityhub.directory.organisation.Organisation;
import org.capacityhub.directory.organisation.OrganisationRepository;
import org.capacityhub.directory.organisation.OrganisationType;
import org.capacityhub.directory.person.Person;
import org.capacityhub.directory.person.PersonRepository;
import org.capacityhub.directory.programme.Programme;
import org.capacityhub.directory.programme.ProgrammeRepository;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.context.ApplicationContext;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Directory test data with unique names (tests share one database and never clean up): organisations, people,
 * programmes, and signed-in users for page requests ({@link #as(Actor)}) and API requests ({@link #bearer(Actor)}).
 * Made from the shared test context with {@link #of(ApplicationContext)} (not a bean, so that the shared context
 * stays the same for every test class).
 */
public class DirectoryFixtures {

    private static final AtomicLong SEQUENCE = new AtomicLong(System.currentTimeMillis() % 1_000_000_000L);

    /** A user who can sign in: their account, person and principal. */
    public record Actor(long accountId, long personId, String username, UserDetails principal) {}

    private final OrganisationRepository organisations;
    private final PersonRepository people;
    private final ProgrammeRepository programmes;
    private final UserAccountRepository accounts;
    private final UserDetailsService users;
    private final PasswordEncoder passwordEncoder;
    private final ApiTokens tokens;
    private final TransactionTemplate transaction;

    public static DirectoryFixtures of(ApplicationContext context) {
        return new DirectoryFixtures(context.getBean(OrganisationRepository.class),
                context.getBean(PersonRepository.class), context.getBean(ProgrammeRepository.class),
                context.getBean(UserAccountRepository.class), context.getBean(UserDetailsService.class),
                context.getBean(PasswordEncoder.class), context.getBean(ApiTokens.class),
                context.getBean(TransactionTemplate.class));
    }

    private DirectoryFixtures(OrganisationRepository organisations, PersonRepository people,
            ProgrammeRepository programmes, UserAccountRepository accounts, UserDetailsService users,
            PasswordEncoder passwordEncoder, ApiTokens tokens, TransactionTemplate transaction) {
        this.organisations = organisations;
        this.people = people;
        this.programmes = programmes;
        this.accounts = accounts;
        this.users = users;
        this.passwordEncoder = passwordEncoder;
        this.tokens = tokens;
        this.transaction = transaction;
    }

    /** A unique suffix for names and e-mail addresses. */
    public static String unique() {
        return Long.toString(SEQUENCE.incrementAndGet(), 36);
    }

    public Organisation ministry(String name) {
        return organisation(name, OrganisationType.MINISTRY, null);
    }

    public Organisation unit(String name, Organisation parent) {
        return organisation(name, OrganisationType.DEPARTMENT, parent);
    }

    public Organisation organisation(String name, OrganisationType type, Organisation parent) {
        return transaction.execute(status -> {
            Organisation organisation = new Organisation(name + " " + unique(), type, "KE");
            organisation.moveUnder(parent == null ? null : organisations.getReferenceById(parent.getId()));
            return organisations.save(organisation);
        });
    }

    public Person person(String name, Organisation organisation) {
        return transaction.execute(status -> {
            String suffix = unique();
            Person person = new Person(name + " " + suffix, "person." + suffix + "@test.example",
                    organisation == null ? null : organisations.getReferenceById(organisation.getId()));
            return people.save(person);
        });
    }

    public void focalPoint(Organisation organisation, Person person) {
        transaction.executeWithoutResult(status -> organisations.findById(organisation.getId()).orElseThrow()
                .addFocalPoint(people.getReferenceById(person.getId())));
    }

    public Programme programme(String name, List<Organisation> members, List<Person> coordinators) {
        return transaction.execute(status -> {
            Programme programme = new Programme(name + " " + unique());
            members.forEach(m -> programme.addMember(organisations.getReferenceById(m.getId())));
            coordinators.forEach(c -> programme.addCoordinator(people.getReferenceById(c.getId())));
            return programmes.save(programme);
        });
    }

    /** A signed-in user (not an administrator) for the person. */
    public Actor account(Person person) {
        String username = "user." + unique();
        UserAccount account = transaction.execute(status -> {
            UserAccount created = new UserAccount(username, people.getReferenceById(person.getId()));
            created.choosePassword(passwordEncoder.encode("correct horse battery staple"));
            return accounts.save(created);
        });
        return new Actor(account.getId(), person.getId(), username, users.loadUserByUsername(username));
    }

    /** A new member of a new organisation, signed in. */
    public Actor memberOf(Organisation organisation) {
        return account(person("Member", organisation));
    }

    /** The bootstrap administrator of the test configuration. */
    public Actor admin() {
        UserDetails principal = users.loadUserByUsername("admin");
        UserAccount account = accounts.findByUsername("admin").orElseThrow();
        return new Actor(account.getId(), account.getPerson().getId(), "admin", principal);
    }

    /** Signs a page request in as the actor. */
    public static RequestPostProcessor as(Actor actor) {
        return user(actor.principal());
    }

    /** An {@code Authorization} header value with a new personal access token of the actor. */
    public String bearer(Actor actor) {
        return "Bearer " + tokens.create(actor.accountId(), "test " + unique(), null).secret();
    }
}
