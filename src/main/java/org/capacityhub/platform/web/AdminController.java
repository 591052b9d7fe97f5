package org.capacityhub.platform.web;

import org.capacityhub.platform.NavigationItem;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The administration index: audit log, outbox, invitations and the demo dataset. */
@Controller
class AdminController {

    @GetMapping("/admin")
    String index() {
        return "platform/admin";
    }

    @Configuration
    static class AdminNavigation {

        @Bean
        NavigationItem adminNavigationItem() {
            return NavigationItem.forAdministrators("nav.admin", "/admin", 90);
        }
    }
}
