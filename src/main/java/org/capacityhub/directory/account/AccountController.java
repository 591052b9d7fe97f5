package org.capacityhub.directory.account;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.capacityhub.directory.person.RoleFamily;
import org.capacityhub.platform.Countries;
import org.capacityhub.platform.InvalidInputException;
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
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The signed-in person's own pages: profile and preferences, password, personal access tokens. */
@Controller
@RequestMapping("/account")
class AccountController {

    private final AccountService service;
    private final ApiTokens tokens;
    private final SessionPrincipals sessions;
    private final Invitations invitations;

    AccountController(AccountService service, ApiTokens tokens, SessionPrincipals sessions, Invitations invitations) {
        this.service = service;
        this.tokens = tokens;
        this.sessions = sessions;
        this.invitations = invitations;
    }

    @GetMapping
    String profile(@AuthenticationPrincipal PlatformUser user, Model model) {
        UserAccount account = service.get(user.accountId());
        model.addAttribute("profileForm", ProfileForm.of(account));
        if (!model.containsAttribute("tokenForm")) {
            model.addAttribute("tokenForm", new TokenForm());
        }
        return profilePage(account, model);
    }

    @PostMapping
    String saveProfile(@AuthenticationPrincipal PlatformUser user, @ModelAttribute("profileForm") ProfileForm form,
            BindingResult binding, Model model, HttpServletRequest request, HttpServletResponse response,
            RedirectAttributes redirect) {
        if (binding.hasErrors()) {
            model.addAttribute("tokenForm", new TokenForm());
            return profilePage(service.get(user.accountId()), model);
        }
        try {
            UserAccount account = service.updateProfile(user.accountId(), form);
            sessions.refresh(account, request, response);
        } catch (FormRejectedException e) {
            e.bindTo(binding);
            model.addAttribute("tokenForm", new TokenForm());
            return profilePage(service.get(user.accountId()), model);
        }
        redirect.addFlashAttribute("flash", "profile.saved");
        return "redirect:/account";
    }

    @PostMapping("/tokens")
    String createToken(@AuthenticationPrincipal PlatformUser user, @ModelAttribute("tokenForm") TokenForm form,
            BindingResult binding, Model model, RedirectAttributes redirect) {
        if (!binding.hasErrors()) {
            try {
                ApiTokens.CreatedToken created = tokens.create(user.accountId(), form.getName(), form.expiresAt());
                redirect.addFlashAttribute("createdToken", created.secret());
                redirect.addFlashAttribute("createdTokenName", created.token().getName());
                return "redirect:/account#tokens";
            } catch (InvalidInputException e) {
                FormRejectedException.bind(e, binding, "expiresAt".equals(e.field()) ? "expiresOn" : e.field());
            }
        }
        UserAccount account = service.get(user.accountId());
        model.addAttribute("profileForm", ProfileForm.of(account));
        return profilePage(account, model);
    }

    @PostMapping("/tokens/{id}/revoke")
    String revokeToken(@AuthenticationPrincipal PlatformUser user, @PathVariable long id, RedirectAttributes redirect) {
        tokens.revoke(user.accountId(), id);
        redirect.addFlashAttribute("flash", "token.revoked");
        return "redirect:/account#tokens";
    }

    @GetMapping("/password")
    String passwordPage(@AuthenticationPrincipal PlatformUser user, Model model) {
        model.addAttribute("passwordForm", new PasswordForm());
        model.addAttribute("required", user.passwordChangeRequired());
        return "directory/account/password";
    }

    @PostMapping("/password")
    String changePassword(@AuthenticationPrincipal PlatformUser user, @ModelAttribute("passwordForm") PasswordForm form,
            BindingResult binding, Model model, HttpServletRequest request, HttpServletResponse response,
            RedirectAttributes redirect) {
        try {
            UserAccount account = service.changePassword(user.accountId(), form);
            sessions.refresh(account, request, response);
        } catch (FormRejectedException e) {
            e.bindTo(binding);
            // never send passwords back to the browser
            form.setCurrentPassword(null);
            form.setNewPassword(null);
            form.setConfirmPassword(null);
            model.addAttribute("required", user.passwordChangeRequired());
            return "directory/account/password";
        }
        redirect.addFlashAttribute("flash", "account.password.changed");
        return "redirect:/";
    }

    private String profilePage(UserAccount account, Model model) {
        model.addAttribute("account", account);
        model.addAttribute("canInvite", !account.isAdministrator() && invitations.canInvite());
        model.addAttribute("tokens", tokens.list(account.getId()));
        java.util.Locale locale = LocaleContextHolder.getLocale();
        java.util.List<Countries.Country> countries = new java.util.ArrayList<>(Countries.all(locale));
        String own = account.getPerson().getCountryCode();
        if (own != null && countries.stream().noneMatch(c -> c.code().equals(own))) {
            countries.add(0, new Countries.Country(own, Countries.name(own, locale)));
        }
        model.addAttribute("countries", countries);
        model.addAttribute("roleFamilies", RoleFamily.values());
        model.addAttribute("genders", ProfileForm.GENDERS);
        model.addAttribute("locales", ProfileForm.LOCALES);
        model.addAttribute("timeZones", java.time.ZoneId.getAvailableZoneIds().stream()
                .filter(z -> z.contains("/") && !z.startsWith("Etc/") && !z.startsWith("SystemV/")).sorted().toList());
        return "directory/account/profile";
    }
}
