package org.capacityhub.assessment.campaign;

import java.util.Set;

import jakarta.servlet.http.HttpServletResponse;

import org.capacityhub.platform.InvalidInputException;
import org.capacityhub.platform.NavigationItem;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Campaign pages: list, launch (coordinators), tracker with the reminder button (the launcher, administrators). */
@Controller
@RequestMapping("/campaigns")
class CampaignController {

    private static final Set<String> FIELDS = Set.of("name", "frameworkVersionId", "deadline", "organisationIds",
            "personIds");

    private final CampaignService service;

    CampaignController(CampaignService service) {
        this.service = service;
    }

    @Configuration
    static class Navigation {
        @Bean
        NavigationItem campaignsNavigation() {
            return NavigationItem.forSignedIn("assessment.campaign.nav", "/campaigns", 32);
        }
    }

    @GetMapping
    String list(Model model) {
        model.addAttribute("campaigns", service.visibleCampaigns());
        model.addAttribute("canLaunch", service.canLaunch());
        return "assessment/campaign/list";
    }

    @GetMapping("/new")
    String newForm(Model model) {
        requireLaunch();
        return form(new CampaignForm(), model);
    }

    private void requireLaunch() {
        if (!service.canLaunch()) {
            throw new AccessDeniedException("Only coordinators launch campaigns");
        }
    }

    private String form(CampaignForm form, Model model) {
        model.addAttribute("form", form);
        model.addAttribute("frameworks", service.frameworkChoices());
        model.addAttribute("organisations", service.organisationChoices());
        model.addAttribute("people", service.personChoices());
        return "assessment/campaign/new";
    }

    @PostMapping("/new")
    String launch(@ModelAttribute("form") CampaignForm form, BindingResult result, Model model,
            HttpServletResponse response, RedirectAttributes redirect) {
        requireLaunch();
        if (!result.hasErrors()) {
            try {
                long id = service.launch(form.getName(), form.getFrameworkVersionId(), form.getDeadline(),
                        form.getOrganisationIds(), form.getPersonIds());
                redirect.addFlashAttribute("flash", "assessment.campaign.launched");
                return "redirect:/campaigns/" + id;
            } catch (InvalidInputException e) {
                e.rejectIn(result, e.field() != null && FIELDS.contains(e.field()) ? e.field() : null);
            }
        }
        response.setStatus(HttpStatus.BAD_REQUEST.value());
        return form(form, model);
    }

    @GetMapping("/{id}")
    String tracker(@PathVariable long id, Model model) {
        model.addAttribute("t", service.tracker(id));
        return "assessment/campaign/tracker";
    }

    /** Adding organisations and people to a running campaign (its launcher, administrators), until its deadline. */
    @GetMapping("/{id}/add")
    String addForm(@PathVariable long id, Model model) {
        return addPage(id, new CampaignForm(), model);
    }

    private String addPage(long id, CampaignForm form, Model model) {
        CampaignService.Choices choices = service.additionalChoices(id);
        model.addAttribute("t", service.tracker(id));
        model.addAttribute("form", form);
        model.addAttribute("organisations", choices.organisations());
        model.addAttribute("people", choices.people());
        return "assessment/campaign/add";
    }

    @PostMapping("/{id}/add")
    String add(@PathVariable long id, @ModelAttribute("form") CampaignForm form, BindingResult result, Model model,
            HttpServletResponse response, RedirectAttributes redirect) {
        if (!result.hasErrors()) {
            try {
                int sent = service.addParticipants(id, form.getOrganisationIds(), form.getPersonIds());
                redirect.addFlashAttribute("added", sent);
                return "redirect:/campaigns/" + id;
            } catch (InvalidInputException e) {
                e.rejectIn(result, e.field() != null && FIELDS.contains(e.field()) ? e.field() : null);
            }
        }
        response.setStatus(HttpStatus.BAD_REQUEST.value());
        return addPage(id, form, model);
    }

    @PostMapping("/{id}/remind")
    String remind(@PathVariable long id, RedirectAttributes redirect) {
        int sent = service.remind(id);
        redirect.addFlashAttribute("reminded", sent);
        return "redirect:/campaigns/" + id;
    }
}
