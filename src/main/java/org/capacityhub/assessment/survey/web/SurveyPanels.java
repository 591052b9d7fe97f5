package org.capacityhub.assessment.survey.web;

import java.util.List;

import org.capacityhub.assessment.survey.SurveyService;
import org.capacityhub.assessment.survey.SurveyViews;
import org.springframework.stereotype.Component;

/**
 * For the assessment's start page and facilitator's screen ({@code ${@surveyPanels.results(id)}}): the surveys
 * that prepare an assessment and their aggregated, suppressed results, as the current user may see them.
 */
@Component("surveyPanels")
public class SurveyPanels {

    private final SurveyService service;

    SurveyPanels(SurveyService service) {
        this.service = service;
    }

    public List<SurveyViews.Summary> surveys(long assessmentId) {
        return service.surveysOf(assessmentId);
    }

    public List<SurveyViews.Results> results(long assessmentId) {
        return service.resultsForAssessment(assessmentId);
    }
}
