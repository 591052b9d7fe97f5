package org.capacityhub.matching;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;

import org.capacityhub.directory.organisation.Organisation;
import org.capacityhub.directory.person.Person;
import org.capacityhub.matching.domain.Profile;
import org.capacityhub.matching.ranking.Visibility;
import org.capacityhub.support.DirectoryFixtures;
import org.capacityhub.support.DirectoryFixtures.Actor;
import org.capacityhub.support.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Who sees and does what in the capacity exchange: visibility in every listing, ranking and the API; requests and
 * exchanges only for their sides (404 for others); only the helper accepts (403); no contact details before the
 * helper accepts; bad input as problem documents.
 */
@IntegrationTest
class MatchingAccessTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    ApplicationContext context;
    @Autowired
    ObjectMapper json;

    MatchingFixtures fixtures;
    long competency;

    @BeforeEach
    void setUp() {
        fixtures = new MatchingFixtures(context);
        competency = fixtures.section(2);
    }

    private String bearer(Actor actor) {
        return fixtures.directory.bearer(actor);
    }

    private JsonNode helpers(Actor actor, long requestId) throws Exception {
        return json.readTree(mvc.perform(get("/api/v1/matching/requests/{id}/helpers", requestId)
                .header(HttpHeaders.AUTHORIZATION, bearer(actor))).andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsString());
    }

    private static List<Long> ids(JsonNode helpers) {
        return java.util.stream.StreamSupport.stream(helpers.spliterator(), false)
                .map(h -> h.get("profileId").asLong()).toList();
    }

    @Test
    void visibilityIsEnforcedInRankingsAndTheApi() throws Exception {
        Organisation helperOrg = fixtures.ministry("Helper ministry");
        Organisation partnerOrg = fixtures.ministry("Partner ministry");
        Actor coordinatorsOnly = fixtures.directory.memberOf(helperOrg);
        Actor withinProgramme = fixtures.directory.memberOf(helperOrg);
        Actor everyone = fixtures.directory.memberOf(helperOrg);
        Profile hidden = fixtures.helper(coordinatorsOnly, competency, 2, Visibility.COORDINATORS, "en");
        Profile programme = fixtures.helper(withinProgramme, competency, 2, Visibility.PROGRAMME, "en");
        Profile open = fixtures.helper(everyone, competency, 2, Visibility.PUBLIC, "en");

        Actor outsider = fixtures.member("Outside ministry");
        Actor partner = fixtures.directory.memberOf(partnerOrg);
        Person coordinatorPerson = fixtures.directory.person("Coordinator", null);
        fixtures.directory.programme("Programme", List.of(helperOrg, partnerOrg), List.of(coordinatorPerson));
        Actor coordinator = fixtures.directory.account(coordinatorPerson);

        List<Long> seenByOutsider = ids(helpers(outsider, fixtures.request(outsider, competency, "en")));
        assertThat(seenByOutsider).contains(open.getId()).doesNotContain(programme.getId(), hidden.getId());
        List<Long> seenByPartner = ids(helpers(partner, fixtures.request(partner, competency, "en")));
        assertThat(seenByPartner).contains(open.getId(), programme.getId()).doesNotContain(hidden.getId());
        List<Long> seenByCoordinator = ids(helpers(coordinator, fixtures.request(coordinator, competency, "en")));
        assertThat(seenByCoordinator).contains(open.getId(), programme.getId(), hidden.getId());

        mvc.perform(get("/api/v1/matching/profiles/{id}", hidden.getId()).header(HttpHeaders.AUTHORIZATION,
                bearer(outsider))).andExpect(status().isNotFound());
        mvc.perform(get("/matching/profiles/{id}", programme.getId()).with(DirectoryFixtures.as(outsider)))
                .andExpect(status().isNotFound());
        mvc.perform(get("/matching/profiles/{id}", programme.getId()).with(DirectoryFixtures.as(partner)))
                .andExpect(status().isOk());
        // the search by capacity hides them too
        mvc.perform(get("/matching/search").param("competencyId", String.valueOf(competency))
                        .with(DirectoryFixtures.as(outsider))).andExpect(status().isOk())
                .andExpect(content().string(containsString("data-profile-id=\"" + open.getId() + "\"")))
                .andExpect(content().string(not(containsString("data-profile-id=\"" + hidden.getId() + "\""))));
        // seeing a profile is not changing it
        mvc.perform(post("/matching/profiles/{id}/settings", open.getId()).param("languages", "fr")
                .param("visibility", "PUBLIC").with(DirectoryFixtures.as(outsider)).with(csrf()))
                .andExpect(status().isForbidden());
        mvc.perform(post("/matching/profiles/{id}/settings", hidden.getId()).param("languages", "fr")
                .param("visibility", "PUBLIC").with(DirectoryFixtures.as(outsider)).with(csrf()))
                .andExpect(status().isNotFound());
    }

    @Test
    void requestsAndExchangesAreOnlyForTheirSidesAndOnlyTheHelperAccepts() throws Exception {
        Actor helper = fixtures.member("Helping agency");
        Profile helperProfile = fixtures.helper(helper, competency, 2, Visibility.PUBLIC, "en");
        Actor asker = fixtures.member("Asking ministry");
        Actor stranger = fixtures.member("Stranger ministry");
        long request = fixtures.request(asker, competency, "en");

        mvc.perform(get("/api/v1/matching/requests/{id}", request).header(HttpHeaders.AUTHORIZATION, bearer(stranger)))
                .andExpect(status().isNotFound());
        mvc.perform(get("/matching/requests/{id}", request).with(DirectoryFixtures.as(stranger)))
                .andExpect(status().isNotFound());
        mvc.perform(post("/matching/requests/{id}/contact", request).param("helperProfileId",
                        String.valueOf(helperProfile.getId())).param("message", "Hello")
                .with(DirectoryFixtures.as(stranger)).with(csrf())).andExpect(status().isNotFound());

        String location = mvc.perform(post("/matching/requests/{id}/contact", request)
                        .param("helperProfileId", String.valueOf(helperProfile.getId()))
                        .param("message", "Could you help our team?").with(DirectoryFixtures.as(asker)).with(csrf()))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
        long exchange = Long.parseLong(location.replaceAll(".*/exchanges/(\\d+).*", "$1"));

        mvc.perform(get("/matching/exchanges/{id}", exchange).with(DirectoryFixtures.as(stranger)))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/matching/exchanges/{id}", exchange).header(HttpHeaders.AUTHORIZATION,
                bearer(stranger))).andExpect(status().isNotFound());
        mvc.perform(post("/matching/exchanges/{id}/accept", exchange).with(DirectoryFixtures.as(asker)).with(csrf()))
                .andExpect(status().isForbidden());
        mvc.perform(post("/matching/exchanges/{id}/accept", exchange).with(DirectoryFixtures.as(stranger))
                .with(csrf())).andExpect(status().isNotFound());
        // feedback only once completed
        mvc.perform(post("/matching/exchanges/{id}/feedback", exchange).param("rating", "5")
                .with(DirectoryFixtures.as(asker)).with(csrf())).andExpect(status().isConflict());
        mvc.perform(post("/matching/exchanges/{id}/accept", exchange).with(DirectoryFixtures.as(helper)).with(csrf()))
                .andExpect(status().is3xxRedirection());
        // contacting the same helper again while the exchange is open is a conflict
        mvc.perform(post("/matching/requests/{id}/contact", request).param("helperProfileId",
                        String.valueOf(helperProfile.getId())).param("message", "Again")
                .with(DirectoryFixtures.as(asker)).with(csrf())).andExpect(status().isConflict());
    }

    @Test
    void noContactDetailsAreRevealedBeforeTheHelperAccepts() throws Exception {
        Actor helper = fixtures.member("Discreet agency");
        Profile helperProfile = fixtures.helper(helper, competency, 2, Visibility.PUBLIC, "en");
        String helperEmail = fixtures.directory.person("x", null).getEmail(); // a fresh address, for the shape only
        String realEmail = context.getBean(org.capacityhub.directory.Directory.class).person(helper.personId())
                .orElseThrow().email();
        assertThat(realEmail).isNotBlank().isNotEqualTo(helperEmail);
        Actor asker = fixtures.member("Curious ministry");
        long request = fixtures.request(asker, competency, "en");
        String askerEmail = context.getBean(org.capacityhub.directory.Directory.class).person(asker.personId())
                .orElseThrow().email();

        String ranking = mvc.perform(get("/api/v1/matching/requests/{id}/helpers", request)
                .header(HttpHeaders.AUTHORIZATION, bearer(asker))).andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsString();
        assertThat(ranking).contains(helperProfile.getDisplayName()).doesNotContain(realEmail);
        mvc.perform(get("/matching/requests/{id}", request).with(DirectoryFixtures.as(asker)))
                .andExpect(status().isOk()).andExpect(content().string(containsString(helperProfile.getDisplayName())))
                .andExpect(content().string(not(containsString(realEmail))));
        mvc.perform(get("/api/v1/matching/profiles/{id}", helperProfile.getId()).header(HttpHeaders.AUTHORIZATION,
                bearer(asker))).andExpect(status().isOk())
                .andExpect(content().string(not(containsString(realEmail))));

        String location = mvc.perform(post("/matching/requests/{id}/contact", request)
                        .param("helperProfileId", String.valueOf(helperProfile.getId()))
                        .param("message", "Hello").with(DirectoryFixtures.as(asker)).with(csrf()))
                .andReturn().getResponse().getRedirectedUrl();
        long exchange = Long.parseLong(location.replaceAll(".*/exchanges/(\\d+).*", "$1"));
        for (Actor side : List.of(asker, helper)) {
            mvc.perform(get("/matching/exchanges/{id}", exchange).with(DirectoryFixtures.as(side)))
                    .andExpect(status().isOk()).andExpect(content().string(not(containsString(realEmail))))
                    .andExpect(content().string(not(containsString(askerEmail))));
            mvc.perform(get("/api/v1/matching/exchanges/{id}", exchange).header(HttpHeaders.AUTHORIZATION,
                    bearer(side))).andExpect(status().isOk()).andExpect(jsonPath("$.helperContact").isEmpty())
                    .andExpect(jsonPath("$.requesterContact").isEmpty());
        }
        mvc.perform(post("/matching/exchanges/{id}/accept", exchange).with(DirectoryFixtures.as(helper)).with(csrf()))
                .andExpect(status().is3xxRedirection());
        mvc.perform(get("/api/v1/matching/exchanges/{id}", exchange).header(HttpHeaders.AUTHORIZATION,
                bearer(asker))).andExpect(status().isOk()).andExpect(jsonPath("$.helperContact.email").value(realEmail))
                .andExpect(jsonPath("$.state").value("ACCEPTED"));
        mvc.perform(get("/matching/exchanges/{id}", exchange).with(DirectoryFixtures.as(helper)))
                .andExpect(content().string(containsString(askerEmail)));
    }

    @Test
    void badInputIsAProblemDocumentAndNothingIsStored() throws Exception {
        Actor asker = fixtures.member("Careless ministry");
        String token = bearer(asker);
        String[] bodies = {
                "{\"title\": \"\", \"competencies\": [{\"competencyId\": %d, \"targetRank\": 1}], \"languages\": [\"en\"]}",
                "{\"title\": \"Help\", \"competencies\": [], \"languages\": [\"en\"]}",
                "{\"title\": \"Help\", \"competencies\": [{\"competencyId\": 999999999, \"targetRank\": 1}], \"languages\": [\"en\"]}",
                "{\"title\": \"Help\", \"competencies\": [{\"competencyId\": %d, \"targetRank\": 99}], \"languages\": [\"en\"]}",
                "{\"title\": \"Help\", \"competencies\": [{\"competencyId\": %d, \"targetRank\": 1}], \"languages\": [\"english!\"]}",
                "{\"title\": \"Help\", \"competencies\": [{\"competencyId\": %d, \"targetRank\": 1}], \"languages\": [\"en\"], \"format\": \"CARRIER_PIGEON\"}",
                "{\"title\": \"Help\", \"competencies\": [{\"competencyId\": %d, \"targetRank\": 1}], \"languages\": [\"en\"], \"timeZone\": \"Mars/Olympus\"}",
                "{\"title\": \"Help\", \"competencies\": [{\"competencyId\": \"abc\"}]}",
                "not json"};
        for (String body : bodies) {
            mvc.perform(post("/api/v1/matching/requests").header(HttpHeaders.AUTHORIZATION, token)
                            .contentType(MediaType.APPLICATION_JSON).content(body.formatted(competency, competency)))
                    .andExpect(status().isBadRequest())
                    .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        }
        assertThat(MatchingFixtures.as(asker, () -> fixtures.requests.mine())).isEmpty();
        long request = fixtures.request(asker, competency, "en");
        mvc.perform(get("/api/v1/matching/requests/{id}/helpers", request).param("limit", "0")
                        .header(HttpHeaders.AUTHORIZATION, token)).andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        mvc.perform(get("/api/v1/matching/requests/{id}", Long.MAX_VALUE).header(HttpHeaders.AUTHORIZATION, token))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        // a member who coordinates nothing may not run pairing rounds
        mvc.perform(post("/api/v1/matching/rounds").header(HttpHeaders.AUTHORIZATION, token)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"title\": \"Round\", \"competencyId\": %d}".formatted(competency)))
                .andExpect(status().isForbidden());
        // the page form shows errors in the page
        mvc.perform(post("/matching/requests").param("title", "").param("languages", "en")
                        .with(DirectoryFixtures.as(asker)).with(csrf())).andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("is-invalid")));
        assertThat(MatchingFixtures.as(asker, () -> fixtures.requests.mine())).hasSize(1);
    }
}
