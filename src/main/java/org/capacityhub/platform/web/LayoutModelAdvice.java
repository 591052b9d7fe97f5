package org.capacityhub.platform.web;

import java.util.Comparator;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;

import org.capacityhub.platform.NavigationItem;
import org.capacityhub.platform.PlatformSettings;
import org.capacityhub.platform.PlatformUser;
import org.capacityhub.platform.demo.DemoDataset;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** Gives every page what the layout shows: the navigation by capability and the demo-data banner. */
@ControllerAdvice(annotations = Controller.class)
class LayoutModelAdvice {

    private final List<NavigationItem> navigation;
    private final DemoDataset demo;
    private final PlatformSettings settings;

    LayoutModelAdvice(List<NavigationItem> navigation, DemoDataset demo, PlatformSettings settings) {
        this.navigation = navigation.stream().sorted(Comparator.comparingInt(NavigationItem::order)).toList();
        this.demo = demo;
        this.settings = settings;
    }

    @ModelAttribute("currentPath")
    String currentPath(HttpServletRequest request) {
        return request.getRequestURI().substring(request.getContextPath().length());
    }

    /** The OpenID Connect registration offered on the sign-in page, or null when only passwords are used. */
    @ModelAttribute("oidcRegistration")
    String oidcRegistration() {
        return settings.oidc().enabled() ? settings.oidc().registrationId() : null;
    }

    @ModelAttribute("navigation")
    List<NavigationItem> navigation(Authentication authentication) {
        if (authentication == null || !(authentication.getPrincipal() instanceof PlatformUser user)) {
            return List.of();
        }
        return navigation.stream()
                .filter(item -> item.visibility() == NavigationItem.Visibility.SIGNED_IN || user.administrator())
                .toList();
    }

    @ModelAttribute("demoLoaded")
    boolean demoLoaded() {
        return demo.isLoaded();
    }
}
