package org.capacityhub.directory.account;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.capacityhub.platform.ConflictException;
import org.capacityhub.platform.NotFoundException;
import org.capacityhub.platform.UserFacingException;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The public page an invitation link leads to: choose a username and password, and you are in. */
@Controller
class InvitationAcceptController {

    private final Invitations invitations;
    private final SessionPrincipals sessions;
    private final MessageSource messages;

    InvitationAcceptController(Invitations invitations, SessionPrincipals sessions, MessageSource messages) {
        this.invitations = invitations;
        this.sessions = sessions;
        this.messages = messages;
    }

    @GetMapping("/invitations/{token}")
    String open(@PathVariable String token, Model model, HttpServletResponse response) {
        try {
            showInvitation(token, model);
        } catch (UserFacingException e) {
            return closed(e, model, response);
        }
        model.addAttribute("acceptForm", new AcceptInvitationForm());
        return "directory/account/invitation-accept";
    }

    @PostMapping("/invitations/{token}")
    String accept(@PathVariable String token, @ModelAttribute("acceptForm") AcceptInvitationForm form,
            BindingResult binding, Model model, HttpServletRequest request, HttpServletResponse response,
            RedirectAttributes redirect) {
        UserAccount account;
        try {
            account = invitations.accept(token, form);
        } catch (FormRejectedException e) {
            e.bindTo(binding);
            form.setPassword(null);
            form.setConfirmPassword(null);
            try {
                showInvitation(token, model);
            } catch (UserFacingException closed) {
                return closed(closed, model, response);
            }
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return "directory/account/invitation-accept";
        } catch (UserFacingException e) {
            return closed(e, model, response);
        } catch (org.springframework.orm.ObjectOptimisticLockingFailureException
                | org.springframework.dao.DataIntegrityViolationException e) {
            // accepted twice at the same moment: the other one won
            return closed(new ConflictException(null, "invitation.used", "This invitation was already used."), model,
                    response);
        }
        sessions.signIn(account, request, response);
        redirect.addFlashAttribute("flash", "invitation.welcome");
        return "redirect:/";
    }

    private void showInvitation(String token, Model model) {
        Invitations.Opened opened = invitations.open(token);
        model.addAttribute("token", token);
        model.addAttribute("invitation", opened.invitation());
        model.addAttribute("inviterName", opened.inviterName());
        model.addAttribute("organisationName", opened.organisationName());
        model.addAttribute("existingPerson", opened.existingPerson());
    }

    private String closed(UserFacingException e, Model model, HttpServletResponse response) {
        HttpStatus status = e instanceof ConflictException ? HttpStatus.CONFLICT
                : e instanceof NotFoundException ? HttpStatus.NOT_FOUND : HttpStatus.GONE;
        String code = e instanceof NotFoundException ? "invitation.unknown" : e.getCodes()[0];
        response.setStatus(status.value());
        model.addAttribute("status", status.value());
        model.addAttribute("message", messages.getMessage(code, null, e.getMessage(), LocaleContextHolder.getLocale()));
        return "directory/account/invitation-closed";
    }
}
