package org.capacityhub.assessment;

import static org.assertj.core.api.Assertions.assertThat;

import org.capacityhub.assessment.survey.SurveyService;
import org.capacityhub.assessment.survey.SurveyViews;
import org.capacityhub.platform.demo.DemoDataset;
import org.capacityhub.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.context.support.WithUserDetails;

/** The demo dataset includes a closed staff survey, with responses, that prepared the demo assessment. */
@IntegrationTest
@WithUserDetails("admin")
class SurveyDemoTest {

    @Autowired
    DemoDataset demoDataset;
    @Autowired
    SurveyService surveys;

    @Test
    void theDemoSurveyHasGroupsSideBySideAndOneSmallGroupWithheld() {
        demoDataset.load("admin");
        SurveyViews.Summary demo = surveys.visibleSurveys().stream()
                .filter(s -> s.demo() && s.title().equals("Staff survey before the focus group (demo)")).findFirst()
                .orElseThrow();
        assertThat(demo.assessmentId()).isNotNull();
        assertThat(demo.open()).isFalse();
        SurveyViews.Results results = surveys.results(demo.id());
        assertThat(results.sections()).hasSize(8).allSatisfy(s -> {
            assertThat(s.groups()).extracting(SurveyViews.Figures::status).containsExactly("SHOWN", "SHOWN", "FEWER");
            assertThat(s.groups().get(0).respondents()).isEqualTo(6);
            assertThat(s.all().status()).isEqualTo("WITHHELD");
        });
        assertThat(results.sections()).anySatisfy(s -> assertThat(s.comments()).isNotEmpty());
        assertThat(results.sections()).allSatisfy(s -> assertThat(s.comments())
                .noneSatisfy(c -> assertThat(c.group()).isEqualTo("Other staff")));
    }
}
