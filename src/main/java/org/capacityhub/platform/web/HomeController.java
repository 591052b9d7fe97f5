package org.capacityhub.platform.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;

import org.capacityhub.platform.security.LoginThrottledException;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.web.WebAttributes;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The sign-in page and the home page that says what the platform does and what to do first. */
@Controller
class HomeController {

    private final MessageSource messages;

    HomeController(MessageSource messages) {
        this.messages = messages;
    }

    @GetMapping("/")
    String home() {
        return "platform/home";
    }

    @GetMapping("/login")
    String login(HttpServletRequest request, Model model) {
        if (request.getParameter("error") != null) {
            HttpSession session = request.getSession(false);
            Object failure = session == null ? null : session.getAttribute(WebAttributes.AUTHENTICATION_EXCEPTION);
            model.addAttribute("loginError", loginError(failure));
        }
        return "platform/login";
    }

    /** Why the last sign-in failed, in the user's language. */
    private String loginError(Object failure) {
        java.util.Locale locale = LocaleContextHolder.getLocale();
        if (failure instanceof LoginThrottledException throttled) {
            return messages.getMessage("login.throttled", new Object[] {throttled.minutes()}, locale);
        }
        if (failure instanceof OAuth2AuthenticationException oidc) {
            String generic = messages.getMessage("login.oidc.failed", null, locale);
            return messages.getMessage("login.oidc." + oidc.getError().getErrorCode(), null, generic, locale);
        }
        return messages.getMessage("login.failed", null, locale);
    }
}
