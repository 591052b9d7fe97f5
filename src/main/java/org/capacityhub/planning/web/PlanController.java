package org.capacityhub.planning.web;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import jakarta.servlet.http.HttpServletResponse;

import org.capacityhub.planning.DeliveryMode;
import org.capacityhub.planning.PlanConstraints;
import org.capacityhub.planning.domain.Intervention;
import org.capacityhub.planning.domain.ItemDetails;
import org.capacityhub.planning.domain.ItemKind;
import org.capacityhub.planning.domain.ItemStatus;
import org.capacityhub.planning.domain.Plan;
import org.capacityhub.planning.domain.PlanService;
import org.capacityhub.planning.domain.PlanViews;
import org.capacityhub.planning.domain.TemplateService;
import org.capacityhub.platform.UserFacingException;
import org.springframework.context.MessageSource;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.validation.BindingResult;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The plan pages: list, gaps of an assessment with "Generate a plan", the plan with its edits, life and progress,
 * the participants' expectations, and its exports.
 */
@Controller
@RequestMapping("/plans")
class PlanController {

    private final PlanService service;
    private final TemplateService templates;
    private final PlanExports exports;
    private final MessageSource messages;

    PlanController(PlanService service, TemplateService templates, PlanExports exports, MessageSource messages) {
        this.service = service;
        this.templates = templates;
        this.exports = exports;
        this.messages = messages;
    }

    @GetMapping
    String list(Model model) {
        model.addAttribute("plans", service.visiblePlans());
        model.addAttribute("canPlan", service.canPlanAny());
        return "planning/list";
    }

    // ------------------------------------------------------------ from gaps to a plan

    @GetMapping("/new")
    String start(@RequestParam(required = false) Long organisationId, Model model) {
        model.addAttribute("organisations", service.plannableOrganisations());
        model.addAttribute("organisationId", organisationId);
        model.addAttribute("assessments", organisationId == null ? List.of() : service.finalAssessments(organisationId));
        return "planning/new";
    }

    @GetMapping("/gaps")
    String gaps(@RequestParam long assessmentId, @RequestParam(required = false) Long targetProfileId, Model model) {
        model.addAttribute("gaps", service.gaps(assessmentId, targetProfileId));
        model.addAttribute("languages", Plan.LANGUAGES.stream().sorted().toList());
        model.addAttribute("modes", DeliveryMode.values());
        model.addAttribute("defaultLanguage", LocaleContextHolder.getLocale().getLanguage());
        return "planning/gaps";
    }

    @PostMapping("/generate")
    String generate(@RequestParam long assessmentId, @RequestParam(required = false) Long targetProfileId,
            @RequestParam long organisationId, @RequestParam(required = false) String title,
            @RequestParam(required = false) Set<Long> competencyIds,
            @RequestParam(required = false) Set<String> languages,
            @RequestParam(required = false) Set<DeliveryMode> modes,
            @RequestParam(required = false) Integer maxHoursPerMonth,
            @RequestParam(required = false) BigDecimal maxCost, @RequestParam(required = false) String currency,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate deadline, Model model, HttpServletResponse response,
            RedirectAttributes redirect) {
        try {
            long id = service.generate(new PlanService.GenerateInput(assessmentId, targetProfileId, organisationId,
                    title, competencyIds, languages == null ? Set.of() : languages,
                    new PlanConstraints(modes, maxHoursPerMonth, maxCost, currency, deadline)));
            redirect.addFlashAttribute("flash", "planning.generated");
            return "redirect:/plans/" + id;
        } catch (UserFacingException e) {
            showRefusal(e, model, response);
            return gaps(assessmentId, targetProfileId, model);
        }
    }

    // ------------------------------------------------------------ a person's own plan

    @GetMapping("/mine")
    String mine(Model model) {
        model.addAttribute("my", service.myPlanning());
        return "planning/mine";
    }

    @GetMapping("/mine/gaps")
    String myGaps(@RequestParam long version, Model model) {
        PlanViews.PersonGapsView gaps = service.myGaps(version);
        model.addAttribute("gaps", gaps);
        model.addAttribute("languages", Plan.LANGUAGES.stream().sorted().toList());
        model.addAttribute("modes", DeliveryMode.values());
        model.addAttribute("chosenLanguages", gaps.languages().isEmpty()
                ? Set.of(LocaleContextHolder.getLocale().getLanguage()) : Set.copyOf(gaps.languages()));
        return "planning/my-gaps";
    }

    @PostMapping("/mine/generate")
    String generateMine(@RequestParam long version, @RequestParam(required = false) String title,
            @RequestParam(required = false) Set<Long> competencyIds,
            @RequestParam(required = false) Set<String> languages,
            @RequestParam(required = false) Set<DeliveryMode> modes,
            @RequestParam(required = false) Integer maxHoursPerMonth,
            @RequestParam(required = false) BigDecimal maxCost, @RequestParam(required = false) String currency,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate deadline,
            Model model, HttpServletResponse response, RedirectAttributes redirect) {
        try {
            if (languages == null || languages.isEmpty()) {
                throw new org.capacityhub.platform.InvalidInputException("languages",
                        "planning.plan.languagesRequired", "Choose at least one language.");
            }
            long id = service.generateForMe(new PlanService.PersonGenerateInput(version, title, competencyIds,
                    languages, new PlanConstraints(modes, maxHoursPerMonth, maxCost, currency, deadline)));
            redirect.addFlashAttribute("flash", "planning.generated");
            return "redirect:/plans/" + id;
        } catch (UserFacingException e) {
            showRefusal(e, model, response);
            return myGaps(version, model);
        }
    }

    @PostMapping("/{id}/share")
    String share(@PathVariable long id, Model model, HttpServletResponse response, RedirectAttributes redirect) {
        return act(id, () -> service.share(id), "planning.person.shared", model, response, redirect);
    }

    @PostMapping("/{id}/unshare")
    String unshare(@PathVariable long id, Model model, HttpServletResponse response, RedirectAttributes redirect) {
        return act(id, () -> service.unshare(id), "planning.person.unshared", model, response, redirect);
    }

    // ------------------------------------------------------------ the plan

    @GetMapping("/{id}")
    String plan(@PathVariable long id, Model model) {
        model.addAttribute("plan", service.view(id));
        model.addAttribute("kinds", List.of(ItemKind.CUSTOM, ItemKind.RESOURCE, ItemKind.COURSE, ItemKind.EVENT,
                ItemKind.COMMUNITY, ItemKind.MENTOR, ItemKind.PEER));
        model.addAttribute("interventions", Intervention.values());
        model.addAttribute("statuses", ItemStatus.values());
        model.addAttribute("modes", DeliveryMode.values());
        model.addAttribute("languages", Plan.LANGUAGES.stream().sorted().toList());
        return "planning/plan";
    }

    /**
     * A refused change shown in the page it came from: 409 for a conflict, 400 for bad input, with the message and the
     * field; "not found" stays a 404.
     */
    private void showRefusal(UserFacingException e, Model model, HttpServletResponse response) {
        if (e instanceof org.capacityhub.platform.NotFoundException) {
            throw e;
        }
        response.setStatus(e instanceof org.capacityhub.platform.ConflictException ? 409 : 400);
        model.addAttribute("error", messages.getMessage(e, LocaleContextHolder.getLocale()));
        model.addAttribute("errorField", e.field());
    }

    /** Runs a change; a refusal is shown on the plan page (400/409) instead of a redirect. */
    private String act(long id, Runnable action, String flash, Model model, HttpServletResponse response,
            RedirectAttributes redirect) {
        try {
            Object binding = model.getAttribute(BindingResult.MODEL_KEY_PREFIX + "itemFields");
            if (binding instanceof BindingResult b && b.hasErrors()) {
                throw new org.capacityhub.platform.InvalidInputException(b.getFieldError() == null ? null
                        : b.getFieldError().getField(), "planning.form.invalid",
                        "A value is not in the expected form (dates as YYYY-MM-DD, numbers as digits).");
            }
            action.run();
            redirect.addFlashAttribute("flash", flash);
            return "redirect:/plans/" + id;
        } catch (UserFacingException e) {
            showRefusal(e, model, response);
            return plan(id, model);
        }
    }

    @PostMapping("/{id}/details")
    String details(@PathVariable long id, @RequestParam(required = false) String title,
            @RequestParam(required = false) Set<String> languages,
            @RequestParam(required = false) Set<DeliveryMode> modes,
            @RequestParam(required = false) Integer maxHoursPerMonth,
            @RequestParam(required = false) BigDecimal maxCost, @RequestParam(required = false) String currency,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate deadline, Model model, HttpServletResponse response,
            RedirectAttributes redirect) {
        return act(id, () -> service.describe(id, title, languages == null ? Set.of() : languages,
                new PlanConstraints(modes, maxHoursPerMonth, maxCost, currency, deadline)), "planning.saved", model,
                response, redirect);
    }

    @PostMapping("/{id}/items")
    String addItem(@PathVariable long id, @RequestParam(required = false) Long gapId,
            @RequestParam(required = false) ItemKind kind, @RequestParam(required = false) Intervention intervention,
            ItemFields fields, BindingResult binding, Model model, HttpServletResponse response,
            RedirectAttributes redirect) {
        return act(id, () -> service.addItem(id, gapId, kind, intervention, fields.details()), "planning.item.added",
                model, response, redirect);
    }

    @PostMapping("/{id}/items/{itemId}")
    String describeItem(@PathVariable long id, @PathVariable long itemId, ItemFields fields,
            BindingResult binding, Model model, HttpServletResponse response, RedirectAttributes redirect) {
        return act(id, () -> service.describeItem(id, itemId, fields.details()), "planning.saved", model, response,
                redirect);
    }

    @PostMapping("/{id}/items/{itemId}/remove")
    String removeItem(@PathVariable long id, @PathVariable long itemId, Model model, HttpServletResponse response,
            RedirectAttributes redirect) {
        return act(id, () -> service.removeItem(id, itemId), "planning.item.removed", model, response, redirect);
    }

    @PostMapping("/{id}/items/{itemId}/move")
    String moveItem(@PathVariable long id, @PathVariable long itemId, @RequestParam int delta, Model model,
            HttpServletResponse response, RedirectAttributes redirect) {
        return act(id, () -> service.moveItem(id, itemId, delta), "planning.saved", model, response, redirect);
    }

    @PostMapping("/{id}/items/{itemId}/report")
    String report(@PathVariable long id, @PathVariable long itemId, @RequestParam(required = false) ItemStatus status,
            @RequestParam(defaultValue = "0") int progress, Model model, HttpServletResponse response,
            RedirectAttributes redirect) {
        return act(id, () -> service.report(id, itemId, status, progress), "planning.item.reported", model, response,
                redirect);
    }

    @PostMapping("/{id}/gaps/{gapId}/move")
    String moveGap(@PathVariable long id, @PathVariable long gapId, @RequestParam int delta, Model model,
            HttpServletResponse response, RedirectAttributes redirect) {
        return act(id, () -> service.moveGap(id, gapId, delta), "planning.saved", model, response, redirect);
    }

    @PostMapping("/{id}/gaps/{gapId}/remove")
    String removeGap(@PathVariable long id, @PathVariable long gapId, Model model, HttpServletResponse response,
            RedirectAttributes redirect) {
        return act(id, () -> service.removeGap(id, gapId), "planning.gap.removed", model, response, redirect);
    }

    @PostMapping("/{id}/gaps/{gapId}/objective")
    String objective(@PathVariable long id, @PathVariable long gapId, @RequestParam(required = false) String objective,
            Model model, HttpServletResponse response, RedirectAttributes redirect) {
        return act(id, () -> service.describeGap(id, gapId, objective), "planning.saved", model, response, redirect);
    }

    @PostMapping("/{id}/resuggest")
    String resuggest(@PathVariable long id, Model model, HttpServletResponse response, RedirectAttributes redirect) {
        return act(id, () -> service.resuggest(id), "planning.resuggested", model, response, redirect);
    }

    @PostMapping("/{id}/expectations")
    String expect(@PathVariable long id, @RequestParam(required = false) String participant,
            @RequestParam(required = false) String expectations, @RequestParam(required = false) String motivations,
            Model model, HttpServletResponse response, RedirectAttributes redirect) {
        return act(id, () -> service.expect(id, participant, expectations, motivations), "planning.expectation.saved",
                model, response, redirect);
    }

    @PostMapping("/{id}/state")
    String transition(@PathVariable long id, @RequestParam String action,
            @RequestParam(required = false) String note, Model model, HttpServletResponse response,
            RedirectAttributes redirect) {
        Runnable run = switch (action) {
            case "review" -> () -> service.submitForReview(id);
            case "draft" -> () -> service.backToDraft(id);
            case "agree" -> () -> service.agree(id, note);
            case "start" -> () -> service.start(id);
            case "complete" -> () -> service.complete(id);
            case "reopen" -> () -> service.reopen(id, note);
            default -> throw new org.capacityhub.platform.InvalidInputException("action", "planning.action.unknown",
                    "Unknown action.");
        };
        return act(id, run, "planning.state.changed", model, response, redirect);
    }

    @PostMapping("/{id}/template")
    String saveAsTemplate(@PathVariable long id, @RequestParam(required = false) String name,
            @RequestParam(required = false) String description, Model model, HttpServletResponse response,
            RedirectAttributes redirect) {
        long[] made = new long[1];
        String view = act(id, () -> made[0] = templates.saveAsTemplate(id, name, description),
                "planning.template.saved", model, response, redirect);
        return view.startsWith("redirect:") ? "redirect:/plans/templates/" + made[0] : view;
    }

    // ------------------------------------------------------------ exports

    @GetMapping("/{id}/export.csv")
    ResponseEntity<byte[]> csv(@PathVariable long id) {
        PlanViews.PlanView plan = service.view(id);
        return ResponseEntity.ok().contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename("plan-" + id + ".csv").build().toString())
                .body(exports.csv(plan).getBytes(StandardCharsets.UTF_8));
    }

    @GetMapping("/{id}/export.pdf")
    ResponseEntity<byte[]> pdf(@PathVariable long id) {
        PlanViews.PlanView plan = service.view(id);
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename("plan-" + id + ".pdf").build().toString())
                .body(exports.pdf(plan));
    }

    /** The fields of an activity form (bound by name; blank means none). */
    static class ItemFields {
        private String title;
        private String url;
        private String owner;
        private Long ownerPersonId;
        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
        private LocalDate startsOn;
        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
        private LocalDate dueOn;
        private Integer hours;
        private BigDecimal costAmount;
        private String costCurrency;
        private DeliveryMode mode;

        ItemDetails details() {
            return new ItemDetails(title, url, owner, ownerPersonId, startsOn, dueOn, hours, costAmount, costCurrency,
                    mode);
        }

        public void setTitle(String title) { this.title = title; }
        public void setUrl(String url) { this.url = url; }
        public void setOwner(String owner) { this.owner = owner; }
        public void setOwnerPersonId(Long ownerPersonId) { this.ownerPersonId = ownerPersonId; }
        public void setStartsOn(LocalDate startsOn) { this.startsOn = startsOn; }
        public void setDueOn(LocalDate dueOn) { this.dueOn = dueOn; }
        public void setHours(Integer hours) { this.hours = hours; }
        public void setCostAmount(BigDecimal costAmount) { this.costAmount = costAmount; }
        public void setCostCurrency(String costCurrency) { this.costCurrency = costCurrency; }
        public void setMode(DeliveryMode mode) { this.mode = mode; }
        public String getTitle() { return title; }
    }
}
