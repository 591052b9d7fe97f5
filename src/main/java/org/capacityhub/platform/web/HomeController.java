package org.capacityhub.platform.web;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The sign-in page and the home page that says what the platform does and what to do first. */
@Controller
class HomeController {

    @GetMapping("/")
    String home() {
        return "platform/home";
    }

    @GetMapping("/login")
    String login() {
        return "platform/login";
    }
}
