package org.capacityhub.assessment.individual;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.capacityhub.assessment.PersonGaps;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Self-assessments over REST, for the signed-in person (and the rater they named): the same rules as the pages;
 * a self-assessment the caller may not see is "not found", errors are problem documents.
 */
@RestController
@RequestMapping(value = "/api/v1/self-assessments", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Self-assessments", description = "A person's ratings of themselves per competency, with a second rating")
class SelfAssessmentApiController {

    private final SelfAssessmentService service;

    SelfAssessmentApiController(SelfAssessmentService service) {
        this.service = service;
    }

    record StartRequest(@NotNull Long frameworkVersionId, Long raterPersonId, RaterRole raterRole) {}

    record RatingBody(Long levelId, @Size(max = SelfAssessment.COMMENT) String comment,
            @Size(max = SelfAssessment.EVIDENCE_LINKS) List<String> evidence) {}

    /** {@code ratings}: by competency id (the leaves of the version's tree). */
    record RatingsRequest(@NotNull Map<Long, @Valid RatingBody> ratings) {

        Map<Long, RatingInput> input() {
            Map<Long, RatingInput> input = new LinkedHashMap<>();
            ratings.forEach((id, r) -> input.put(id, r == null ? new RatingInput(null, null, null)
                    : new RatingInput(r.levelId(), r.comment(), r.evidence())));
            return input;
        }
    }

    @GetMapping
    @Operation(summary = "My self-assessments, newest first")
    List<SelfViews.Summary> mine() {
        return service.mine();
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Start a self-assessment against a published framework version, optionally naming a rater")
    ResponseEntity<SelfViews.Detail> start(@Valid @RequestBody StartRequest request) {
        long id = service.start(request.frameworkVersionId(), request.raterPersonId(), request.raterRole());
        return ResponseEntity.created(URI.create("/api/v1/self-assessments/" + id)).body(service.detail(id));
    }

    @GetMapping("/{id}")
    @Operation(summary = "A self-assessment with both ratings per competency (its person and named rater only)")
    SelfViews.Detail get(@PathVariable long id) {
        return service.detail(id);
    }

    @PutMapping(value = "/{id}/ratings", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Save some of my ratings (draft only; all or none)")
    SelfViews.Detail rate(@PathVariable long id, @Valid @RequestBody RatingsRequest request) {
        service.rate(id, request.input());
        return service.detail(id);
    }

    @PostMapping("/{id}/submit")
    @Operation(summary = "Submit my self-assessment (every competency rated); it never changes afterwards")
    SelfViews.Detail submit(@PathVariable long id) {
        service.submit(id);
        return service.detail(id);
    }

    @GetMapping("/inbox")
    @Operation(summary = "Submitted self-assessments of people who named me as their rater")
    List<SelfViews.Summary> inbox() {
        return service.inbox();
    }

    @PutMapping(value = "/{id}/rater-ratings", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Save some of my ratings as the named rater (levels and comments; all or none)")
    SelfViews.Detail rateAsRater(@PathVariable long id, @Valid @RequestBody RatingsRequest request) {
        service.rateAsRater(id, request.input());
        return service.detail(id);
    }

    @PostMapping("/{id}/rater-submit")
    @Operation(summary = "Submit my rating as the named rater (every competency rated)")
    SelfViews.Detail submitAsRater(@PathVariable long id) {
        service.submitAsRater(id);
        return service.detail(id);
    }

    @GetMapping("/history")
    @Operation(summary = "Every submitted self-assessment of mine for a framework version, oldest first")
    SelfViews.History history(@RequestParam long frameworkVersionId) {
        return service.history(frameworkVersionId);
    }

    @GetMapping("/current")
    @Operation(summary = "My current ratings for a framework version against a target profile, with the gaps")
    SelfViews.Profile current(@RequestParam long frameworkVersionId, @RequestParam(required = false) Long targetProfile) {
        return service.profile(frameworkVersionId, targetProfile);
    }

    @GetMapping("/gaps")
    @Operation(summary = "My gaps per framework version (target − current per competency)")
    List<PersonGaps> gaps() {
        return service.personGaps(service.currentPersonId());
    }
}
