package org.capacityhub.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.capacityhub.support.DirectoryFixtures.as;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;

import org.capacityhub.directory.organisation.Organisation;
import org.capacityhub.directory.person.Person;
import org.capacityhub.directory.programme.Programme;
import org.capacityhub.directory.programme.ProgrammeRepository;
import org.capacityhub.support.DirectoryFixtures;
import org.capacityhub.support.DirectoryFixtures.Actor;
import org.capacityhub.support.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Programmes: administrators create them and set their members and coordinators; a coordinator sees exactly the
 * member organisations' data (not non-members, not the members' units) and cannot change the membership.
 */
@IntegrationTest
class ProgrammeAccessTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    ApplicationContext context;

    @Autowired
    ProgrammeRepository programmes;

    @Autowired
    TransactionTemplate transaction;

    DirectoryFixtures fixtures;

    @BeforeEach
    void fixtures() {
        fixtures = DirectoryFixtures.of(context);
    }

    private List<Long> memberIds(long programmeId) {
        return transaction.execute(s -> programmes.findById(programmeId).orElseThrow().getMembers().stream()
                .map(Organisation::getId).sorted().toList());
    }

    @Test
    void aCoordinatorSeesMemberOrganisationsButNotNonMembersNorTheirUnits() throws Exception {
        Organisation member = fixtures.ministry("Programme Member");
        Organisation unitOfMember = fixtures.unit("Unit of Member", member);
        Organisation outsider = fixtures.ministry("Programme Outsider");
        Person inMember = fixtures.person("Member Staff", member);
        Person inUnit = fixtures.person("Unit Staff", unitOfMember);
        Person inOutsider = fixtures.person("Outsider Staff", outsider);
        Person coordinatorPerson = fixtures.person("Coordinator", null);
        Programme programme = fixtures.programme("Scope Programme", List.of(member), List.of(coordinatorPerson));
        Actor coordinator = fixtures.account(coordinatorPerson);
        String token = fixtures.bearer(coordinator);

        mvc.perform(get("/organisations/{id}", member.getId()).with(as(coordinator)))
                .andExpect(content().string(containsString(inMember.getFullName())));
        mvc.perform(get("/organisations/{id}", unitOfMember.getId()).with(as(coordinator)))
                .andExpect(status().isOk())
                .andExpect(content().string(not(containsString(inUnit.getFullName()))));
        mvc.perform(get("/organisations/{id}", outsider.getId()).with(as(coordinator)))
                .andExpect(content().string(not(containsString(inOutsider.getFullName()))));

        mvc.perform(get("/api/v1/organisations/{id}/people", member.getId()).header("Authorization", token))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[*].fullName", contains(inMember.getFullName())));
        mvc.perform(get("/api/v1/organisations/{id}/people", unitOfMember.getId()).header("Authorization", token))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/organisations/{id}/people", outsider.getId()).header("Authorization", token))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/people/{id}", inUnit.getId()).header("Authorization", token))
                .andExpect(status().isNotFound());
        mvc.perform(get("/people/{id}", inOutsider.getId()).with(as(coordinator)))
                .andExpect(status().isNotFound());

        // The coordinator sees the programme but cannot change its membership.
        mvc.perform(get("/programmes/{id}", programme.getId()).with(as(coordinator)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(member.getName())))
                .andExpect(content().string(not(containsString("name=\"organisationId\""))));
        mvc.perform(post("/programmes/{id}/members", programme.getId()).param("organisationId",
                outsider.getId().toString()).with(csrf()).with(as(coordinator)))
                .andExpect(status().isForbidden());
        mvc.perform(post("/programmes/{id}/members/{o}/remove", programme.getId(), member.getId())
                .with(csrf()).with(as(coordinator)))
                .andExpect(status().isForbidden());
        mvc.perform(put("/api/v1/programmes/{id}/members", programme.getId()).header("Authorization", token)
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"organisationIds\": [%d, %d]}".formatted(member.getId(), outsider.getId())))
                .andExpect(status().isForbidden());
        assertThat(memberIds(programme.getId())).containsExactly(member.getId());
    }

    @Test
    void anAdministratorSeesEverythingAndManagesProgrammes() throws Exception {
        Organisation first = fixtures.ministry("Admin Programme First");
        Organisation unit = fixtures.unit("Admin Unit", first);
        Person deep = fixtures.person("Deep Staff", unit);
        Actor admin = fixtures.admin();
        String token = fixtures.bearer(admin);
        mvc.perform(get("/organisations/{id}", unit.getId()).with(as(admin)))
                .andExpect(content().string(containsString(deep.getFullName())));

        String name = "Programme " + DirectoryFixtures.unique();
        String location = mvc.perform(post("/api/v1/programmes").header("Authorization", token)
                .contentType(MediaType.APPLICATION_JSON).content("""
                        {"name": "%s", "funder": "Test Fund", "startsOn": "2026-01-01", "endsOn": "2027-12-31",
                         "countries": ["KE", "SN"]}""".formatted(name)))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.countries", contains("KE", "SN")))
                .andReturn().getResponse().getHeader("Location");
        long id = Long.parseLong(location.substring(location.lastIndexOf('/') + 1));

        Organisation second = fixtures.ministry("Admin Programme Second");
        mvc.perform(put("/api/v1/programmes/{id}/members", id).header("Authorization", token)
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"organisationIds\": [%d, %d]}".formatted(first.getId(), second.getId())))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.memberIds.length()").value(2));
        Person coordinator = fixtures.person("New Coordinator", null);
        mvc.perform(put("/api/v1/programmes/{id}/coordinators", id).header("Authorization", token)
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"personIds\": [%d]}".formatted(coordinator.getId())))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.coordinatorIds[0]").value(coordinator.getId().intValue()));
        mvc.perform(put("/api/v1/programmes/{id}/members", id).header("Authorization", token)
                .contentType(MediaType.APPLICATION_JSON).content("{\"organisationIds\": [987654321]}"))
                .andExpect(status().isBadRequest());
        assertThat(memberIds(id)).containsExactlyInAnyOrder(first.getId(), second.getId());
        mvc.perform(put("/api/v1/programmes/{id}", id).header("Authorization", token)
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"name\": \"%s\", \"countries\": [\"QQ\"]}".formatted(name)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.countries").exists());

        // The new coordinator now sees the members' people.
        Person staff = fixtures.person("Second Staff", second);
        mvc.perform(get("/organisations/{id}", second.getId()).with(as(fixtures.account(coordinator))))
                .andExpect(content().string(containsString(staff.getFullName())));

        // Pages: the programme shows its members; the edit form refuses a period ending before it starts.
        mvc.perform(get("/programmes/{id}", id).with(as(admin)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(second.getName())));
        mvc.perform(post("/programmes/{id}", id).param("name", name).param("startsOn", "2026-05-01")
                .param("endsOn", "2026-01-01").with(csrf()).with(as(admin)))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("The end is before the start.")));
        mvc.perform(post("/programmes").param("name", "p".repeat(201)).with(csrf()).with(as(admin)))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("The name is longer than 200 characters.")));
        mvc.perform(post("/programmes").param("name", "Bad country").param("countries", "QQ")
                .with(csrf()).with(as(admin)))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("id=\"countries-error\"")));
    }

    @Test
    void onlyAdministratorsCreateProgrammes() throws Exception {
        Actor member = fixtures.memberOf(fixtures.ministry("Programme-less Ministry"));
        mvc.perform(get("/programmes").with(as(member))).andExpect(status().isOk());
        mvc.perform(get("/programmes/new").with(as(member))).andExpect(status().isForbidden());
        mvc.perform(post("/programmes").param("name", "Unauthorised").with(csrf()).with(as(member)))
                .andExpect(status().isForbidden());
        mvc.perform(post("/api/v1/programmes").header("Authorization", fixtures.bearer(member))
                .contentType(MediaType.APPLICATION_JSON).content("{\"name\": \"Unauthorised\"}"))
                .andExpect(status().isForbidden());
        mvc.perform(post("/programmes").param("name", "Admin's programme " + DirectoryFixtures.unique())
                .param("funder", "Fund").param("countries", "KE").with(csrf()).with(as(fixtures.admin())))
                .andExpect(status().is3xxRedirection());
    }
}
