package org.capacityhub.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.capacityhub.support.DirectoryFixtures.as;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.authenticated;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;

import org.capacityhub.directory.account.UserAccountRepository;
import org.capacityhub.directory.organisation.Organisation;
import org.capacityhub.directory.organisation.OrganisationRepository;
import org.capacityhub.directory.person.PersonRepository;
import org.capacityhub.directory.programme.ProgrammeRepository;
import org.capacityhub.platform.Countries;
import org.capacityhub.platform.DemoContributor;
import org.capacityhub.support.DirectoryFixtures;
import org.capacityhub.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

/** The directory's demo dataset: loaded only when asked, once, clearly labelled, with working demo accounts. */
@IntegrationTest
class DirectoryDemoTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    ApplicationContext context;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    OrganisationRepository organisations;

    @Autowired
    PersonRepository people;

    @Autowired
    ProgrammeRepository programmes;

    @Autowired
    UserAccountRepository accounts;

    @Autowired
    List<DemoContributor> contributors;

    private long demoCountryOrganisations() {
        return organisations.findAllByOrderByName().stream()
                .filter(o -> Countries.DEMO_COUNTRY.equals(o.getCountryCode())).count();
    }

    private List<String> demoLoadRequests() {
        return jdbc.queryForList("select state_value from platform_state where state_key = 'demo.loaded'",
                String.class);
    }

    @Test
    void theDemoIsLoadedOnlyWhenAskedAndOnlyOnce() throws Exception {
        // The test configuration does not ask for the demo: nothing was loaded at start-up, and demo organisations
        // exist only if an administrator loaded them (recorded with their name, not the start-up switch).
        assertThat(demoLoadRequests()).doesNotContain("CAPACITYHUB_DEMO");
        if (demoLoadRequests().isEmpty()) {
            assertThat(demoCountryOrganisations()).isZero();
            assertThat(accounts.findByUsername("demo.coordinator")).isEmpty();
        }

        var admin = DirectoryFixtures.of(context).admin();
        mvc.perform(post("/admin/demo").with(csrf()).with(as(admin))).andExpect(status().is3xxRedirection());
        assertThat(demoLoadRequests()).containsExactly("admin");
        long organisationCount = organisations.count();
        long personCount = people.count();
        long programmeCount = programmes.count();
        long accountCount = accounts.count();

        List<Organisation> demo = organisations.findAllByOrderByName().stream()
                .filter(o -> Countries.DEMO_COUNTRY.equals(o.getCountryCode())).toList();
        assertThat(demo).hasSizeGreaterThanOrEqualTo(4).allSatisfy(o -> assertThat(o.isDemo()).isTrue());
        assertThat(demo).extracting(Organisation::getName).contains("Ministry of Digital Economy",
                "Ministry of Health", "National Digital Agency", "Department of E-Government Services");
        assertThat(people.findAll().stream().filter(p -> p.getEmail() != null
                && p.getEmail().endsWith("@examplia.example")).toList())
                .hasSizeBetween(10, 14).allSatisfy(p -> {
                    assertThat(p.isDemo()).isTrue();
                    assertThat(p.getPositionTitle()).isNotBlank();
                    assertThat(p.getRoleFamily()).isNotNull();
                    assertThat(p.getLanguages()).isNotEmpty();
                    assertThat(p.getTimeZone()).isNotBlank();
                });
        assertThat(programmes.findAllByOrderByName()).anySatisfy(p -> {
            assertThat(p.getName()).isEqualTo("Examplia Digital Capacity Programme (demo)");
            assertThat(p.isDemo()).isTrue();
            assertThat(p.getFunder()).isNotBlank();
        });

        // The demo page shows the generated passwords, and they work, without a forced password change.
        List<DemoContributor.SignIn> signIns = contributors.stream().flatMap(c -> c.signIns().stream()).toList();
        assertThat(signIns).extracting(DemoContributor.SignIn::username)
                .containsExactlyInAnyOrder("demo.coordinator", "demo.focalpoint", "demo.civilservant", "demo.mentor");
        String page = mvc.perform(get("/admin/demo").with(as(admin))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        for (DemoContributor.SignIn signIn : signIns) {
            assertThat(page).contains(signIn.username()).contains(signIn.password());
            assertThat(signIn.password()).hasSizeGreaterThanOrEqualTo(20);
            assertThat(accounts.findByUsername(signIn.username()).orElseThrow().isPasswordChangeRequired()).isFalse();
        }
        DemoContributor.SignIn coordinator = signIns.stream()
                .filter(s -> s.username().equals("demo.coordinator")).findFirst().orElseThrow();
        mvc.perform(formLogin("/login").user(coordinator.username()).password(coordinator.password()))
                .andExpect(authenticated().withUsername("demo.coordinator"));

        // Asking again changes nothing.
        mvc.perform(post("/admin/demo").with(csrf()).with(as(admin))).andExpect(status().is3xxRedirection());
        assertThat(organisations.count()).isEqualTo(organisationCount);
        assertThat(people.count()).isEqualTo(personCount);
        assertThat(programmes.count()).isEqualTo(programmeCount);
        assertThat(accounts.count()).isEqualTo(accountCount);
        assertThat(demoLoadRequests()).containsExactly("admin");
        mvc.perform(get("/organisations").with(as(admin)))
                .andExpect(content().string(containsString("Republic of Examplia")));
    }
}
