package org.capacityhub.directory;

import org.capacityhub.platform.NavigationItem;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The directory's entries in the main navigation. */
@Configuration
class DirectoryNavigation {

    @Bean
    NavigationItem organisationsNavigation() {
        return NavigationItem.forSignedIn("nav.organisations", "/organisations", 20);
    }

    @Bean
    NavigationItem peopleNavigation() {
        return NavigationItem.forSignedIn("nav.people", "/people", 30);
    }

    @Bean
    NavigationItem programmesNavigation() {
        return NavigationItem.forSignedIn("nav.programmes", "/programmes", 40);
    }
}
