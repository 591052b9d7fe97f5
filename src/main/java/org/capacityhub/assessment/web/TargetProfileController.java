package org.capacityhub.assessment.web;

import java.util.Set;

import jakarta.servlet.http.HttpServletResponse;

import org.capacityhub.assessment.domain.TargetProfile;
import org.capacityhub.assessment.domain.TargetProfileService;
import org.capacityhub.platform.InvalidInputException;
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
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Target profile pages: list (everyone signed in), create and edit (administrators and programme coordinators). */
@Controller
@RequestMapping("/target-profiles")
class TargetProfileController {

    private static final Set<String> FIELDS = Set.of("name", "organisationType", "positionTitle", "levels",
            "frameworkVersionId");

    private final TargetProfileService service;

    TargetProfileController(TargetProfileService service) {
        this.service = service;
    }

    @GetMapping
    String list(Model model) {
        model.addAttribute("profiles", service.list());
        model.addAttribute("canEdit", service.canEdit());
        return "assessment/target-profiles";
    }

    @GetMapping("/new")
    String newForm(@RequestParam(required = false) Long frameworkVersionId, Model model) {
        requireEdit();
        TargetProfileForm form = new TargetProfileForm();
        form.setFrameworkVersionId(frameworkVersionId);
        return formPage(form, null, model);
    }

    @PostMapping("/new")
    String create(@ModelAttribute("form") TargetProfileForm form, BindingResult result, Model model,
            HttpServletResponse response, RedirectAttributes redirect) {
        requireEdit();
        levelErrors(result);
        if (form.getFrameworkVersionId() == null) {
            result.rejectValue("frameworkVersionId", "assessment.framework.required");
        }
        if (!result.hasErrors()) {
            try {
                long id = service.create(form.getFrameworkVersionId(), form.getName(), form.getOrganisationType(),
                        form.getPositionTitle(), form.getLevels(), form.getWeights());
                redirect.addFlashAttribute("flash", "assessment.target.saved");
                return "redirect:/target-profiles/" + id;
            } catch (InvalidInputException e) {
                Errors.bind(e, result, FIELDS);
            }
        }
        response.setStatus(HttpStatus.BAD_REQUEST.value());
        return formPage(form, null, model);
    }

    @GetMapping("/{id}")
    String edit(@PathVariable long id, Model model) {
        var profile = service.profile(id);
        TargetProfileForm form = new TargetProfileForm();
        form.setFrameworkVersionId(profile.frameworkVersionId());
        form.setName(profile.name());
        form.setOrganisationType(profile.organisationType());
        form.setPositionTitle(profile.positionTitle());
        profile.sections().forEach(s -> {
            form.getLevels().put(s.competencyId(), s.levelId());
            form.getWeights().put(s.competencyId(), s.weight());
        });
        return formPage(form, profile, model);
    }

    @PostMapping("/{id}")
    String update(@PathVariable long id, @ModelAttribute("form") TargetProfileForm form, BindingResult result,
            Model model, HttpServletResponse response, RedirectAttributes redirect) {
        var profile = service.profile(id);
        requireEdit();
        form.setFrameworkVersionId(profile.frameworkVersionId());
        levelErrors(result);
        if (!result.hasErrors()) {
            try {
                service.update(id, form.getName(), form.getOrganisationType(), form.getPositionTitle(),
                        form.getLevels(), form.getWeights());
                redirect.addFlashAttribute("flash", "assessment.target.saved");
                return "redirect:/target-profiles/" + id;
            } catch (InvalidInputException e) {
                Errors.bind(e, result, FIELDS);
            }
        }
        response.setStatus(HttpStatus.BAD_REQUEST.value());
        return formPage(form, profile, model);
    }

    /** A level that is not a number (a tampered form) is bound to levels[n]: say so at the top of the form. */
    private static void levelErrors(BindingResult result) {
        if (result.getFieldErrors().stream().anyMatch(e -> e.getField().startsWith("levels["))) {
            result.reject("typeMismatch.levels");
        }
        if (result.getFieldErrors().stream().anyMatch(e -> e.getField().startsWith("weights["))) {
            result.reject("assessment.target.weight.range", new Object[] {TargetProfile.MAX_WEIGHT}, null);
        }
    }

    private void requireEdit() {
        if (!service.canEdit()) {
            throw new AccessDeniedException("Only administrators and programme coordinators edit target profiles");
        }
    }

    private String formPage(TargetProfileForm form, TargetProfileService.ProfileView profile, Model model) {
        model.addAttribute("form", form);
        model.addAttribute("profile", profile);
        model.addAttribute("canEdit", service.canEdit());
        model.addAttribute("organisationTypes", TargetProfile.ORGANISATION_TYPES);
        Long versionId = form.getFrameworkVersionId();
        boolean known = versionId != null
                && service.versions().stream().anyMatch(v -> v.versionId() == versionId);
        model.addAttribute("versions", service.versions());
        if (profile != null) {
            model.addAttribute("sections", profile.sections());
            model.addAttribute("scale", service.scale(profile.frameworkVersionId()));
        } else if (known) {
            model.addAttribute("sections", service.emptySections(versionId));
            model.addAttribute("scale", service.scale(versionId));
        }
        return "assessment/target-profile";
    }
}
