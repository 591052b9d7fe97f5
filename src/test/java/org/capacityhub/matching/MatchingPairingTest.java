package org.capacityhub.matching;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.Set;

import org.capacityhub.directory.organisation.Organisation;
import org.capacityhub.directory.person.Person;
import org.capacityhub.matching.domain.Profile;
import org.capacityhub.matching.ranking.Visibility;
import org.capacityhub.planning.CompetencyTarget;
import org.capacityhub.planning.DeliveryMode;
import org.capacityhub.planning.PlanConstraints;
import org.capacityhub.planning.Suggestion;
import org.capacityhub.planning.SuggestionKind;
import org.capacityhub.planning.SuggestionRequest;
import org.capacityhub.planning.SuggestionSource;
import org.capacityhub.support.DirectoryFixtures.Actor;
import org.capacityhub.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Cohort pairing through the API (hard constraints honoured, unassigned mentees with the reason, nobody notified
 * before the coordinator confirms) and matching's suggestions to the planner.
 */
@IntegrationTest
class MatchingPairingTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    ApplicationContext context;
    @Autowired
    ObjectMapper json;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    List<SuggestionSource> sources;

    private int mailsTo(Actor actor) {
        String email = context.getBean(org.capacityhub.directory.Directory.class).person(actor.personId())
                .orElseThrow().email();
        return jdbc.queryForObject("select count(*) from outbox_message where recipient = ?", Integer.class, email);
    }

    @Test
    void aRoundPlacesMenteesWithMentorsSharingALanguageNeverOfTheSameOrganisationAndNotifiesOnlyOnceConfirmed()
            throws Exception {
        MatchingFixtures fixtures = new MatchingFixtures(context);
        long competency = fixtures.section(4);
        Organisation learners = fixtures.ministry("Learning ministry");
        Organisation helpers = fixtures.ministry("Helping agency");
        Person coordinatorPerson = fixtures.directory.person("Round coordinator", null);
        fixtures.directory.programme("Pairing programme", List.of(learners, helpers), List.of(coordinatorPerson));
        Actor coordinator = fixtures.directory.account(coordinatorPerson);

        Actor french = fixtures.directory.memberOf(learners);
        Actor english = fixtures.directory.memberOf(learners);
        Actor swahili = fixtures.directory.memberOf(learners);
        Actor colleague = fixtures.directory.memberOf(learners);
        Profile frenchMentee = fixtures.learner(french, competency, 2, "fr");
        Profile englishMentee = fixtures.learner(english, competency, 2, "en");
        Profile swahiliMentee = fixtures.learner(swahili, competency, 2, "sw");
        // a mentor of the mentees' own organisation speaking Swahili: the only one for the Swahili mentee
        Profile sameOrganisation = fixtures.helper(colleague, competency, 2, Visibility.PUBLIC, "sw");
        Actor bilingual = fixtures.directory.memberOf(helpers);
        Profile bilingualMentor = fixtures.helper(bilingual, competency, 2, Visibility.PROGRAMME, "fr", "en");

        String token = fixtures.directory.bearer(coordinator);
        JsonNode round = json.readTree(mvc.perform(post("/api/v1/matching/rounds")
                        .header(HttpHeaders.AUTHORIZATION, token).contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"title": "Round", "competencyId": %d, "mentorCapacity": 1, "topK": 5,
                                 "avoidSameOrganisation": true}""".formatted(competency)))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString());
        assertThat(round.get("state").asText()).isEqualTo("DRAFT");
        assertThat(round.get("boundExact").asBoolean()).isTrue();
        JsonNode pairs = round.get("pairs");
        long placedWithBilingual = 0;
        for (JsonNode pair : pairs) {
            long mentee = pair.get("menteeProfileId").asLong();
            if (mentee == swahiliMentee.getId()) {
                assertThat(pair.get("mentorProfileId").isNull()).isTrue();
                assertThat(pair.get("unassignedReason").asText()).isEqualTo("sameOrganisation");
            } else if (mentee == frenchMentee.getId() || mentee == englishMentee.getId()) {
                if (!pair.get("mentorProfileId").isNull()) {
                    assertThat(pair.get("mentorProfileId").asLong()).isEqualTo(bilingualMentor.getId());
                    placedWithBilingual++;
                } else {
                    assertThat(pair.get("unassignedReason").asText()).isEqualTo("capacity");
                }
            }
            if (!pair.get("mentorProfileId").isNull()) {
                assertThat(pair.get("mentorProfileId").asLong()).isNotEqualTo(sameOrganisation.getId());
            }
        }
        assertThat(placedWithBilingual).as("capacity 1").isEqualTo(1);
        long id = round.get("id").asLong();
        assertThat(mailsTo(bilingual)).as("nobody is notified before the coordinator confirms").isZero();

        // another user may not see the round
        mvc.perform(get("/api/v1/matching/rounds/{id}", id).header(HttpHeaders.AUTHORIZATION,
                fixtures.directory.bearer(french))).andExpect(status().isNotFound());
        mvc.perform(post("/api/v1/matching/rounds/{id}/confirm", id).header(HttpHeaders.AUTHORIZATION, token))
                .andExpect(status().isOk());
        assertThat(mailsTo(bilingual)).isEqualTo(1);
        mvc.perform(post("/api/v1/matching/rounds/{id}/confirm", id).header(HttpHeaders.AUTHORIZATION, token))
                .andExpect(status().isConflict());
        // a bad capacity is a problem document
        mvc.perform(post("/api/v1/matching/rounds").header(HttpHeaders.AUTHORIZATION, token)
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"title\": \"Round\", \"competencyId\": %d, \"mentorCapacity\": 0}".formatted(competency)))
                .andExpect(status().isBadRequest());
        // the round page shows the unassigned mentee and why
        mvc.perform(get("/matching/rounds/{id}", id).with(org.capacityhub.support.DirectoryFixtures.as(coordinator)))
                .andExpect(status().isOk()).andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers
                        .content().string(org.hamcrest.Matchers.containsString("of the same organisation")));
    }

    @Test
    void matchingSuggestsFittingMentorsAndPeersToThePlannerBestFirstWithReasons() {
        MatchingFixtures fixtures = new MatchingFixtures(context);
        long competency = fixtures.section(5);
        SuggestionSource matching = sources.stream().filter(s -> s.key().equals("matching")).findFirst().orElseThrow();
        Actor strong = fixtures.member("Strong agency");
        Profile top = fixtures.helper(strong, competency, 2, Visibility.PUBLIC, "fr");
        Actor low = fixtures.member("Beginner agency");
        Profile below = fixtures.helper(low, competency, 0, Visibility.PUBLIC, "fr");
        Actor hidden = fixtures.member("Hidden agency");
        Profile secret = fixtures.helper(hidden, competency, 2, Visibility.COORDINATORS, "fr");
        Actor planner = fixtures.member("Planning ministry");

        SuggestionRequest request = new SuggestionRequest(competency, List.of(new CompetencyTarget(competency, 0, 2, 3)),
                Set.of("fr"), PlanConstraints.NONE, null, planner.personId(), 10);
        List<Suggestion> suggestions = MatchingFixtures.as(planner, () -> matching.suggest(request));
        assertThat(suggestions).extracting(Suggestion::reference).contains("profile/" + top.getId())
                .doesNotContain("profile/" + below.getId(), "profile/" + secret.getId());
        assertThat(suggestions).allSatisfy(s -> {
            assertThat(request.fits(s)).isTrue();
            assertThat(s.kind()).isEqualTo(SuggestionKind.MENTOR);
            assertThat(s.reason()).isNotBlank();
            assertThat(s.source()).isEqualTo("matching");
        });
        assertThat(suggestions).extracting(Suggestion::score).isSortedAccordingTo((a, b) -> Double.compare(b, a));
        // an administrator may find the coordinators-only profile, but a plan would show it to its organisation
        List<Suggestion> forAdmin = MatchingFixtures.as(fixtures.directory.admin(), () -> matching.suggest(request));
        assertThat(forAdmin).extracting(Suggestion::reference).contains("profile/" + top.getId())
                .doesNotContain("profile/" + secret.getId());
        // constraints: nobody offers it in person
        SuggestionRequest inPerson = new SuggestionRequest(competency, request.targets(), Set.of("fr"),
                new PlanConstraints(Set.of(DeliveryMode.IN_PERSON), null, null, null, null), null, planner.personId(),
                10);
        assertThat(MatchingFixtures.as(planner, () -> matching.suggest(inPerson))).extracting(Suggestion::reference)
                .doesNotContain("profile/" + top.getId());
    }
}
