package org.capacityhub.directory.account;

import jakarta.servlet.http.HttpServletRequest;

import org.capacityhub.platform.Mailer;
import org.capacityhub.platform.PlatformUser;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Issuing invitations: administrators at {@code /admin/invitations}, focal points (for the organisations they manage)
 * at {@code /account/invitations}. Both show the same page; the service decides what each may do.
 */
@Controller
class InvitationController {

    static final String ADMIN = "/admin/invitations";
    static final String FOCAL_POINT = "/account/invitations";

    private final Invitations invitations;

    InvitationController(Invitations invitations) {
        this.invitations = invitations;
    }

    @GetMapping({ADMIN, FOCAL_POINT})
    String list(Model model, HttpServletRequest request) {
        model.addAttribute("invitationForm", new InvitationForm());
        return page(model, request);
    }

    @PostMapping({ADMIN, FOCAL_POINT})
    String create(@AuthenticationPrincipal PlatformUser user, @ModelAttribute("invitationForm") InvitationForm form,
            BindingResult binding, Model model, HttpServletRequest request, RedirectAttributes redirect) {
        if (binding.hasErrors()) {
            return page(model, request);
        }
        Invitations.Created created;
        try {
            created = invitations.create(form);
        } catch (FormRejectedException e) {
            e.bindTo(binding);
            return page(model, request);
        }
        Mailer.Delivery delivery = invitations.send(created, user.displayName(), LocaleContextHolder.getLocale());
        redirect.addFlashAttribute("invitationLink", created.link());
        redirect.addFlashAttribute("invitedEmail", created.invitation().getEmail());
        redirect.addFlashAttribute("delivery", delivery.name());
        return "redirect:" + base(request);
    }

    @PostMapping({ADMIN + "/{id}/revoke", FOCAL_POINT + "/{id}/revoke"})
    String revoke(@PathVariable long id, HttpServletRequest request, RedirectAttributes redirect) {
        invitations.revoke(id);
        redirect.addFlashAttribute("flash", "invitation.revokedDone");
        return "redirect:" + base(request);
    }

    private String page(Model model, HttpServletRequest request) {
        model.addAttribute("invitations", invitations.visible());
        model.addAttribute("organisations", invitations.invitableOrganisations());
        model.addAttribute("base", base(request));
        return "directory/account/invitations";
    }

    private static String base(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return path.startsWith(ADMIN) ? ADMIN : FOCAL_POINT;
    }
}
