package org.capacityhub.framework.web;

import org.capacityhub.platform.NavigationItem;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration
class FrameworkNavigation {

    @Bean
    NavigationItem frameworksNavigation() {
        return NavigationItem.forSignedIn("nav.frameworks", "/frameworks", 10);
    }
}
