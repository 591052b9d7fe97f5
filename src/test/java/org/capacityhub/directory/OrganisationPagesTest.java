package org.capacityhub.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.capacityhub.support.DirectoryFixtures.as;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;

import org.capacityhub.directory.organisation.Organisation;
import org.capacityhub.directory.organisation.OrganisationRepository;
import org.capacityhub.directory.person.Person;
import org.capacityhub.support.DirectoryFixtures;
import org.capacityhub.support.DirectoryFixtures.Actor;
import org.capacityhub.support.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;

/** The organisation pages: tree, detail (public and non-public parts), forms, moves, focal points, deletion. */
@IntegrationTest
class OrganisationPagesTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    ApplicationContext context;

    @Autowired
    OrganisationRepository organisations;

    @Autowired
    TransactionTemplate transaction;

    DirectoryFixtures fixtures;

    @BeforeEach
    void fixtures() {
        fixtures = DirectoryFixtures.of(context);
    }

    private Long parentIdOf(long id) {
        return transaction.execute(s -> {
            Organisation o = organisations.findById(id).orElseThrow();
            return o.getParent() == null ? null : o.getParent().getId();
        });
    }

    @Test
    void theListShowsTheTreeNestedAndFiltersByName() throws Exception {
        Organisation ministry = fixtures.ministry("Ministry of Tree Tests");
        Organisation unit = fixtures.unit("Tree Unit", ministry);
        Actor member = fixtures.memberOf(ministry);

        String page = mvc.perform(get("/organisations").with(as(member)))
                .andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        int ministryAt = page.indexOf(ministry.getName());
        int unitAt = page.indexOf(unit.getName());
        assertThat(ministryAt).isPositive();
        assertThat(unitAt).isGreaterThan(ministryAt);
        assertThat(page.substring(ministryAt, unitAt)).contains("<ul");
        assertThat(page).containsOnlyOnce("<h1");

        // Filtering by the unit's name keeps its ministry as context; another organisation disappears.
        Organisation other = fixtures.ministry("Unrelated Ministry");
        mvc.perform(get("/organisations").param("q", unit.getName()).with(as(member)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(unit.getName())))
                .andExpect(content().string(containsString(ministry.getName())))
                .andExpect(content().string(not(containsString(other.getName()))));
        mvc.perform(get("/organisations").param("type", "DEPARTMENT").param("country", "KE").with(as(member)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(unit.getName())))
                .andExpect(content().string(not(containsString(other.getName()))));
    }

    @Test
    void theDetailShowsNonPublicDataOnlyToThoseEntitled() throws Exception {
        Organisation a = fixtures.ministry("Ministry A");
        Organisation b = fixtures.ministry("Ministry B");
        Person colleagueInB = fixtures.person("Secret Colleague", b);
        Actor memberOfA = fixtures.memberOf(a);
        Actor memberOfB = fixtures.memberOf(b);

        mvc.perform(get("/organisations/{id}", b.getId()).with(as(memberOfB)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(colleagueInB.getFullName())));
        // Changing the id in the address shows another ministry's public part only.
        mvc.perform(get("/organisations/{id}", b.getId()).with(as(memberOfA)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(b.getName())))
                .andExpect(content().string(not(containsString(colleagueInB.getFullName()))))
                .andExpect(content().string(not(containsString(colleagueInB.getEmail()))));
        mvc.perform(get("/organisations/{id}/edit", b.getId()).with(as(memberOfA)))
                .andExpect(status().isForbidden());
        mvc.perform(post("/organisations/{id}", b.getId()).param("name", "Taken over").param("type", "MINISTRY")
                .param("countryCode", "KE").with(csrf()).with(as(memberOfA)))
                .andExpect(status().isForbidden());
        mvc.perform(get("/organisations/{id}", 987654321L).with(as(memberOfA)))
                .andExpect(status().isNotFound());
        assertThat(organisations.findById(b.getId()).orElseThrow().getName()).isEqualTo(b.getName());
    }

    @Test
    void anAdministratorCreatesAnOrganisation() throws Exception {
        String name = "Ministry of Creation " + DirectoryFixtures.unique();
        mvc.perform(post("/organisations").param("name", name).param("acronym", "MoC").param("type", "MINISTRY")
                .param("countryCode", "SN").with(csrf()).with(as(fixtures.admin())))
                .andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrlPattern("/organisations/*"))
                .andExpect(flash().attribute("flash", "organisation.created"));
        assertThat(organisations.findAllByOrderByName()).anySatisfy(o -> {
            assertThat(o.getName()).isEqualTo(name);
            assertThat(o.getCountryCode()).isEqualTo("SN");
        });
    }

    @Test
    void badInputIsAFormErrorAndNothingIsStored() throws Exception {
        Actor admin = fixtures.admin();
        long before = organisations.count();
        String longName = "x".repeat(201);
        mvc.perform(post("/organisations").param("name", longName).param("type", "MINISTRY")
                .param("countryCode", "KE").with(csrf()).with(as(admin)))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("The name is longer than 200 characters.")))
                .andExpect(content().string(containsString("aria-describedby=\"name-error\"")))
                .andExpect(content().string(containsString("id=\"name-error\"")));
        mvc.perform(post("/organisations").param("name", "Nowhere Ministry").param("type", "MINISTRY")
                .param("countryCode", "QQ").with(csrf()).with(as(admin)))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("Choose a country by its two-letter ISO code.")))
                .andExpect(content().string(containsString("id=\"countryCode-error\"")));
        mvc.perform(post("/organisations").param("name", "Kindless").param("countryCode", "KE")
                .with(csrf()).with(as(admin)))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("Choose the kind of organisation.")));
        assertThat(organisations.count()).isEqualTo(before);
    }

    @Test
    void aCycleIsRefusedWithAFormErrorAndTheTreeIsUnchanged() throws Exception {
        Organisation ministry = fixtures.ministry("Cycle Ministry");
        Organisation unit = fixtures.unit("Cycle Unit", ministry);
        Organisation subUnit = fixtures.unit("Cycle Sub-unit", unit);
        mvc.perform(post("/organisations/{id}", ministry.getId()).param("name", ministry.getName())
                .param("type", "MINISTRY").param("countryCode", "KE").param("parentId", subUnit.getId().toString())
                .with(csrf()).with(as(fixtures.admin())))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString(
                        "An organisation cannot be placed under itself or one of its own units.")))
                .andExpect(content().string(containsString("id=\"parentId-error\"")));
        assertThat(parentIdOf(ministry.getId())).isNull();

        // A real move works.
        Organisation other = fixtures.ministry("Receiving Ministry");
        mvc.perform(post("/organisations/{id}", subUnit.getId()).param("name", subUnit.getName())
                .param("type", "DEPARTMENT").param("countryCode", "KE").param("parentId", other.getId().toString())
                .with(csrf()).with(as(fixtures.admin())))
                .andExpect(status().is3xxRedirection());
        assertThat(parentIdOf(subUnit.getId())).isEqualTo(other.getId());
    }

    @Test
    void aFocalPointManagesUnitsOfTheirOrganisationButNotAnothers() throws Exception {
        Organisation a = fixtures.ministry("Focal Ministry A");
        Organisation unitOfA = fixtures.unit("Unit of A", a);
        Organisation b = fixtures.ministry("Focal Ministry B");
        Person focal = fixtures.person("Focal Point", a);
        fixtures.focalPoint(a, focal);
        Actor focalPoint = fixtures.account(focal);

        String unitName = "New unit " + DirectoryFixtures.unique();
        mvc.perform(post("/organisations").param("name", unitName).param("type", "DEPARTMENT")
                .param("countryCode", "KE").param("parentId", unitOfA.getId().toString())
                .with(csrf()).with(as(focalPoint)))
                .andExpect(status().is3xxRedirection());
        assertThat(organisations.findAllByOrderByName()).anySatisfy(o -> assertThat(o.getName()).isEqualTo(unitName));

        mvc.perform(get("/organisations/{id}/edit", unitOfA.getId()).with(as(focalPoint)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("for=\"name\"")));
        mvc.perform(post("/organisations").param("name", "Intruder unit").param("type", "DEPARTMENT")
                .param("countryCode", "KE").param("parentId", b.getId().toString())
                .with(csrf()).with(as(focalPoint)))
                .andExpect(status().isForbidden());
        mvc.perform(get("/organisations/new").param("parentId", b.getId().toString()).with(as(focalPoint)))
                .andExpect(status().isForbidden());
        mvc.perform(get("/organisations/{id}/edit", b.getId()).with(as(focalPoint)))
                .andExpect(status().isForbidden());
        // A focal point cannot create a top-level organisation either.
        mvc.perform(post("/organisations").param("name", "Top intruder").param("type", "MINISTRY")
                .param("countryCode", "KE").with(csrf()).with(as(focalPoint)))
                .andExpect(status().isForbidden());
        // ... nor move their unit under another ministry they do not manage.
        mvc.perform(post("/organisations/{id}", unitOfA.getId()).param("name", unitOfA.getName())
                .param("type", "DEPARTMENT").param("countryCode", "KE").param("parentId", b.getId().toString())
                .with(csrf()).with(as(focalPoint)))
                .andExpect(status().isForbidden());
        assertThat(parentIdOf(unitOfA.getId())).isEqualTo(a.getId());
    }

    @Test
    void focalPointsAreAssignedAndRemovedByThoseWhoManage() throws Exception {
        Organisation ministry = fixtures.ministry("Assigning Ministry");
        Person colleague = fixtures.person("Future Focal", ministry);
        Actor admin = fixtures.admin();
        mvc.perform(post("/organisations/{id}/focal-points", ministry.getId())
                .param("personId", colleague.getId().toString()).with(csrf()).with(as(admin)))
                .andExpect(status().is3xxRedirection());
        Actor focal = fixtures.account(colleague);
        mvc.perform(get("/organisations/{id}/edit", ministry.getId()).with(as(focal))).andExpect(status().isOk());

        Actor member = fixtures.memberOf(ministry);
        mvc.perform(post("/organisations/{id}/focal-points/{p}/remove", ministry.getId(), colleague.getId())
                .with(csrf()).with(as(member)))
                .andExpect(status().isForbidden());
        mvc.perform(post("/organisations/{id}/focal-points/{p}/remove", ministry.getId(), colleague.getId())
                .with(csrf()).with(as(admin)))
                .andExpect(status().is3xxRedirection());
        mvc.perform(get("/organisations/{id}/edit", ministry.getId()).with(as(focal))).andExpect(status().isForbidden());
    }

    @Test
    void onlyEmptyOrganisationsAreDeleted() throws Exception {
        Actor admin = fixtures.admin();
        Organisation ministry = fixtures.ministry("Deletion Ministry");
        Organisation unit = fixtures.unit("Deletion Unit", ministry);
        mvc.perform(post("/organisations/{id}/delete", ministry.getId()).with(csrf()).with(as(admin)))
                .andExpect(status().is3xxRedirection())
                .andExpect(flash().attribute("pageError", "This organisation still has units: move or delete them first."));
        Person person = fixtures.person("Staying Person", unit);
        mvc.perform(post("/organisations/{id}/delete", unit.getId()).with(csrf()).with(as(admin)))
                .andExpect(flash().attribute("pageError",
                        "People still belong to this organisation: move them to another organisation first."));
        Organisation member = fixtures.ministry("Member Ministry");
        fixtures.programme("Deletion Programme", List.of(member), List.of());
        mvc.perform(post("/organisations/{id}/delete", member.getId()).with(csrf()).with(as(admin)))
                .andExpect(flash().attribute("pageError",
                        "This organisation is a member of a programme: remove it from the programme first."));
        assertThat(organisations.existsById(ministry.getId())).isTrue();
        assertThat(organisations.existsById(unit.getId())).isTrue();
        assertThat(organisations.existsById(member.getId())).isTrue();

        Organisation empty = fixtures.unit("Empty Unit", ministry);
        Actor memberOfMinistry = fixtures.account(person);
        mvc.perform(post("/organisations/{id}/delete", empty.getId()).with(csrf()).with(as(memberOfMinistry)))
                .andExpect(status().isForbidden());
        mvc.perform(post("/organisations/{id}/delete", empty.getId()).with(csrf()).with(as(admin)))
                .andExpect(status().is3xxRedirection())
                .andExpect(flash().attribute("flash", "organisation.deleted"));
        assertThat(organisations.existsById(empty.getId())).isFalse();
    }

    @Test
    void aStaleEditIsRefusedWithAMessageAndNothingIsOverwritten() throws Exception {
        Organisation ministry = fixtures.ministry("Stale Ministry");
        Actor admin = fixtures.admin();
        mvc.perform(post("/organisations/{id}", ministry.getId()).param("name", ministry.getName() + " first")
                .param("type", "MINISTRY").param("countryCode", "KE").param("version", "0")
                .with(csrf()).with(as(admin)))
                .andExpect(status().is3xxRedirection());
        mvc.perform(post("/organisations/{id}", ministry.getId()).param("name", ministry.getName() + " second")
                .param("type", "MINISTRY").param("countryCode", "KE").param("version", "0")
                .with(csrf()).with(as(admin)))
                .andExpect(status().isConflict())
                .andExpect(content().string(containsString("Someone else changed this meanwhile")))
                .andExpect(content().string(containsString("role=\"alert\"")));
        assertThat(organisations.findById(ministry.getId()).orElseThrow().getName())
                .isEqualTo(ministry.getName() + " first");
    }

    @Test
    void malformedAddressesAreNotServerErrors() throws Exception {
        Actor member = fixtures.memberOf(fixtures.ministry("Address Ministry"));
        mvc.perform(get("/organisations/not-a-number").with(as(member))).andExpect(status().isNotFound());
        mvc.perform(get("/organisations/99999999999999999999999").with(as(member))).andExpect(status().isNotFound());
        mvc.perform(get("/organisations/new").param("parentId", "abc").with(as(fixtures.admin())))
                .andExpect(status().isBadRequest());
        mvc.perform(get("/people").param("page", "abc").with(as(member))).andExpect(status().isBadRequest());
        mvc.perform(post("/organisations").param("name", "Typed").param("type", "MINISTRY").param("countryCode", "KE")
                .param("parentId", "abc").with(csrf()).with(as(fixtures.admin())))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("id=\"parentId-error\"")));
    }

    @Test
    void pagesAreInFrench() throws Exception {
        Organisation ministry = fixtures.ministry("Ministère bilingue");
        mvc.perform(get("/organisations/{id}", ministry.getId()).header("Accept-Language", "fr")
                .with(as(fixtures.memberOf(ministry))))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Unités")))
                .andExpect(content().string(containsString("Points focaux")));
    }
}
