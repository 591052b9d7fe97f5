package org.capacityhub.planning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.capacityhub.planning.PlanningFixtures.as;

import java.time.Duration;
import java.util.List;
import java.util.Set;

import org.capacityhub.library.domain.Delivery;
import org.capacityhub.library.domain.LibraryService;
import org.capacityhub.library.domain.ResourceInput;
import org.capacityhub.library.domain.ResourceKind;
import org.capacityhub.library.domain.Visibility;
import org.capacityhub.planning.domain.PlanService;
import org.capacityhub.planning.domain.PlanState;
import org.capacityhub.planning.domain.PlanViews;
import org.capacityhub.support.DirectoryFixtures;
import org.capacityhub.support.DirectoryFixtures.Actor;
import org.capacityhub.support.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/**
 * "When a fitting resource or activity is published later, the affected plans get it as a new suggestion": the
 * real library publishes a resource (its review cycle, search index and {@link SuggestionsChanged} event), and
 * plans with an uncovered gap that it fits get it, marked new; plans it does not fit (level, language) do not.
 */
@IntegrationTest
class PlanResuggestTest {

    @Autowired
    ApplicationContext context;
    @Autowired
    PlanService plans;
    @Autowired
    LibraryService library;

    PlanningFixtures f;
    long profile;
    long assessment;
    Actor author;
    Actor reviewer;

    /** Section 1 at Basic (rank 0), target High (rank 2): content at Moderate (rank 1) or High fits. */
    static final int[] RANKS = {0, 1, 0, 2, 0, 1, 0, 0};

    @BeforeEach
    void setUp() {
        f = new PlanningFixtures(context, "Ministry of Late Resources");
        profile = f.profileAllHigh();
        assessment = f.submitted(f.ministry, RANKS);
        author = f.directory.memberOf(f.ministry);
        reviewer = f.directory.memberOf(f.ministry);
    }

    /** A draft plan in Swahili, a language the rest of the shared test data does not offer, so gaps start uncovered. */
    private long plan(String language) {
        return as(f.focal, () -> plans.generate(new PlanService.GenerateInput(assessment, profile,
                f.ministry.getId(), "Late " + DirectoryFixtures.unique(), Set.of(f.sections().get(0).id()),
                Set.of(language), PlanConstraints.NONE)));
    }

    private long publish(String title, long competencyId, int levelRank, String language) {
        long id = as(author, () -> library.create(new ResourceInput(ResourceKind.GUIDELINE, title, "Summary", null,
                language, Set.of(), null, null, Delivery.ONLINE, 2, null, null, "CC-BY-4.0", null,
                Visibility.PUBLIC, levelRank, Set.of(), Set.of(competencyId), null, null, null, null, null, null,
                null, null)));
        as(author, () -> { library.submit(id, Set.of(reviewer.personId())); return null; });
        as(reviewer, () -> { library.publish(id); return null; });
        return id;
    }

    private PlanViews.GapView gap(long planId) {
        return as(f.focal, () -> plans.view(planId)).gaps().get(0);
    }

    private static List<String> references(PlanViews.GapView g) {
        return g.items().stream().map(PlanViews.ItemView::reference).toList();
    }

    @Test
    void aFittingResourcePublishedLaterReachesPlansWithTheUncoveredGapAndANonFittingOneDoesNot() {
        long draft = plan("sw");
        long agreed = plan("sw");
        as(f.focal, () -> {
            plans.submitForReview(agreed);
            plans.agree(agreed, "Signed");
            return null;
        });
        long english = plan("en");
        assertThat(gap(draft).covered()).as("nothing in Swahili fits yet").isFalse();
        assertThat(gap(agreed).covered()).isFalse();
        assertThat(as(f.focal, () -> plans.view(agreed)).state()).isEqualTo(PlanState.AGREED);
        List<String> englishBefore = references(gap(english));

        long section = f.sections().get(0).id();
        // not fitting: at the level already found (content must lie above it), and in the wrong language
        long atCurrent = publish("At the current level " + DirectoryFixtures.unique(), section, 0, "sw");
        long wrongLanguage = publish("In Portuguese " + DirectoryFixtures.unique(), section, 1, "pt");
        // fitting: tagged with the gap's competency, Moderate, in Swahili
        long fitting = publish("Fits later " + DirectoryFixtures.unique(), section, 1, "sw");

        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(100))
                .untilAsserted(() -> assertThat(references(gap(draft))).contains("resource/" + fitting));
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(100))
                .untilAsserted(() -> assertThat(references(gap(agreed))).contains("resource/" + fitting));

        for (long planId : List.of(draft, agreed)) {
            PlanViews.GapView g = gap(planId);
            assertThat(g.covered()).isTrue();
            PlanViews.ItemView added = g.items().stream().filter(i -> ("resource/" + fitting).equals(i.reference()))
                    .findFirst().orElseThrow();
            assertThat(added.addedLater()).as("marked new").isTrue();
            assertThat(added.languages()).contains("sw");
            assertThat(references(g)).doesNotContain("resource/" + atCurrent, "resource/" + wrongLanguage);
        }
        // a plan in another language is not affected by the Swahili resource
        assertThat(references(gap(english))).containsExactlyElementsOf(englishBefore)
                .doesNotContain("resource/" + fitting);
    }
}
