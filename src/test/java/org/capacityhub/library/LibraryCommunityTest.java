package org.capacityhub.library;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.capacityhub.support.DirectoryFixtures.as;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

import org.capacityhub.assessment.domain.AnswerInput;
import org.capacityhub.assessment.domain.AssessmentService;
import org.capacityhub.assessment.domain.DetailsInput;
import org.capacityhub.assessment.domain.TargetProfileService;
import org.capacityhub.directory.organisation.Organisation;
import org.capacityhub.directory.person.Person;
import org.capacityhub.framework.Frameworks;
import org.capacityhub.framework.Frameworks.Competency;
import org.capacityhub.library.domain.LibraryService;
import org.capacityhub.library.domain.OutdatedReport;
import org.capacityhub.library.domain.ResourceStatus;
import org.capacityhub.library.domain.Review;
import org.capacityhub.library.domain.Visibility;
import org.capacityhub.platform.InvalidInputException;
import org.capacityhub.platform.NotFoundException;
import org.capacityhub.support.DirectoryFixtures;
import org.capacityhub.support.DirectoryFixtures.Actor;
import org.capacityhub.support.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The library's community features: curators (managed by administrators, chosen as reviewers), ratings and reviews
 * with "used in", outdated reports, comments on drafts, files of earlier versions, and "resources for this gap".
 */
@IntegrationTest
class LibraryCommunityTest {

    @Autowired ApplicationContext context;
    @Autowired LibraryService service;
    @Autowired Frameworks frameworks;
    @Autowired MockMvc mvc;

    DirectoryFixtures directory;
    Organisation organisation;
    Actor author;
    Actor reviewer;
    Actor colleague;
    Actor outsider;
    Competency child;

    @BeforeEach
    void setUp() {
        directory = DirectoryFixtures.of(context);
        organisation = directory.ministry("Community Ministry");
        author = directory.memberOf(organisation);
        reviewer = directory.memberOf(organisation);
        colleague = directory.memberOf(organisation);
        outsider = directory.memberOf(directory.ministry("Community Other Ministry"));
        child = LibraryFixtures.domainAndChild(frameworks).get(1);
    }

    private long draft(String title, Visibility visibility) {
        return LibraryFixtures.as(author, () -> service.create(
                LibraryFixtures.input(title + " " + DirectoryFixtures.unique(), null, Set.of(child.id()), visibility,
                        null, "en")));
    }

    private void publish(long id) {
        LibraryFixtures.run(author, () -> service.submit(id, Set.of(reviewer.personId())));
        LibraryFixtures.run(reviewer, () -> service.publish(id));
    }

    private long published(String title, Visibility visibility) {
        long id = draft(title, visibility);
        publish(id);
        return id;
    }

    // --- curators --------------------------------------------------------------------------------------------------

    @Test
    void administratorsManageCuratorsAndACuratorReviewsAnyResource() throws Exception {
        Actor curator = directory.memberOf(directory.ministry("Curator Agency"));
        long id = draft("Curated", Visibility.PUBLIC);
        assertThat(LibraryFixtures.as(author, () -> service.reviewerCandidates(service.readable(id)).keySet()))
                .doesNotContain(curator.personId());
        // only administrators manage curators
        mvc.perform(post("/library/admin/curators").param("personId", String.valueOf(curator.personId()))
                .with(as(author)).with(csrf())).andExpect(status().isForbidden());
        assertThatThrownBy(() -> LibraryFixtures.run(author, () -> service.addCurator(curator.personId())))
                .isInstanceOf(AccessDeniedException.class);
        mvc.perform(post("/library/admin/curators").param("personId", "987654321").with(as(directory.admin()))
                .with(csrf())).andExpect(status().is3xxRedirection()).andExpect(flash().attributeExists("curatorError"));
        mvc.perform(post("/library/admin/curators").with(as(directory.admin())).with(csrf()))
                .andExpect(flash().attributeExists("curatorError"));
        mvc.perform(post("/library/admin/curators").param("personId", String.valueOf(curator.personId()))
                .with(as(directory.admin())).with(csrf())).andExpect(status().is3xxRedirection())
                .andExpect(flash().attribute("flash", "library.admin.curatorAdded"));
        // adding twice keeps one
        LibraryFixtures.run(directory.admin(), () -> service.addCurator(curator.personId()));
        assertThat(LibraryFixtures.as(directory.admin(), () -> service.curators()))
                .filteredOn(p -> p.id() == curator.personId()).hasSize(1);
        String adminPage = mvc.perform(get("/library/admin").with(as(directory.admin()))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(adminPage).contains("/library/admin/curators/" + curator.personId() + "/remove");

        // a curator of another organisation is a candidate reviewer, and reviews
        assertThat(LibraryFixtures.as(author, () -> service.reviewerCandidates(service.readable(id)).keySet()))
                .contains(curator.personId());
        LibraryFixtures.run(author, () -> service.submit(id, Set.of(curator.personId())));
        assertThat(LibraryFixtures.as(curator, () -> service.canReview(service.readable(id)))).isTrue();
        mvc.perform(post("/library/resources/" + id + "/publish").with(as(curator)).with(csrf()))
                .andExpect(status().is3xxRedirection()).andExpect(flash().attribute("flash", "library.published"));
        assertThat(LibraryFixtures.as(outsider, () -> service.readable(id).getStatus()))
                .isEqualTo(ResourceStatus.PUBLISHED);

        // removed: no longer a candidate
        mvc.perform(post("/library/admin/curators/" + curator.personId() + "/remove").with(as(author)).with(csrf()))
                .andExpect(status().isForbidden());
        mvc.perform(post("/library/admin/curators/" + curator.personId() + "/remove").with(as(directory.admin()))
                .with(csrf())).andExpect(status().is3xxRedirection());
        long other = draft("After removal", Visibility.PUBLIC);
        assertThat(LibraryFixtures.as(author, () -> service.reviewerCandidates(service.readable(other)).keySet()))
                .doesNotContain(curator.personId());
        assertThatThrownBy(() -> LibraryFixtures.run(author, () -> service.submit(other, Set.of(curator.personId()))))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("curators");
    }

    // --- ratings and reviews ---------------------------------------------------------------------------------------

    @Test
    void oneRatingPerPersonWithUsedInContextValidated() throws Exception {
        long id = published("Rated", Visibility.PUBLIC);
        LibraryFixtures.run(outsider, () -> service.rate(id, 4, "Useful", "ke", "MINISTRY", "Used in a workshop"));
        List<Review> reviews = service.reviews(id);
        assertThat(reviews).hasSize(1);
        assertThat(reviews.get(0).getRating()).isEqualTo(4);
        assertThat(reviews.get(0).getUsedInCountry()).isEqualTo("KE");
        assertThat(reviews.get(0).getUsedInOrgType()).isEqualTo("MINISTRY");
        // rating again changes the same review
        LibraryFixtures.run(outsider, () -> service.rate(id, 2, "Less useful later", null, null, null));
        assertThat(service.reviews(id)).hasSize(1).first().satisfies(r -> {
            assertThat(r.getRating()).isEqualTo(2);
            assertThat(r.getUsedInCountry()).isNull();
        });
        LibraryFixtures.run(colleague, () -> service.rate(id, 5, null, null, null, null));
        assertThat(service.reviews(id)).hasSize(2);

        for (Integer bad : new Integer[] {null, 0, 6}) {
            assertThatThrownBy(() -> LibraryFixtures.run(outsider, () -> service.rate(id, bad, null, null, null, null)))
                    .isInstanceOf(InvalidInputException.class);
        }
        assertThatThrownBy(() -> LibraryFixtures.run(outsider, () -> service.rate(id, 3, null, "ZZ", null, null)))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("country");
        assertThatThrownBy(() -> LibraryFixtures.run(outsider, () -> service.rate(id, 3, null, null, "CLUB", null)))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("organisation");
        assertThatThrownBy(() -> LibraryFixtures.run(outsider, () -> service.rate(id, 3, "x".repeat(Review.BODY + 1),
                null, null, null))).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> LibraryFixtures.run(outsider, () -> service.rate(id, 3, null, null, null,
                "x".repeat(Review.OUTCOME + 1)))).isInstanceOf(InvalidInputException.class);
        // authors do not rate their own work; drafts are not rated
        assertThatThrownBy(() -> LibraryFixtures.run(author, () -> service.rate(id, 5, null, null, null, null)))
                .isInstanceOf(AccessDeniedException.class);
        long inReview = draft("In review", Visibility.PUBLIC);
        LibraryFixtures.run(author, () -> service.submit(inReview, Set.of(reviewer.personId())));
        assertThatThrownBy(() -> LibraryFixtures.run(reviewer, () -> service.rate(inReview, 5, null, null, null, null)))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> LibraryFixtures.run(outsider, () -> service.rate(inReview, 5, null, null, null, null)))
                .isInstanceOf(NotFoundException.class);
        assertThat(service.reviews(id)).hasSize(2);

        // the page: a bad rating is an error beside the form; the reviews are shown, escaped
        mvc.perform(post("/library/resources/" + id + "/reviews").param("rating", "abc").with(as(outsider))
                .with(csrf())).andExpect(flash().attributeExists("rateError"));
        mvc.perform(post("/library/resources/" + id + "/reviews").param("rating", "5")
                .param("body", "<script>alert(1)</script> great").param("usedInCountry", "SN")
                .with(as(outsider)).with(csrf())).andExpect(flash().attribute("flash", "library.rated"));
        String page = mvc.perform(get("/library/resources/" + id).with(as(colleague))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(page).contains("&lt;script&gt;alert(1)&lt;/script&gt; great").doesNotContain("<script>alert(1)");
        assertThat(service.reviews(id)).hasSize(2);
    }

    // --- outdated reports ------------------------------------------------------------------------------------------

    @Test
    void outdatedReportsAreResolvedByTheAuthorOrAManagerOnly() throws Exception {
        long id = published("Outdated", Visibility.PUBLIC);
        LibraryFixtures.run(outsider, () -> service.reportOutdated(id, "The 2019 law was replaced"));
        assertThatThrownBy(() -> LibraryFixtures.run(outsider, () -> service.reportOutdated(id, "  ")))
                .isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> LibraryFixtures.run(outsider, () -> service.reportOutdated(id,
                "x".repeat(OutdatedReport.REASON + 1)))).isInstanceOf(InvalidInputException.class);
        List<OutdatedReport> open = service.openReports(id);
        assertThat(open).hasSize(1);
        long reportId = open.get(0).getId();

        // reports are shown to those who maintain the resource, not to everyone
        String outsiderPage = mvc.perform(get("/library/resources/" + id).with(as(outsider)))
                .andReturn().getResponse().getContentAsString();
        assertThat(outsiderPage).doesNotContain("The 2019 law was replaced");
        String authorPage = mvc.perform(get("/library/resources/" + id).with(as(author)))
                .andReturn().getResponse().getContentAsString();
        assertThat(authorPage).contains("The 2019 law was replaced");

        assertThatThrownBy(() -> LibraryFixtures.run(outsider, () -> service.resolveReport(id, reportId)))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> LibraryFixtures.run(colleague, () -> service.resolveReport(id, reportId)))
                .isInstanceOf(AccessDeniedException.class);
        mvc.perform(post("/library/resources/" + id + "/reports/" + reportId + "/resolve").with(as(outsider))
                .with(csrf())).andExpect(status().isForbidden());
        // a report of another resource is not found through this one
        long other = published("Other", Visibility.PUBLIC);
        assertThatThrownBy(() -> LibraryFixtures.run(author, () -> service.resolveReport(other, reportId)))
                .isInstanceOf(NotFoundException.class);
        // a focal point of the organisation manages it
        Person focalPerson = directory.person("Focal", organisation);
        directory.focalPoint(organisation, focalPerson);
        Actor focal = directory.account(focalPerson);
        mvc.perform(post("/library/resources/" + id + "/reports/" + reportId + "/resolve").with(as(focal))
                .with(csrf())).andExpect(flash().attribute("flash", "library.resolved"));
        assertThat(service.openReports(id)).isEmpty();

        // drafts are not reported
        long draft = draft("Not yet", Visibility.PUBLIC);
        LibraryFixtures.run(author, () -> service.submit(draft, Set.of(reviewer.personId())));
        assertThatThrownBy(() -> LibraryFixtures.run(reviewer, () -> service.reportOutdated(draft, "Too early")))
                .isInstanceOf(InvalidInputException.class);
    }

    // --- comments on drafts ----------------------------------------------------------------------------------------

    @Test
    void commentsOnDraftsAreSeenOnlyByTheAuthorAndReviewers() throws Exception {
        long id = draft("Commented", Visibility.PUBLIC);
        LibraryFixtures.run(author, () -> service.comment(id, "Note to self <b>bold</b>"));
        assertThatThrownBy(() -> LibraryFixtures.run(author, () -> service.comment(id, " ")))
                .isInstanceOf(InvalidInputException.class);
        // nobody else may even read the draft
        assertThatThrownBy(() -> LibraryFixtures.run(colleague, () -> service.comment(id, "Hello")))
                .isInstanceOf(NotFoundException.class);
        LibraryFixtures.run(author, () -> service.submit(id, Set.of(reviewer.personId())));
        LibraryFixtures.run(reviewer, () -> service.returnToDraft(id, "Please add the 2026 figures"));
        assertThat(LibraryFixtures.as(author, () -> service.comments(service.readable(id))))
                .extracting(c -> c.getBody()).containsExactly("Note to self <b>bold</b>", "Please add the 2026 figures");
        String authorPage = mvc.perform(get("/library/resources/" + id).with(as(author))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(authorPage).contains("Please add the 2026 figures").contains("&lt;b&gt;bold&lt;/b&gt;");
        mvc.perform(get("/library/resources/" + id).with(as(colleague))).andExpect(status().isNotFound());
        mvc.perform(post("/library/resources/" + id + "/comments").param("body", "Sneaky").with(as(colleague))
                .with(csrf())).andExpect(status().isNotFound());

        // once published, the conversation stays between author and reviewers
        publish(id);
        String readerPage = mvc.perform(get("/library/resources/" + id).with(as(colleague)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(readerPage).doesNotContain("Please add the 2026 figures").doesNotContain("Note to self");
        assertThat(LibraryFixtures.as(outsider, () -> service.comments(service.readable(id)))).isEmpty();
        assertThatThrownBy(() -> LibraryFixtures.run(reviewer, () -> service.comment(id, "Late")))
                .isInstanceOf(AccessDeniedException.class);
    }

    // --- earlier versions' files -----------------------------------------------------------------------------------

    @Test
    void theFilesOfEarlierVersionsAreServedToReadersOnly() throws Exception {
        long id = draft("Versioned", Visibility.PUBLIC);
        byte[] first = "First version of the notes".getBytes(StandardCharsets.UTF_8);
        byte[] second = "Second version of the notes, revised".getBytes(StandardCharsets.UTF_8);
        LibraryFixtures.run(author, () -> service.attachFile(id, "notes-v1.txt", first.length,
                new ByteArrayInputStream(first)));
        publish(id);
        LibraryFixtures.run(author, () -> service.newVersion(id));
        // while the new version is a draft, the resource is the author's again
        mvc.perform(get("/library/resources/" + id + "/versions/1/file").with(as(outsider)))
                .andExpect(status().isNotFound());
        LibraryFixtures.run(author, () -> service.attachFile(id, "notes-v2.txt", second.length,
                new ByteArrayInputStream(second)));
        publish(id);

        mvc.perform(get("/library/resources/" + id + "/versions/1/file").with(as(outsider)))
                .andExpect(status().isOk()).andExpect(content().bytes(first))
                .andExpect(content().contentTypeCompatibleWith("text/plain"))
                .andExpect(header().string("X-Content-Type-Options", "nosniff"))
                .andExpect(header().string("Content-Security-Policy", "sandbox; default-src 'none'"))
                .andExpect(header().string("Content-Disposition",
                        org.hamcrest.Matchers.startsWith("attachment")));
        mvc.perform(get("/api/v1/library/resources/" + id + "/versions/2/file")
                .header("Authorization", directory.bearer(outsider))).andExpect(status().isOk())
                .andExpect(content().bytes(second));
        mvc.perform(get("/library/resources/" + id + "/versions/3/file").with(as(outsider)))
                .andExpect(status().isNotFound());
        String page = mvc.perform(get("/library/resources/" + id).with(as(outsider))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(page).contains("id=\"version-file-1\"").contains("notes-v1.txt");

        // a private resource's earlier files stay in its organisation; a version without a file has none
        long privateOne = draft("Private versioned", Visibility.PRIVATE);
        LibraryFixtures.run(author, () -> service.attachFile(privateOne, "private.txt", first.length,
                new ByteArrayInputStream(first)));
        publish(privateOne);
        mvc.perform(get("/library/resources/" + privateOne + "/versions/1/file").with(as(outsider)))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/library/resources/" + privateOne + "/versions/1/file")
                .header("Authorization", directory.bearer(outsider))).andExpect(status().isNotFound());
        mvc.perform(get("/library/resources/" + privateOne + "/versions/1/file").with(as(colleague)))
                .andExpect(status().isOk()).andExpect(content().bytes(first));
        long noFile = published("Without file", Visibility.PUBLIC);
        mvc.perform(get("/library/resources/" + noFile + "/versions/1/file").with(as(outsider)))
                .andExpect(status().isNotFound());
    }

    // --- resources for this gap ------------------------------------------------------------------------------------

    @Test
    void resourcesForAGapAreShownToThoseWhoMaySeeTheAssessment() throws Exception {
        AssessmentService assessments = context.getBean(AssessmentService.class);
        TargetProfileService targets = context.getBean(TargetProfileService.class);
        Frameworks.FrameworkVersionRef govstack = frameworks.publishedFrameworks().stream()
                .filter(f -> f.frameworkIdentifier().equals(Frameworks.GOVSTACK_SKILLS_ASSESSMENT)).findFirst()
                .orElseThrow();
        List<Competency> sections = frameworks.tree(govstack.versionId()).stream()
                .filter(c -> c.parentId() == null).toList();
        List<Frameworks.ScaleLevel> scale = frameworks.levels(govstack.versionId());
        Person focalPerson = directory.person("Gap focal", organisation);
        directory.focalPoint(organisation, focalPerson);
        Actor focal = directory.account(focalPerson);
        Map<Long, Long> high = new HashMap<>();
        sections.forEach(s -> high.put(s.id(), scale.get(scale.size() - 1).id()));
        long profile = asUser(directory.admin(), () -> targets.create(govstack.versionId(),
                "Gap profile " + DirectoryFixtures.unique(), "AGENCY", null, high));
        long assessment = asUser(focal, () -> {
            long a = assessments.create(organisation.getId(), govstack.versionId(), new DetailsInput(
                    LocalDate.of(2026, 3, 1), org.capacityhub.assessment.domain.Delivery.IN_PERSON, "Room", "Plan",
                    new LinkedHashSet<>(), List.of(new DetailsInput.ParticipantInput("Participant", "Officer", true))));
            for (Competency s : sections) {
                long version = assessments.sectionView(a, s.id()).version();
                assessments.answer(a, s.id(), version, new AnswerInput(scale.get(0).id(), "Notes", List.of(), null,
                        List.of()));
            }
            assessments.submit(a);
            return a;
        });
        String title = "Gap answer " + DirectoryFixtures.unique();
        long resource = LibraryFixtures.as(author, () -> service.create(LibraryFixtures.input(title, null,
                Set.of(sections.get(0).id()), Visibility.PUBLIC, null, "en")));
        publish(resource);
        String privateTitle = "Private gap answer " + DirectoryFixtures.unique();
        Organisation elsewhere = directory.ministry("Gap elsewhere ministry");
        Actor elsewhereAuthor = directory.memberOf(elsewhere);
        Actor elsewhereReviewer = directory.memberOf(elsewhere);
        long privateOne = LibraryFixtures.as(elsewhereAuthor, () -> service.create(LibraryFixtures.input(privateTitle,
                null, Set.of(sections.get(0).id()), Visibility.PRIVATE, null, "en")));
        LibraryFixtures.run(elsewhereAuthor, () -> service.submit(privateOne, Set.of(elsewhereReviewer.personId())));
        LibraryFixtures.run(elsewhereReviewer, () -> service.publish(privateOne));
        String query = "?assessmentId=" + assessment + "&targetProfileId=" + profile;

        for (Actor allowed : List.of(focal, colleague, directory.admin())) {
            String page = mvc.perform(get("/library/gaps" + query).with(as(allowed))).andExpect(status().isOk())
                    .andReturn().getResponse().getContentAsString();
            assertThat(page).contains(title).doesNotContain(privateTitle);
        }
        mvc.perform(get("/api/v1/library/gaps" + query).header("Authorization", directory.bearer(focal)))
                .andExpect(status().isOk()).andExpect(content().string(org.hamcrest.Matchers.containsString(title)));
        // those who may not see the assessment get 404, in the page and the API
        mvc.perform(get("/library/gaps" + query).with(as(outsider))).andExpect(status().isNotFound());
        mvc.perform(get("/library/gaps" + query).with(as(elsewhereReviewer))).andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/library/gaps" + query).header("Authorization", directory.bearer(outsider)))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"));
        mvc.perform(get("/library/gaps?assessmentId=987654321&targetProfileId=" + profile).with(as(focal)))
                .andExpect(status().isNotFound());
        mvc.perform(get("/library/gaps?assessmentId=abc&targetProfileId=" + profile).with(as(focal)))
                .andExpect(status().isBadRequest());
        mvc.perform(get("/library/gaps").with(as(focal))).andExpect(status().isBadRequest());
    }

    private static <T> T asUser(Actor actor, Supplier<T> work) {
        return LibraryFixtures.as(actor, work);
    }
}
