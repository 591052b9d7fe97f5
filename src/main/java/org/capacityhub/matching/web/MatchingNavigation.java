package org.capacityhub.matching.web;

import org.capacityhub.platform.NavigationItem;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration
class MatchingNavigation {

    @Bean
    NavigationItem matchingNavigationItem() {
        return NavigationItem.forSignedIn("matching.nav", "/matching", 50);
    }
}
