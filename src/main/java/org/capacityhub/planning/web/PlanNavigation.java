package org.capacityhub.planning.web;

import org.capacityhub.platform.NavigationItem;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration
class PlanNavigation {

    @Bean
    NavigationItem plansNavigation() {
        return NavigationItem.forSignedIn("planning.nav", "/plans", 50);
    }
}
