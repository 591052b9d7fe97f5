package org.capacityhub.assessment.web;

import java.util.Set;

import jakarta.servlet.http.HttpServletResponse;

import org.capacityhub.assessment.domain.AssessmentService;
import org.capacityhub.assessment.domain.BarrierKind;
import org.capacityhub.assessment.domain.Confidence;
import org.capacityhub.assessment.domain.Delivery;
import org.capacityhub.assessment.domain.SectionConflictException;
import org.capacityhub.assessment.domain.Views;
import org.capacityhub.platform.ConflictException;
import org.capacityhub.platform.InvalidInputException;
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
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The assessment pages: list, creation, start page with details, the facilitator's screen and the workflow. */
@Controller
@RequestMapping("/assessments")
class AssessmentController {

    private static final Set<String> DETAIL_FIELDS = Set.of("organisationId", "frameworkVersionId", "heldOn",
            "delivery", "place", "purpose", "facilitatorIds", "participants");
    static final Set<String> SECTION_FIELDS = Set.of("version", "levelId", "notes", "evidence", "confidence",
            "barriers");

    private final AssessmentService service;
    private final MessageSource messages;
    private final org.capacityhub.assessment.domain.TargetProfileService targets;

    AssessmentController(AssessmentService service, MessageSource messages,
            org.capacityhub.assessment.domain.TargetProfileService targets) {
        this.service = service;
        this.targets = targets;
        this.messages = messages;
    }

    @GetMapping
    String list(Model model) {
        model.addAttribute("assessments", service.visibleAssessments());
        model.addAttribute("canCreate", service.canCreateAny());
        return "assessment/list";
    }

    // ------------------------------------------------------------ creation

    @GetMapping("/new")
    String newForm(@RequestParam(required = false) Long organisationId, Model model) {
        DetailsForm form = new DetailsForm().withEmptyRows();
        form.setOrganisationId(organisationId);
        return createPage(form, model);
    }

    @PostMapping("/new")
    String create(@ModelAttribute("form") DetailsForm form, BindingResult result, Model model,
            HttpServletResponse response, RedirectAttributes redirect) {
        form.compact();
        if (!result.hasErrors()) {
            if (form.getOrganisationId() == null) {
                result.rejectValue("organisationId", "assessment.organisation.required");
            }
            if (form.getFrameworkVersionId() == null) {
                result.rejectValue("frameworkVersionId", "assessment.framework.required");
            }
        }
        if (!result.hasErrors()) {
            try {
                long id = service.create(form.getOrganisationId(), form.getFrameworkVersionId(), form.toInput());
                redirect.addFlashAttribute("flash", "assessment.created");
                return "redirect:/assessments/" + id;
            } catch (InvalidInputException e) {
                Errors.bind(e, result, DETAIL_FIELDS);
            }
        }
        response.setStatus(HttpStatus.BAD_REQUEST.value());
        form.withEmptyRows();
        return createPage(form, model);
    }

    private String createPage(DetailsForm form, Model model) {
        model.addAttribute("form", form);
        model.addAttribute("options", service.createOptions());
        model.addAttribute("deliveries", Delivery.values());
        return "assessment/new";
    }

    // ------------------------------------------------------------ start page and details

    @GetMapping("/{id}")
    String start(@PathVariable long id, Model model) {
        model.addAttribute("assessment", service.detail(id));
        model.addAttribute("guide", service.guide(id).orElse(null));
        return "assessment/start";
    }

    @GetMapping("/{id}/details")
    String detailsForm(@PathVariable long id, Model model) {
        Views.Detail detail = service.detail(id);
        return detailsPage(detail, DetailsForm.of(detail), model);
    }

    @PostMapping("/{id}/details")
    String details(@PathVariable long id, @ModelAttribute("form") DetailsForm form, BindingResult result,
            Model model, HttpServletResponse response, RedirectAttributes redirect) {
        form.compact();
        if (!result.hasErrors()) {
            try {
                service.describe(id, form.toInput());
                redirect.addFlashAttribute("flash", "assessment.saved");
                return "redirect:/assessments/" + id;
            } catch (InvalidInputException | ConflictException e) {
                Errors.bind(e, result, DETAIL_FIELDS);
                response.setStatus(e instanceof ConflictException ? 409 : 400);
            }
        } else {
            response.setStatus(400);
        }
        form.withEmptyRows();
        return detailsPage(service.detail(id), form, model);
    }

    private String detailsPage(Views.Detail detail, DetailsForm form, Model model) {
        model.addAttribute("assessment", detail);
        model.addAttribute("form", form);
        model.addAttribute("people", service.facilitatorChoices());
        model.addAttribute("deliveries", Delivery.values());
        return "assessment/details";
    }

    // ------------------------------------------------------------ the facilitator's screen

    @GetMapping("/{id}/sections/{number}")
    String section(@PathVariable long id, @PathVariable int number, Model model) {
        Views.SectionScreen screen = service.section(id, number);
        return sectionPage(screen, SectionForm.of(screen.section()), null, model);
    }

    @PostMapping("/{id}/sections/{number}")
    String saveSection(@PathVariable long id, @PathVariable int number, @ModelAttribute("form") SectionForm form,
            BindingResult result, Model model, HttpServletResponse response, RedirectAttributes redirect) {
        Views.SectionScreen screen = service.section(id, number);
        if (form.getVersion() == null) {
            result.reject("assessment.section.versionMissing");
        }
        if (!result.hasErrors()) {
            try {
                service.answer(id, screen.section().competencyId(), form.getVersion(), form.toInput());
                redirect.addFlashAttribute("flash", "assessment.section.saved");
                int next = "next".equals(form.getGo()) && screen.hasNext() ? number + 1
                        : "previous".equals(form.getGo()) && screen.hasPrevious() ? number - 1 : number;
                if ("overview".equals(form.getGo())) {
                    return "redirect:/assessments/" + id;
                }
                return "redirect:/assessments/" + id + "/sections/" + next;
            } catch (SectionConflictException e) {
                // Theirs is shown beside the form, which keeps what this facilitator typed. Saving again (now
                // knowingly, against their version) replaces theirs; nothing is overwritten silently.
                Views.SectionScreen current = service.section(id, number);
                form.setVersion(current.section().version());
                response.setStatus(HttpStatus.CONFLICT.value());
                return sectionPage(current, form, current.section(), model);
            } catch (InvalidInputException | ConflictException e) {
                Errors.bind(e, result, SECTION_FIELDS);
                response.setStatus(e instanceof ConflictException ? 409 : 400);
            }
        } else {
            response.setStatus(400);
        }
        return sectionPage(screen, form, null, model);
    }

    /** The facilitator's screen (also rendered by {@link EvidenceFileController} after a refused upload). */
    static String sectionPage(Views.SectionScreen screen, SectionForm form, Views.SectionView theirs, Model model) {
        model.addAttribute("screen", screen);
        model.addAttribute("assessment", screen.assessment());
        model.addAttribute("form", form);
        model.addAttribute("theirs", theirs);
        model.addAttribute("barrierKinds", BarrierKind.values());
        model.addAttribute("confidences", Confidence.values());
        return "assessment/section";
    }

    // ------------------------------------------------------------ workflow

    @PostMapping("/{id}/submit")
    String submit(@PathVariable long id, RedirectAttributes redirect) {
        return act(id, () -> service.submit(id), "assessment.submitted", redirect);
    }

    @PostMapping("/{id}/validate")
    String validate(@PathVariable long id, RedirectAttributes redirect) {
        return act(id, () -> service.validate(id), "assessment.validated", redirect);
    }

    @PostMapping("/{id}/reopen")
    String reopen(@PathVariable long id, @RequestParam(required = false) String reason,
            RedirectAttributes redirect) {
        return act(id, () -> service.reopen(id, reason), "assessment.reopened", redirect);
    }

    private String act(long id, Runnable action, String done, RedirectAttributes redirect) {
        try {
            action.run();
            redirect.addFlashAttribute("flash", done);
        } catch (InvalidInputException | ConflictException e) {
            redirect.addFlashAttribute("problem", message(e));
        }
        return "redirect:/assessments/" + id;
    }

    private String message(UserFacingException e) {
        return messages.getMessage(e, LocaleContextHolder.getLocale());
    }

    // ------------------------------------------------------------ report

    /** A kind of barrier and the sections (by code) where it was observed. */
    record BarrierRow(BarrierKind kind, java.util.List<String> sections) {}

    @GetMapping("/{id}/report")
    String report(@PathVariable long id, @RequestParam(name = "targetProfile", required = false) Long targetProfile,
            Model model) {
        Views.Detail detail = service.detail(id);
        var profiles = targets.profilesFor(id);
        Long chosen = targetProfile != null ? targetProfile : targets.defaultProfile(id).orElse(null);
        var gapTable = chosen == null ? null : targets.gapTable(id, chosen);
        model.addAttribute("targetProfiles", profiles);
        model.addAttribute("gapTable", gapTable);
        model.addAttribute("assessment", detail);
        model.addAttribute("chart", RadarChart.of(detail, gapTable));
        java.util.List<BarrierRow> summary = new java.util.ArrayList<>();
        for (BarrierKind kind : BarrierKind.values()) {
            summary.add(new BarrierRow(kind, detail.sections().stream().filter(s -> s.hasBarrier(kind))
                    .map(s -> s.code() != null && !s.code().isBlank() ? s.code() : String.valueOf(s.number()))
                    .toList()));
        }
        model.addAttribute("barrierSummary", summary);
        return "assessment/report";
    }
}
