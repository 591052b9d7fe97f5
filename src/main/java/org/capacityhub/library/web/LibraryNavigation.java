package org.capacityhub.library.web;

import org.capacityhub.platform.NavigationItem;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration
class LibraryNavigation {

    @Bean
    NavigationItem libraryNavigationItem() {
        return NavigationItem.forSignedIn("library.nav", "/library", 40);
    }

    @Bean
    NavigationItem libraryAdminNavigationItem() {
        return NavigationItem.forAdministrators("library.admin.nav", "/library/admin", 95);
    }
}
