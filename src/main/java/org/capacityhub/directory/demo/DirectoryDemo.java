package org.capacityhub.directory.demo;

import java.security.SecureRandom;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.capacityhub.directory.account.UserAccount;
import org.capacityhub.directory.account.UserAccountRepository;
import org.capacityhub.directory.organisation.Organisation;
import org.capacityhub.directory.organisation.OrganisationRepository;
import org.capacityhub.directory.organisation.OrganisationType;
import org.capacityhub.directory.person.Person;
import org.capacityhub.directory.person.PersonRepository;
import org.capacityhub.directory.person.RoleFamily;
import org.capacityhub.directory.programme.Programme;
import org.capacityhub.directory.programme.ProgrammeRepository;
import org.capacityhub.platform.Countries;
import org.capacityhub.platform.DemoContributor;
import org.capacityhub.platform.PlatformSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * The directory's part of the demo dataset: the fictional Republic of Examplia (country code {@code XE}, never a
 * real country) with two ministries, a department, an agency and a training centre, a dozen people, a programme,
 * and four sign-in accounts (a programme coordinator, a focal point, a civil servant and a mentor) whose passwords
 * are generated at load time, so that no installation carries a known secret.
 */
@Component
class DirectoryDemo implements DemoContributor {

    private static final Logger log = LoggerFactory.getLogger(DirectoryDemo.class);
    private static final String ALPHABET = "abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    private static final String DOMAIN = "@examplia.example";
    private static final String DEMO_NOTE = "Fictional organisation of the demo dataset (Republic of Examplia).";

    private final OrganisationRepository organisations;
    private final PersonRepository people;
    private final ProgrammeRepository programmes;
    private final UserAccountRepository accounts;
    private final PasswordEncoder passwordEncoder;
    private final PlatformSettings settings;
    private final SecureRandom random = new SecureRandom();
    private volatile List<SignIn> signIns = List.of();

    DirectoryDemo(OrganisationRepository organisations, PersonRepository people, ProgrammeRepository programmes,
            UserAccountRepository accounts, PasswordEncoder passwordEncoder, PlatformSettings settings) {
        this.organisations = organisations;
        this.people = people;
        this.programmes = programmes;
        this.accounts = accounts;
        this.passwordEncoder = passwordEncoder;
        this.settings = settings;
    }

    @Override
    public int order() {
        return 10;
    }

    @Override
    public List<SignIn> signIns() {
        return signIns;
    }

    @Override
    public void contribute() {
        Organisation digital = organisation("Ministry of Digital Economy", "MDE", OrganisationType.MINISTRY, null);
        Organisation egov = organisation("Department of E-Government Services", "DEGS", OrganisationType.DEPARTMENT,
                digital);
        Organisation health = organisation("Ministry of Health", "MoH", OrganisationType.MINISTRY, null);
        Organisation agency = organisation("National Digital Agency", "NDA", OrganisationType.AGENCY, null);
        Organisation school = organisation("Examplia School of Public Administration", "ESPA",
                OrganisationType.TRAINING_CENTRE, null);

        Map<String, Person> p = new HashMap<>();
        p.put("coordinator", person("Amina Diallo", "amina.diallo", "Capacity-building lead",
                RoleFamily.POLICY_AND_DECISION_MAKING, agency, "Capital District", List.of("en", "fr"), "Africa/Nairobi"));
        p.put("focal", person("Jean-Baptiste Moreau", "jb.moreau", "Director of Digital Transformation",
                RoleFamily.MANAGEMENT, digital, "Capital District", List.of("fr", "en"), "Africa/Nairobi"));
        p.put("civil", person("Fatuma Wanjiru", "fatuma.wanjiru", "Systems analyst", RoleFamily.TECHNICAL, egov,
                "Lakeside Province", List.of("sw", "en"), "Africa/Nairobi"));
        p.put("mentor", person("Omar Haddad", "omar.haddad", "Senior trainer in data governance",
                RoleFamily.TECHNICAL, school, "Capital District", List.of("ar", "fr", "en"), "Africa/Cairo"));
        Person grace = person("Grace Otieno", "grace.otieno", "Digital health policy adviser",
                RoleFamily.POLICY_AND_DECISION_MAKING, health, "Capital District", List.of("en", "sw"), "Africa/Nairobi");
        person("Samuel Mensah", "samuel.mensah", "Health information officer", RoleFamily.TECHNICAL, health,
                "Northern Province", List.of("en"), "Africa/Accra");
        person("Nadia Rahman", "nadia.rahman", "Procurement officer", RoleFamily.ADMINISTRATIVE, health,
                "Capital District", List.of("en", "bn"), "Africa/Nairobi");
        person("Leila Benali", "leila.benali", "Human resources officer", RoleFamily.ADMINISTRATIVE, digital,
                "Capital District", List.of("ar", "fr"), "Africa/Algiers");
        person("Pedro Alves", "pedro.alves", "Data engineer", RoleFamily.TECHNICAL, agency, "Coastal Province",
                List.of("pt", "en"), "Africa/Maputo");
        person("Chen Wei", "chen.wei", "Cybersecurity specialist", RoleFamily.TECHNICAL, agency, "Capital District",
                List.of("en", "zh"), "Africa/Nairobi");
        person("Thomas Keller", "thomas.keller", "Head of curriculum", RoleFamily.MANAGEMENT, school,
                "Capital District", List.of("en", "de", "fr"), "Africa/Nairobi");
        person("Aisha Kamara", "aisha.kamara", "Web accessibility officer", RoleFamily.TECHNICAL, egov,
                "Lakeside Province", List.of("en", "fr", "sw"), "Africa/Nairobi");

        digital.addFocalPoint(p.get("focal"));
        health.addFocalPoint(grace);

        Programme programme = new Programme("Examplia Digital Capacity Programme (demo)");
        programme.describe("Fictional Development Fund (demo)",
                "Fictional programme of the demo dataset: strengthens the digital capacities of Examplia's "
                        + "ministries and its national digital agency. Its scope is its three member organisations.",
                LocalDate.of(2026, 1, 1), LocalDate.of(2028, 12, 31));
        programme.coverCountries(List.of(Countries.DEMO_COUNTRY));
        programme.addMember(digital);
        programme.addMember(health);
        programme.addMember(agency);
        programme.addCoordinator(p.get("coordinator"));
        programme.markAsDemo();
        programmes.save(programme);

        List<SignIn> created = new ArrayList<>();
        account("demo.coordinator", p.get("coordinator"), "demo.account.coordinator", created);
        account("demo.focalpoint", p.get("focal"), "demo.account.focalPoint", created);
        account("demo.civilservant", p.get("civil"), "demo.account.civilServant", created);
        account("demo.mentor", p.get("mentor"), "demo.account.mentor", created);
        signIns = List.copyOf(created);
        if (!created.isEmpty()) {
            StringBuilder lines = new StringBuilder();
            created.forEach(s -> lines.append(String.format("%n   %-20s %s", s.username(), s.password())));
            log.warn("""

                    ================================================================
                     Capacity Hub demo dataset (fictional Republic of Examplia):
                     demo accounts, sign in at {}/login{}
                     These passwords were generated for this installation.
                    ================================================================""",
                    settings.baseUrl(), lines);
        }
    }

    private Organisation organisation(String name, String acronym, OrganisationType type, Organisation parent) {
        Organisation organisation = new Organisation(name, type, Countries.DEMO_COUNTRY);
        organisation.rename(name, acronym);
        organisation.describe(type, Countries.DEMO_COUNTRY, DEMO_NOTE, null);
        organisation.moveUnder(parent);
        organisation.markAsDemo();
        return organisations.save(organisation);
    }

    private Person person(String name, String mailbox, String position, RoleFamily family, Organisation organisation,
            String region, List<String> languages, String timeZone) {
        Person person = new Person(name, mailbox + DOMAIN, organisation);
        person.describeRole(position, family, organisation);
        person.locate(Countries.DEMO_COUNTRY, region, languages, timeZone);
        person.markAsDemo();
        return people.save(person);
    }

    private void account(String username, Person person, String descriptionKey, List<SignIn> created) {
        if (accounts.existsByUsername(username)) {
            log.warn("Demo account '{}' not created: an account with this username already exists.", username);
            return;
        }
        String password = generatePassword();
        UserAccount account = new UserAccount(username, person);
        // A demo password is generated here and shown to the administrator: no change is forced at first sign-in,
        // so that the demo can be tried at once.
        account.choosePassword(passwordEncoder.encode(password));
        accounts.save(account);
        created.add(new SignIn(username, password, descriptionKey));
    }

    private String generatePassword() {
        StringBuilder password = new StringBuilder();
        for (int i = 0; i < 20; i++) {
            if (i > 0 && i % 5 == 0) {
                password.append('-');
            }
            password.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return password.toString();
    }
}
