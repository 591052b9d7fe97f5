package org.capacityhub.assessment.individual;

import org.capacityhub.platform.NavigationItem;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration
class SelfAssessmentNavigation {

    @Bean
    NavigationItem selfAssessmentsNavigation() {
        return NavigationItem.forSignedIn("assessment.self.nav", "/self-assessments", 31);
    }
}
