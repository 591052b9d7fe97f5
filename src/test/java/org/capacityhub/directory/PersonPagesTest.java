package org.capacityhub.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.capacityhub.support.DirectoryFixtures.as;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.capacityhub.directory.organisation.Organisation;
import org.capacityhub.directory.person.Person;
import org.capacityhub.directory.person.PersonRepository;
import org.capacityhub.support.DirectoryFixtures;
import org.capacityhub.support.DirectoryFixtures.Actor;
import org.capacityhub.support.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;

/** The people pages: who sees whom, who adds and changes people, and bad input as form errors. */
@IntegrationTest
class PersonPagesTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    ApplicationContext context;

    @Autowired
    PersonRepository people;

    @Autowired
    TransactionTemplate transaction;

    DirectoryFixtures fixtures;

    @BeforeEach
    void fixtures() {
        fixtures = DirectoryFixtures.of(context);
    }

    @Test
    void theListShowsColleaguesAndOneselfButNotOtherMinistries() throws Exception {
        Organisation a = fixtures.ministry("People Ministry A");
        Organisation b = fixtures.ministry("People Ministry B");
        Person colleague = fixtures.person("Colleague", a);
        Person stranger = fixtures.person("Stranger", b);
        Actor member = fixtures.memberOf(a);
        mvc.perform(get("/people").with(as(member)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(colleague.getFullName())))
                .andExpect(content().string(containsString("<th scope=\"col\"")))
                .andExpect(content().string(not(containsString(stranger.getFullName()))));
        mvc.perform(get("/people").param("q", colleague.getFullName().substring(10)).with(as(member)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(colleague.getFullName())));
        mvc.perform(get("/people/{id}", stranger.getId()).with(as(member))).andExpect(status().isNotFound());
        mvc.perform(get("/people/{id}/edit", stranger.getId()).with(as(member))).andExpect(status().isNotFound());
        mvc.perform(get("/people/{id}", colleague.getId()).with(as(member)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(colleague.getEmail())));
        // An administrator sees everyone.
        mvc.perform(get("/people").param("q", stranger.getFullName()).with(as(fixtures.admin())))
                .andExpect(content().string(containsString(stranger.getFullName())));
    }

    @Test
    void aFocalPointAddsAndChangesPeopleOfTheirOrganisationOnly() throws Exception {
        Organisation a = fixtures.ministry("Staffing Ministry A");
        Organisation unit = fixtures.unit("Staffing Unit", a);
        Organisation b = fixtures.ministry("Staffing Ministry B");
        Person focal = fixtures.person("Staffing Focal", a);
        fixtures.focalPoint(a, focal);
        Actor focalPoint = fixtures.account(focal);
        String email = "new." + DirectoryFixtures.unique() + "@test.example";

        mvc.perform(post("/people").param("fullName", "Newcomer").param("email", email)
                .param("positionTitle", "Analyst").param("roleFamily", "TECHNICAL")
                .param("organisationId", unit.getId().toString()).param("countryCode", "KE")
                .param("languages", "en, sw").param("timeZone", "Africa/Nairobi")
                .with(csrf()).with(as(focalPoint)))
                .andExpect(status().is3xxRedirection());
        Person created = people.findByEmail(email).orElseThrow();
        assertThat(created.getLanguages()).containsExactly("en", "sw");
        assertThat(created.getTimeZone()).isEqualTo("Africa/Nairobi");

        mvc.perform(post("/people").param("fullName", "Planted").param("email", "planted." + email)
                .param("organisationId", b.getId().toString()).with(csrf()).with(as(focalPoint)))
                .andExpect(status().isForbidden());
        assertThat(people.findByEmail("planted." + email)).isEmpty();

        Person inB = fixtures.person("Other's staff", b);
        mvc.perform(post("/people/{id}", inB.getId()).param("fullName", "Renamed")
                .param("organisationId", b.getId().toString()).with(csrf()).with(as(focalPoint)))
                .andExpect(status().isNotFound());
        // A plain member cannot add people.
        mvc.perform(get("/people/new").with(as(fixtures.memberOf(a)))).andExpect(status().isForbidden());
    }

    @Test
    void aDuplicateEmailAnOverlongNameAndAnUnknownCountryAreFormErrors() throws Exception {
        Organisation ministry = fixtures.ministry("Checking Ministry");
        Person existing = fixtures.person("Existing", ministry);
        Actor admin = fixtures.admin();
        long before = people.count();

        mvc.perform(post("/people").param("fullName", "Duplicate").param("email", existing.getEmail().toUpperCase())
                .param("organisationId", ministry.getId().toString()).with(csrf()).with(as(admin)))
                .andExpect(status().isConflict())
                .andExpect(content().string(containsString("This e-mail address is already used.")))
                .andExpect(content().string(containsString("aria-describedby=\"email-error\"")));
        mvc.perform(post("/people").param("fullName", "y".repeat(201)).param("email", "long@test.example")
                .param("organisationId", ministry.getId().toString()).with(csrf()).with(as(admin)))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("The name is longer than 200 characters.")));
        mvc.perform(post("/people").param("fullName", "Countryless").param("email", "cl@test.example")
                .param("countryCode", "ZZ").param("organisationId", ministry.getId().toString())
                .with(csrf()).with(as(admin)))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("id=\"countryCode-error\"")));
        mvc.perform(post("/people").param("fullName", "Zoneless").param("email", "zl@test.example")
                .param("timeZone", "Mars/Olympus").param("organisationId", ministry.getId().toString())
                .with(csrf()).with(as(admin)))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("Choose a time zone such as Africa/Nairobi.")));
        assertThat(people.count()).isEqualTo(before);

        // Editing someone else to take an existing address is refused too, and leaves them unchanged.
        Person other = fixtures.person("Other", ministry);
        mvc.perform(post("/people/{id}", other.getId()).param("fullName", "Other renamed")
                .param("email", existing.getEmail()).param("organisationId", ministry.getId().toString())
                .with(csrf()).with(as(admin)))
                .andExpect(status().isConflict())
                .andExpect(content().string(containsString("already used")));
        Person reloaded = people.findById(other.getId()).orElseThrow();
        assertThat(reloaded.getFullName()).isEqualTo(other.getFullName());
        assertThat(reloaded.getEmail()).isEqualTo(other.getEmail());
    }

    @Test
    void genderIsNeverShownToOthers() throws Exception {
        Organisation ministry = fixtures.ministry("Equity Ministry");
        Person person = fixtures.person("Declaring Person", ministry);
        transaction.executeWithoutResult(s -> people.findById(person.getId()).orElseThrow()
                .declareGender(true, "nonbinary-marker"));
        mvc.perform(get("/people/{id}", person.getId()).with(as(fixtures.admin())))
                .andExpect(status().isOk())
                .andExpect(content().string(not(containsString("nonbinary-marker"))));
        mvc.perform(get("/people").with(as(fixtures.memberOf(ministry))))
                .andExpect(content().string(not(containsString("nonbinary-marker"))));
        mvc.perform(get("/people/{id}/edit", person.getId()).with(as(fixtures.admin())))
                .andExpect(content().string(not(containsString("nonbinary-marker"))));
    }
}
