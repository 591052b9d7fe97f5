package org.capacityhub.matching;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.Set;

import org.capacityhub.framework.Frameworks;
import org.capacityhub.framework.Frameworks.Competency;
import org.capacityhub.library.domain.Delivery;
import org.capacityhub.library.domain.LibraryService;
import org.capacityhub.library.domain.ResourceInput;
import org.capacityhub.library.domain.ResourceKind;
import org.capacityhub.library.domain.Visibility;
import org.capacityhub.directory.organisation.Organisation;
import org.capacityhub.support.DirectoryFixtures;
import org.capacityhub.support.DirectoryFixtures.Actor;
import org.capacityhub.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpHeaders;
import org.springframework.test.web.servlet.MockMvc;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Library resources ranked beside the helpers of a request: the better-fitting resource (the competency asked, at
 * the level wanted, in the request's language, from the requester's country) above a weaker one (a neighbouring
 * competency, another level, language and continent); a private resource of another organisation and an unpublished
 * one never appear, a private one of the requester's own organisation does; each with why in words.
 */
@IntegrationTest
class MatchingResourcesTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    ApplicationContext context;
    @Autowired
    ObjectMapper json;
    @Autowired
    LibraryService library;
    @Autowired
    Frameworks frameworks;

    private long resource(Actor author, Actor reviewer, String title, long competencyId, Integer level,
            String language, String country, Visibility visibility, boolean publish) {
        long id = MatchingFixtures.as(author, () -> library.create(new ResourceInput(ResourceKind.TOOLKIT, title,
                "A resource for the capacity exchange", null, language, Set.of(), country, null, Delivery.ONLINE, 2,
                null, null, "CC-BY-4.0", null, visibility, level, Set.of(), Set.of(competencyId), null, null, null,
                null, null, null, null, null)));
        if (publish) {
            MatchingFixtures.as(author, () -> {
                library.submit(id, Set.of(reviewer.personId()));
                return null;
            });
            MatchingFixtures.as(reviewer, () -> {
                library.publish(id);
                return null;
            });
        }
        return id;
    }

    @Test
    void theBetterFittingResourceRanksAboveAWeakerOneAndPrivateResourcesOfOthersNeverAppear() throws Exception {
        MatchingFixtures fixtures = new MatchingFixtures(context);
        DirectoryFixtures directory = fixtures.directory;
        // a UNESCO sub-competency and another one of the same domain
        Competency asked = frameworks.publishedFrameworks().stream()
                .filter(v -> v.frameworkIdentifier().equals(Frameworks.UNESCO_DIGITAL_COMPETENCIES))
                .flatMap(v -> frameworks.tree(v.versionId()).stream()).filter(c -> c.parentId() != null)
                .toList().get(1); // the second sub-competency
        Competency sibling = frameworks.tree(asked.versionId()).stream()
                .filter(c -> asked.parentId().equals(c.parentId()) && c.id() != asked.id()).findFirst().orElseThrow();

        Organisation publisher = directory.ministry("Publishing agency");
        Actor author = directory.memberOf(publisher);
        Actor reviewer = directory.memberOf(publisher);
        Organisation own = directory.ministry("Asking ministry");
        Actor asker = directory.memberOf(own);
        Actor ownAuthor = directory.memberOf(own);
        Actor ownReviewer = directory.memberOf(own);
        fixtures.learner(asker, asked.id(), 1, "en"); // from Kenya

        String tag = DirectoryFixtures.unique();
        long strong = resource(author, reviewer, "Strong " + tag, asked.id(), 1, "en", "KE", Visibility.PUBLIC, true);
        long weak = resource(author, reviewer, "Weak " + tag, sibling.id(), 2, "fr", "FR", Visibility.PUBLIC, true);
        long othersPrivate = resource(author, reviewer, "Private of others " + tag, asked.id(), 1, "en", "KE",
                Visibility.PRIVATE, true);
        long draft = resource(author, reviewer, "Draft " + tag, asked.id(), 1, "en", "KE", Visibility.PUBLIC, false);
        long ownPrivate = resource(ownAuthor, ownReviewer, "Own private " + tag, asked.id(), 1, "en", "KE",
                Visibility.PRIVATE, true);
        long request = fixtures.request(asker, asked.id(), "en"); // wants level 1

        JsonNode ranked = json.readTree(mvc.perform(get("/api/v1/matching/requests/{id}/resources", request)
                .param("limit", "100").header(HttpHeaders.AUTHORIZATION, directory.bearer(asker)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        List<Long> ids = java.util.stream.StreamSupport.stream(ranked.spliterator(), false)
                .map(r -> r.get("id").asLong()).toList();
        assertThat(ids).contains(strong, weak, ownPrivate).doesNotContain(othersPrivate, draft);
        assertThat(ids.indexOf(strong)).isLessThan(ids.indexOf(weak));
        JsonNode first = ranked.get(ids.indexOf(strong));
        JsonNode second = ranked.get(ids.indexOf(weak));
        assertThat(first.get("score").asDouble()).isGreaterThan(second.get("score").asDouble());
        assertThat(first.get("reasons").toString()).contains("On " + asked.title()).contains("At the level asked for")
                .contains("In English").contains("From the same country");
        assertThat(second.get("reasons").toString()).contains("in the same area as " + asked.title())
                .contains("Above the level asked for").contains("In none of the languages asked for");

        // the request page shows them in their own section, with the same rule
        mvc.perform(get("/matching/requests/{id}", request).with(DirectoryFixtures.as(asker)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("data-resource-id=\"" + strong + "\"")))
                .andExpect(content().string(containsString("Own private " + tag)))
                .andExpect(content().string(not(containsString("Private of others " + tag))))
                .andExpect(content().string(not(containsString("Draft " + tag))));

        // a stranger may not see the request, nor its resources
        Actor stranger = fixtures.member("Stranger ministry");
        mvc.perform(get("/api/v1/matching/requests/{id}/resources", request)
                .header(HttpHeaders.AUTHORIZATION, directory.bearer(stranger))).andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/matching/requests/{id}/resources", request).param("limit", "0")
                .header(HttpHeaders.AUTHORIZATION, directory.bearer(asker))).andExpect(status().isBadRequest());
    }
}
