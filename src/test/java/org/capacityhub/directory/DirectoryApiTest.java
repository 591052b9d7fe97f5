package org.capacityhub.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.capacityhub.directory.organisation.Organisation;
import org.capacityhub.directory.organisation.OrganisationRepository;
import org.capacityhub.directory.person.Person;
import org.capacityhub.directory.person.PersonRepository;
import org.capacityhub.support.DirectoryFixtures;
import org.capacityhub.support.DirectoryFixtures.Actor;
import org.capacityhub.support.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

/** The directory's REST API: public fields, access control, bad input and stale edits as problem documents. */
@IntegrationTest
class DirectoryApiTest {

    private static final MediaType PROBLEM = MediaType.APPLICATION_PROBLEM_JSON;

    @Autowired
    MockMvc mvc;

    @Autowired
    ApplicationContext context;

    @Autowired
    OrganisationRepository organisations;

    @Autowired
    PersonRepository people;

    DirectoryFixtures fixtures;

    @BeforeEach
    void fixtures() {
        fixtures = DirectoryFixtures.of(context);
    }

    private static String organisationJson(String name, String country, Long parentId, Long version) {
        return """
                {"name": "%s", "type": "MINISTRY", "countryCode": "%s", "parentId": %s, "version": %s}"""
                .formatted(name, country, parentId, version);
    }

    @Test
    void withoutATokenTheApiAnswers401() throws Exception {
        mvc.perform(get("/api/v1/organisations")).andExpect(status().isUnauthorized())
                .andExpect(content().contentTypeCompatibleWith(PROBLEM))
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.startsWith("Authentication required")));
    }

    @Test
    void securityProblemsSpeakTheClientsLanguage() throws Exception {
        mvc.perform(get("/api/v1/organisations").header("Accept-Language", "fr-FR,fr;q=0.9"))
                .andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.startsWith("Authentification requise")));
        mvc.perform(get("/api/v1/organisations").header("Authorization", "Bearer chub_not-a-token")
                        .header("Accept-Language", "fr"))
                .andExpect(status().isUnauthorized())
                .andExpect(content().contentTypeCompatibleWith(PROBLEM))
                .andExpect(jsonPath("$.detail").value("Le jeton d'accès est inconnu, expiré ou révoqué."));
        mvc.perform(get("/api/v1/organisations").header("Authorization", "Bearer chub_not-a-token")
                        .header("Accept-Language", "sw"))
                .andExpect(jsonPath("$.detail").value("The access token is unknown, expired or revoked."));
    }

    @Test
    void theApiIsDocumentedByOpenApi() throws Exception {
        mvc.perform(get("/v3/api-docs"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.paths['/api/v1/organisations']").exists())
                .andExpect(jsonPath("$.paths['/api/v1/organisations/{id}/people']").exists())
                .andExpect(jsonPath("$.paths['/api/v1/people/{id}']").exists())
                .andExpect(jsonPath("$.paths['/api/v1/programmes/{id}/members']").exists());
    }

    @Test
    void aMalformedIdIsNotFound() throws Exception {
        String token = fixtures.bearer(fixtures.admin());
        // (The servlet container's error dispatch, which MockMvc does not run, turns this one into a problem document.)
        mvc.perform(get("/api/v1/organisations/not-a-number").header("Authorization", token))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/people").param("page", "abc").header("Authorization", token))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(PROBLEM));
    }

    @Test
    void organisationsAreListedCreatedChangedAndDeleted() throws Exception {
        String admin = fixtures.bearer(fixtures.admin());
        String name = "API Ministry " + DirectoryFixtures.unique();
        String location = mvc.perform(post("/api/v1/organisations").header("Authorization", admin)
                .contentType(MediaType.APPLICATION_JSON).content(organisationJson(name, "GH", null, null)))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.name").value(name))
                .andExpect(jsonPath("$.countryCode").value("GH"))
                .andReturn().getResponse().getHeader("Location");
        long id = Long.parseLong(location.substring(location.lastIndexOf('/') + 1));

        Actor member = fixtures.memberOf(fixtures.ministry("Listing Ministry"));
        mvc.perform(get("/api/v1/organisations").header("Authorization", fixtures.bearer(member)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[*].name", hasItem(name)));
        mvc.perform(get("/api/v1/organisations").param("q", name.toUpperCase()).param("type", "MINISTRY")
                .param("country", "gh").header("Authorization", admin))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.length()").value(1))
                .andExpect(jsonPath("$[0].name").value(name));
        mvc.perform(get("/api/v1/organisations").param("q", name).param("type", "AGENCY")
                .header("Authorization", admin))
                .andExpect(jsonPath("$.length()").value(0));

        mvc.perform(put("/api/v1/organisations/{id}", id).header("Authorization", admin)
                .contentType(MediaType.APPLICATION_JSON).content(organisationJson(name + " renamed", "GH", null, 0L)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.version").value(1));
        // A change made from the version read before someone else's change is refused.
        mvc.perform(put("/api/v1/organisations/{id}", id).header("Authorization", admin)
                .contentType(MediaType.APPLICATION_JSON).content(organisationJson(name + " stale", "GH", null, 0L)))
                .andExpect(status().isConflict())
                .andExpect(content().contentTypeCompatibleWith(PROBLEM));
        assertThat(organisations.findById(id).orElseThrow().getName()).isEqualTo(name + " renamed");

        mvc.perform(delete("/api/v1/organisations/{id}", id).header("Authorization", admin))
                .andExpect(status().isNoContent());
        mvc.perform(get("/api/v1/organisations/{id}", id).header("Authorization", admin))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(PROBLEM));
    }

    @Test
    void badOrganisationInputIsA400ProblemNamingTheField() throws Exception {
        String admin = fixtures.bearer(fixtures.admin());
        long before = organisations.count();
        mvc.perform(post("/api/v1/organisations").header("Authorization", admin)
                .contentType(MediaType.APPLICATION_JSON).content(organisationJson("z".repeat(201), "KE", null, null)))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(PROBLEM))
                .andExpect(jsonPath("$.errors.name").exists());
        mvc.perform(post("/api/v1/organisations").header("Authorization", admin)
                .contentType(MediaType.APPLICATION_JSON).content(organisationJson("Nowhere", "QQ", null, null)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.countryCode").value("Choose a country by its two-letter ISO code."));
        mvc.perform(post("/api/v1/organisations").header("Authorization", admin)
                .contentType(MediaType.APPLICATION_JSON).content("{\"name\": \"Broken\", \"type\": \"PALACE\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(PROBLEM));
        assertThat(organisations.count()).isEqualTo(before);

        Organisation ministry = fixtures.ministry("API Cycle Ministry");
        Organisation unit = fixtures.unit("API Cycle Unit", ministry);
        mvc.perform(put("/api/v1/organisations/{id}", ministry.getId()).header("Authorization", admin)
                .contentType(MediaType.APPLICATION_JSON)
                .content(organisationJson(ministry.getName(), "KE", unit.getId(), null)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.parentId").exists());
        assertThat(organisations.findById(ministry.getId()).orElseThrow().getParent()).isNull();
    }

    @Test
    void anotherMinistrysPeopleAreNotFoundByChangingTheId() throws Exception {
        Organisation a = fixtures.ministry("API Ministry A");
        Organisation b = fixtures.ministry("API Ministry B");
        Person inB = fixtures.person("API Person B", b);
        String memberOfA = fixtures.bearer(fixtures.memberOf(a));

        mvc.perform(get("/api/v1/organisations/{id}/people", a.getId()).header("Authorization", memberOfA))
                .andExpect(status().isOk());
        mvc.perform(get("/api/v1/organisations/{id}/people", b.getId()).header("Authorization", memberOfA))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(PROBLEM));
        mvc.perform(get("/api/v1/people/{id}", inB.getId()).header("Authorization", memberOfA))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/people").param("q", inB.getFullName()).header("Authorization", memberOfA))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items[*].id", not(hasItem(inB.getId().intValue()))));
        mvc.perform(put("/api/v1/organisations/{id}", b.getId()).header("Authorization", memberOfA)
                .contentType(MediaType.APPLICATION_JSON).content(organisationJson("Taken", "KE", null, null)))
                .andExpect(status().isForbidden())
                .andExpect(content().contentTypeCompatibleWith(PROBLEM));
        mvc.perform(delete("/api/v1/organisations/{id}", b.getId()).header("Authorization", memberOfA))
                .andExpect(status().isForbidden());
        // The public part stays readable.
        mvc.perform(get("/api/v1/organisations/{id}", b.getId()).header("Authorization", memberOfA))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.name").value(b.getName()));
    }

    @Test
    void peopleAreCreatedAndADuplicateEmailIsAConflictOnTheEmailField() throws Exception {
        Organisation ministry = fixtures.ministry("API People Ministry");
        Person focal = fixtures.person("API Focal", ministry);
        fixtures.focalPoint(ministry, focal);
        String focalPoint = fixtures.bearer(fixtures.account(focal));
        String email = "api." + DirectoryFixtures.unique() + "@test.example";
        String body = """
                {"fullName": "API Newcomer", "email": "%s", "organisationId": %d, "roleFamily": "ADMINISTRATIVE",
                 "languages": ["fr", "en"], "timeZone": "Africa/Dakar", "countryCode": "SN"}"""
                .formatted(email, ministry.getId());
        mvc.perform(post("/api/v1/people").header("Authorization", focalPoint)
                .contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.email").value(email))
                .andExpect(jsonPath("$.languages[0]").value("fr"))
                .andExpect(jsonPath("$.gender").doesNotExist());
        long count = people.count();
        mvc.perform(post("/api/v1/people").header("Authorization", focalPoint)
                .contentType(MediaType.APPLICATION_JSON).content(body.replace("API Newcomer", "API Twin")))
                .andExpect(status().isConflict())
                .andExpect(content().contentTypeCompatibleWith(PROBLEM))
                .andExpect(jsonPath("$.errors.email").value("This e-mail address is already used."));
        mvc.perform(post("/api/v1/people").header("Authorization", focalPoint)
                .contentType(MediaType.APPLICATION_JSON).content(body.replace("API Newcomer", "n".repeat(201))
                        .replace(email, "other." + email)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.fullName").exists());
        mvc.perform(post("/api/v1/people").header("Authorization", focalPoint)
                .contentType(MediaType.APPLICATION_JSON).content(body.replace("\"SN\"", "\"QQ\"")
                        .replace(email, "third." + email)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.countryCode").exists());
        assertThat(people.count()).isEqualTo(count);

        Person created = people.findByEmail(email).orElseThrow();
        mvc.perform(put("/api/v1/people/{id}", created.getId()).header("Authorization", focalPoint)
                .contentType(MediaType.APPLICATION_JSON).content(body.replace("API Newcomer", "API Renamed")
                        .replace("}", ", \"version\": 0}")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.fullName").value("API Renamed"));
        mvc.perform(put("/api/v1/people/{id}", created.getId()).header("Authorization", focalPoint)
                .contentType(MediaType.APPLICATION_JSON).content(body.replace("}", ", \"version\": 0}")))
                .andExpect(status().isConflict());
    }
}
