package org.capacityhub.assessment.survey.web;

import java.util.List;

import org.capacityhub.assessment.survey.SurveyService;
import org.capacityhub.assessment.survey.SurveyViews;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** Surveys in the REST API: their details and aggregated, suppressed results; never a response. */
@RestController
@RequestMapping("/api/v1/surveys")
@Tag(name = "Surveys", description = "Anonymous organisational surveys: aggregated results only")
class SurveyApiController {

    private final SurveyService service;

    SurveyApiController(SurveyService service) {
        this.service = service;
    }

    @GetMapping
    @Operation(summary = "The surveys the caller may see")
    List<SurveyViews.Summary> list() {
        return service.visibleSurveys();
    }

    @GetMapping("/{id}")
    @Operation(summary = "A survey, with participation per group (counts of 1 to 4 are withheld)")
    SurveyViews.Detail detail(@PathVariable long id) {
        return service.detail(id);
    }

    @GetMapping("/{id}/results")
    @Operation(summary = "Aggregated results per section and group; figures about fewer than 5 respondents are null")
    SurveyViews.Results results(@PathVariable long id) {
        return service.results(id);
    }
}
