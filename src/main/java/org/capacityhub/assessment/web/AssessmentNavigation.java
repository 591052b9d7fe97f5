package org.capacityhub.assessment.web;

import org.capacityhub.platform.NavigationItem;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration
class AssessmentNavigation {

    @Bean
    NavigationItem assessmentsNavigation() {
        return NavigationItem.forSignedIn("assessment.nav", "/assessments", 30);
    }
}
