package org.capacityhub.assessment.survey.web;

import org.capacityhub.platform.NavigationItem;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration
class SurveyNavigation {

    @Bean
    NavigationItem surveysNavigation() {
        return NavigationItem.forSignedIn("survey.nav", "/surveys", 31);
    }
}
