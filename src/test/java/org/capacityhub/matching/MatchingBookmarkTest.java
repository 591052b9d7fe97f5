package org.capacityhub.matching;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
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
 * Bookmarks (saved people and organisations): save with a note, list, update, remove, in the pages and the API;
 * only profiles one may see can be saved (404), and the list hides a saved profile as soon as its visibility no
 * longer lets the person see it; each person sees only their own bookmarks.
 */
@IntegrationTest
class MatchingBookmarkTest {

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
        competency = fixtures.section(3);
    }

    private String bearer(Actor actor) {
        return fixtures.directory.bearer(actor);
    }

    private List<Long> saved(Actor actor) throws Exception {
        JsonNode list = json.readTree(mvc.perform(get("/api/v1/matching/bookmarks")
                .header(HttpHeaders.AUTHORIZATION, bearer(actor))).andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsString());
        return java.util.stream.StreamSupport.stream(list.spliterator(), false)
                .map(b -> b.get("profileId").asLong()).toList();
    }

    private void saveOverApi(Actor actor, long profileId, String note, int expected) throws Exception {
        mvc.perform(put("/api/v1/matching/bookmarks/{id}", profileId).header(HttpHeaders.AUTHORIZATION, bearer(actor))
                .contentType(MediaType.APPLICATION_JSON)
                .content(json.writeValueAsString(java.util.Map.of("note", note))))
                .andExpect(status().is(expected));
    }

    @Test
    void aPersonSavesAProfileWithANoteListsUpdatesAndRemovesIt() throws Exception {
        Actor helperActor = fixtures.member("Bookmarked agency");
        Profile helper = fixtures.helper(helperActor, competency, 2, Visibility.PUBLIC, "fr", "en");
        Actor me = fixtures.member("Bookmarking ministry");
        Actor other = fixtures.member("Other bookmarking ministry");

        // the page: save with a note
        mvc.perform(get("/matching/profiles/{id}", helper.getId()).with(DirectoryFixtures.as(me)))
                .andExpect(status().isOk()).andExpect(content().string(containsString("id=\"bookmark-form\"")));
        mvc.perform(post("/matching/profiles/{id}/bookmark", helper.getId()).param("note", "Ask about the EA toolkit")
                .with(DirectoryFixtures.as(me)).with(csrf()))
                .andExpect(status().is3xxRedirection());
        mvc.perform(get("/matching/saved").with(DirectoryFixtures.as(me))).andExpect(status().isOk())
                .andExpect(content().string(containsString(helper.getDisplayName())))
                .andExpect(content().string(containsString("Ask about the EA toolkit")));
        mvc.perform(get("/matching/profiles/{id}", helper.getId()).with(DirectoryFixtures.as(me)))
                .andExpect(content().string(containsString("id=\"remove-bookmark\"")));

        // the API: listed once, the note replaced by saving again
        assertThat(saved(me)).containsOnlyOnce(helper.getId());
        saveOverApi(me, helper.getId(), "Met at the workshop", 200);
        mvc.perform(get("/api/v1/matching/bookmarks").header(HttpHeaders.AUTHORIZATION, bearer(me)))
                .andExpect(jsonPath("$[?(@.profileId == " + helper.getId() + ")].note").value("Met at the workshop"))
                .andExpect(content().string(not(containsString("@"))));
        assertThat(saved(me)).containsOnlyOnce(helper.getId());

        // another person's list is their own
        assertThat(saved(other)).doesNotContain(helper.getId());
        mvc.perform(get("/matching/saved").with(DirectoryFixtures.as(other)))
                .andExpect(content().string(not(containsString("Met at the workshop"))));
        mvc.perform(delete("/api/v1/matching/bookmarks/{id}", helper.getId())
                .header(HttpHeaders.AUTHORIZATION, bearer(other))).andExpect(status().isNotFound());

        // removed from the page, then nothing left to remove
        mvc.perform(post("/matching/profiles/{id}/bookmark/delete", helper.getId()).param("from", "saved")
                .with(DirectoryFixtures.as(me)).with(csrf()))
                .andExpect(status().is3xxRedirection());
        assertThat(saved(me)).doesNotContain(helper.getId());
        mvc.perform(delete("/api/v1/matching/bookmarks/{id}", helper.getId())
                .header(HttpHeaders.AUTHORIZATION, bearer(me))).andExpect(status().isNotFound());

        // and again over the API
        saveOverApi(me, helper.getId(), "", 200);
        assertThat(saved(me)).contains(helper.getId());
        mvc.perform(delete("/api/v1/matching/bookmarks/{id}", helper.getId())
                .header(HttpHeaders.AUTHORIZATION, bearer(me))).andExpect(status().isNoContent());
        assertThat(saved(me)).doesNotContain(helper.getId());
    }

    @Test
    void onlyProfilesOneMaySeeCanBeSavedAndTheListHidesThoseThatBecameInvisible() throws Exception {
        Actor owner = fixtures.member("Hiding agency");
        Profile profile = fixtures.helper(owner, competency, 2, Visibility.PUBLIC, "en");
        Actor hiddenOwner = fixtures.member("Secret agency");
        Profile hidden = fixtures.helper(hiddenOwner, competency, 2, Visibility.COORDINATORS, "en");
        Actor me = fixtures.member("Curious ministry");

        // a profile one may not see: 404 on the page and in the API, nothing stored
        mvc.perform(post("/matching/profiles/{id}/bookmark", hidden.getId()).param("note", "x")
                .with(DirectoryFixtures.as(me)).with(csrf())).andExpect(status().isNotFound());
        saveOverApi(me, hidden.getId(), "x", 404);
        mvc.perform(put("/api/v1/matching/bookmarks/{id}", Long.MAX_VALUE).header(HttpHeaders.AUTHORIZATION, bearer(me))
                .contentType(MediaType.APPLICATION_JSON).content("{}")).andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        assertThat(saved(me)).doesNotContain(hidden.getId());

        // saved while public; hidden from the list (page and API) once the owner shows it to coordinators only
        saveOverApi(me, profile.getId(), "Good on architecture", 200);
        assertThat(saved(me)).contains(profile.getId());
        MatchingFixtures.as(owner, () -> {
            fixtures.profiles.describe(profile.getId(), List.of("en"), "KE", "Africa/Nairobi", Visibility.COORDINATORS);
            return null;
        });
        assertThat(saved(me)).doesNotContain(profile.getId());
        mvc.perform(get("/matching/saved").with(DirectoryFixtures.as(me))).andExpect(status().isOk())
                .andExpect(content().string(not(containsString(profile.getDisplayName()))))
                .andExpect(content().string(not(containsString("Good on architecture"))));
        mvc.perform(get("/matching/profiles/{id}", profile.getId()).with(DirectoryFixtures.as(me)))
                .andExpect(status().isNotFound());
        saveOverApi(me, profile.getId(), "again", 404);

        // visible again: the bookmark comes back with its note
        MatchingFixtures.as(owner, () -> {
            fixtures.profiles.describe(profile.getId(), List.of("en"), "KE", "Africa/Nairobi", Visibility.PUBLIC);
            return null;
        });
        mvc.perform(get("/api/v1/matching/bookmarks").header(HttpHeaders.AUTHORIZATION, bearer(me)))
                .andExpect(jsonPath("$[?(@.profileId == " + profile.getId() + ")].note").value("Good on architecture"));
    }

    @Test
    void badInputIsRefusedAndNothingIsStored() throws Exception {
        Actor me = fixtures.member("Careful ministry");
        Profile mine = fixtures.helper(me, competency, 1, Visibility.PUBLIC, "en");
        Actor helperActor = fixtures.member("Noted agency");
        Profile helper = fixtures.helper(helperActor, competency, 2, Visibility.PUBLIC, "en");
        String tooLong = "n".repeat(1001);

        // one's own profile
        mvc.perform(put("/api/v1/matching/bookmarks/{id}", mine.getId()).header(HttpHeaders.AUTHORIZATION, bearer(me))
                .contentType(MediaType.APPLICATION_JSON).content("{}")).andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        // a note too long: a problem document from the API, the form with its error in the page
        saveOverApi(me, helper.getId(), tooLong, 400);
        mvc.perform(post("/matching/profiles/{id}/bookmark", helper.getId()).param("note", tooLong)
                .with(DirectoryFixtures.as(me)).with(csrf())).andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("note-error")))
                .andExpect(content().string(containsString("The note is longer than")));
        assertThat(saved(me)).doesNotContain(helper.getId(), mine.getId());
    }

    @Test
    void organisationsAreSavedToo() throws Exception {
        Organisation agency = fixtures.ministry("Saved agency");
        Person focalPerson = fixtures.directory.person("Focal point", agency);
        fixtures.directory.focalPoint(agency, focalPerson);
        Actor focal = fixtures.directory.account(focalPerson);
        long profile = MatchingFixtures.as(focal, () -> {
            Profile p = fixtures.profiles.ofOrganisation(agency.getId());
            fixtures.profiles.describe(p.getId(), List.of("en"), "KE", null, Visibility.PUBLIC);
            return p.getId();
        });
        Actor me = fixtures.member("Partner ministry of the agency");

        saveOverApi(me, profile, "An agency to work with", 200);
        mvc.perform(get("/api/v1/matching/bookmarks").header(HttpHeaders.AUTHORIZATION, bearer(me)))
                .andExpect(jsonPath("$[?(@.profileId == " + profile + ")].organisation").value(true));
        mvc.perform(get("/matching/saved").with(DirectoryFixtures.as(me)))
                .andExpect(content().string(containsString("An agency to work with")))
                .andExpect(content().string(containsString("Organisation")));
        // those who act for the organisation have no need to save it
        saveOverApi(focal, profile, "ours", 400);
    }
}
