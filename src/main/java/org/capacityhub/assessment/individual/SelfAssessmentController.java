package org.capacityhub.assessment.individual;

import java.util.List;

import jakarta.servlet.http.HttpServletResponse;

import org.capacityhub.platform.NotFoundException;
import org.capacityhub.platform.UserFacingException;
import org.springframework.http.HttpStatus;
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

/**
 * Self-assessment pages: "My self-assessments", the form (one area of the framework per page), the overview with
 * both ratings side by side, the rater's inbox and form, the person's profile against a target and their history,
 * and an organisation's aggregate.
 */
@Controller
@RequestMapping("/self-assessments")
class SelfAssessmentController {

    private final SelfAssessmentService service;
    private final org.springframework.context.MessageSource messages;

    SelfAssessmentController(SelfAssessmentService service, org.springframework.context.MessageSource messages) {
        this.service = service;
        this.messages = messages;
    }

    /** A refusal shown at the top of the next page (resolved now: the flash map keeps plain text). */
    private String text(UserFacingException e) {
        return messages.getMessage(e, org.springframework.context.i18n.LocaleContextHolder.getLocale());
    }

    @GetMapping
    String mine(Model model) {
        model.addAttribute("assessments", service.mine());
        model.addAttribute("frameworks", service.frameworks());
        model.addAttribute("raters", service.raterChoices());
        model.addAttribute("roles", RaterRole.values());
        model.addAttribute("assessed", service.assessedVersions());
        model.addAttribute("inboxCount", service.inbox().stream().filter(s -> s.raterSubmittedAt() == null).count());
        return "assessment/self/mine";
    }

    @PostMapping
    String start(@RequestParam(required = false) Long frameworkVersionId,
            @RequestParam(required = false) Long raterPersonId, @RequestParam(required = false) RaterRole raterRole,
            Model model, HttpServletResponse response) {
        try {
            if (frameworkVersionId == null) {
                throw new org.capacityhub.platform.InvalidInputException("frameworkVersionId",
                        "assessment.framework.required", "Choose a framework");
            }
            long id = service.start(frameworkVersionId, raterPersonId, raterRole);
            return "redirect:/self-assessments/" + id + "/pages/1";
        } catch (UserFacingException e) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            model.addAttribute("startError", text(e));
            model.addAttribute("chosenFramework", frameworkVersionId);
            model.addAttribute("chosenRater", raterPersonId);
            return mine(model);
        }
    }

    @GetMapping("/{id}")
    String overview(@PathVariable long id, Model model) {
        model.addAttribute("s", service.detail(id));
        model.addAttribute("raters", service.raterChoices());
        model.addAttribute("roles", RaterRole.values());
        return "assessment/self/overview";
    }

    // ---------------------------------------------------------------- the person's form

    @GetMapping("/{id}/pages/{n}")
    String page(@PathVariable long id, @PathVariable int n, Model model) {
        SelfViews.Detail s = service.detail(id);
        RatingsForm form = new RatingsForm();
        SelfViews.PageView page = page(s, n);
        for (SelfViews.RatingView r : page.ratings()) {
            RatingsForm.Rating rating = new RatingsForm.Rating();
            rating.setLevelId(s.rater() && !s.owner() ? r.raterLevelId() : r.levelId());
            rating.setComment(s.rater() && !s.owner() ? r.raterComment() : r.comment());
            rating.setEvidence(String.join("\n", r.evidence()));
            form.getRatings().put(r.competencyId(), rating);
        }
        return pageView(s, page, form, model);
    }

    private static SelfViews.PageView page(SelfViews.Detail s, int n) {
        if (n < 1 || n > s.pages().size()) {
            throw new NotFoundException("Page", n);
        }
        return s.pages().get(n - 1);
    }

    private String pageView(SelfViews.Detail s, SelfViews.PageView page, RatingsForm form, Model model) {
        model.addAttribute("s", s);
        model.addAttribute("page", page);
        model.addAttribute("form", form);
        model.addAttribute("asRater", s.rater() && !s.owner());
        return "assessment/self/page";
    }

    @PostMapping("/{id}/pages/{n}")
    String save(@PathVariable long id, @PathVariable int n, @ModelAttribute("form") RatingsForm form,
            BindingResult result, Model model, HttpServletResponse response, RedirectAttributes redirect) {
        SelfViews.Detail s = service.detail(id);
        SelfViews.PageView page = page(s, n);
        boolean asRater = s.rater() && !s.owner();
        if (result.hasFieldErrors()) {
            result.reject("assessment.self.level.choose");
        } else {
            try {
                if (asRater) {
                    service.rateAsRater(id, form.input());
                } else {
                    service.rate(id, form.input());
                }
                redirect.addFlashAttribute("flash", "assessment.self.saved");
                if ("next".equals(form.getAction()) && n < s.pages().size()) {
                    return "redirect:/self-assessments/" + id + "/pages/" + (n + 1);
                }
                if ("previous".equals(form.getAction()) && n > 1) {
                    return "redirect:/self-assessments/" + id + "/pages/" + (n - 1);
                }
                if ("next".equals(form.getAction()) || "finish".equals(form.getAction())) {
                    return "redirect:/self-assessments/" + id;
                }
                return "redirect:/self-assessments/" + id + "/pages/" + n;
            } catch (UserFacingException e) {
                bind(e, result);
            }
        }
        response.setStatus(HttpStatus.BAD_REQUEST.value());
        return pageView(service.detail(id), page, form, model);
    }

    private static void bind(UserFacingException e, BindingResult result) {
        String field = e.field();
        e.rejectIn(result, field != null && field.startsWith("ratings[") ? field : null);
    }

    @PostMapping("/{id}/rater")
    String nameRater(@PathVariable long id, @RequestParam(required = false) Long raterPersonId,
            @RequestParam(required = false) RaterRole raterRole, RedirectAttributes redirect) {
        try {
            service.nameRater(id, raterPersonId, raterRole);
            redirect.addFlashAttribute("flash", "assessment.self.rater.saved");
        } catch (UserFacingException e) {
            redirect.addFlashAttribute("problem", text(e));
        }
        return "redirect:/self-assessments/" + id;
    }

    @PostMapping("/{id}/submit")
    String submit(@PathVariable long id, RedirectAttributes redirect) {
        try {
            service.submit(id);
            redirect.addFlashAttribute("flash", "assessment.self.submitted.done");
        } catch (UserFacingException e) {
            redirect.addFlashAttribute("problem", text(e));
        }
        return "redirect:/self-assessments/" + id;
    }

    @PostMapping("/{id}/rater-submit")
    String submitAsRater(@PathVariable long id, RedirectAttributes redirect) {
        try {
            service.submitAsRater(id);
            redirect.addFlashAttribute("flash", "assessment.self.rater.done");
        } catch (UserFacingException e) {
            redirect.addFlashAttribute("problem", text(e));
        }
        return "redirect:/self-assessments/" + id;
    }

    // ---------------------------------------------------------------- inbox, profile, history, aggregate

    @GetMapping("/inbox")
    String inbox(Model model) {
        model.addAttribute("requests", service.inbox());
        return "assessment/self/inbox";
    }

    @GetMapping("/profile")
    String profile(@RequestParam long framework, @RequestParam(required = false) Long targetProfile, Model model) {
        model.addAttribute("p", service.profile(framework, targetProfile));
        return "assessment/self/profile";
    }

    @GetMapping("/history")
    String history(@RequestParam long framework, Model model) {
        model.addAttribute("h", service.history(framework));
        return "assessment/self/history";
    }

    @GetMapping("/organisations")
    String aggregate(@RequestParam(required = false) Long organisation, @RequestParam(required = false) Long framework,
            Model model) {
        List<SelfViews.Option> organisations = service.viewableOrganisations();
        model.addAttribute("organisations", organisations);
        model.addAttribute("frameworks", service.frameworks());
        if (organisation != null && framework != null) {
            model.addAttribute("a", service.aggregate(organisation, framework));
        }
        model.addAttribute("chosenOrganisation", organisation);
        model.addAttribute("chosenFramework", framework);
        return "assessment/self/organisation";
    }
}
