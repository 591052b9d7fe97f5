package org.capacityhub.assessment.survey.web;

import java.net.URI;
import java.time.LocalDate;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

import org.capacityhub.assessment.survey.SurveyService;
import org.capacityhub.assessment.survey.SurveyViews;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * Surveys in the REST API: creation, single-use links (returned once; only their hashes are stored), closing, their
 * details and aggregated, suppressed results; never a response. The same rules as the pages: a survey the caller
 * may not see is "not found", a change they may not make is 403.
 */
@RestController
@RequestMapping(value = "/api/v1/surveys", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Surveys", description = "Anonymous organisational surveys: management and aggregated results only")
class SurveyApiController {

    private final SurveyService service;
    private final SurveyResultsCsv csv;

    SurveyApiController(SurveyService service, SurveyResultsCsv csv) {
        this.service = service;
        this.csv = csv;
    }

    /**
     * A new survey: of an organisation the caller coordinates on a published framework version, or (with
     * {@code assessmentId}) preparing a focus-group assessment, whose organisation and version it then takes.
     */
    record CreateRequest(Long organisationId, Long frameworkVersionId, Long assessmentId, String title,
            List<String> groups, LocalDate closesOn) {}

    record LinksRequest(@NotNull Long groupId, @NotNull Integer count) {}

    /** Links issued now: each URL is shown this once and cannot be retrieved again. */
    record IssuedLinks(long surveyId, long groupId, List<SurveyViews.IssuedLink> links) {}

    @GetMapping
    @Operation(summary = "The surveys the caller may see")
    List<SurveyViews.Summary> list() {
        return service.visibleSurveys();
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Create a survey of an organisation the caller coordinates (organisationId and "
            + "frameworkVersionId), or preparing an assessment the caller coordinates or facilitates (assessmentId); "
            + "1 to 12 respondent groups, an optional closing day (not in the past)")
    ResponseEntity<SurveyViews.Detail> create(@RequestBody CreateRequest request) {
        long id = service.create(request.organisationId(), request.frameworkVersionId(), request.assessmentId(),
                request.title(), request.groups(), request.closesOn());
        return ResponseEntity.created(URI.create("/api/v1/surveys/" + id)).body(service.detail(id));
    }

    @GetMapping("/{id}")
    @Operation(summary = "A survey, with participation per group (counts of 1 to 4 are withheld)")
    SurveyViews.Detail detail(@PathVariable long id) {
        return service.detail(id);
    }

    @PostMapping(value = "/{id}/links", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Issue 1 to 500 single-use links for one group of an open survey; the links are in this "
            + "answer only (never stored, only their SHA-256 hashes): distribute them now")
    ResponseEntity<IssuedLinks> links(@PathVariable long id, @Valid @RequestBody LinksRequest request) {
        List<SurveyViews.IssuedLink> issued = service.issueLinks(id, request.groupId(), request.count());
        return ResponseEntity.ok().cacheControl(CacheControl.noStore())
                .body(new IssuedLinks(id, request.groupId(), issued));
    }

    @PostMapping("/{id}/close")
    @Operation(summary = "Close the survey for good: its links stop working and its results become available")
    SurveyViews.Detail close(@PathVariable long id) {
        service.close(id);
        return service.detail(id);
    }

    @GetMapping("/{id}/results")
    @Operation(summary = "Aggregated results per section and group, once the survey is closed (available=false "
            + "before); figures about fewer than 5 respondents, and those that would reveal them, are null")
    SurveyViews.Results results(@PathVariable long id) {
        return service.results(id);
    }

    @GetMapping(value = "/{id}/results.csv", produces = "text/csv")
    @Operation(summary = "The same aggregated results as CSV (one row per section and group, then all respondents; "
            + "withheld figures written as such, no comments); 409 while the survey is open")
    ResponseEntity<String> resultsCsv(@PathVariable long id) {
        return csv.download(id);
    }
}
