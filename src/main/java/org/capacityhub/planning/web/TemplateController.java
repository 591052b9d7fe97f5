package org.capacityhub.planning.web;

import java.nio.charset.StandardCharsets;
import java.util.Set;

import jakarta.servlet.http.HttpServletResponse;

import org.capacityhub.planning.domain.DemandService;
import org.capacityhub.planning.domain.PlanService;
import org.capacityhub.planning.domain.TemplateService;
import org.capacityhub.platform.InvalidInputException;
import org.springframework.context.MessageSource;
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

/** Plan templates (list, apply to many organisations, progress of the job) and the unmet demand of a programme. */
@Controller
@RequestMapping("/plans")
class TemplateController {

    private final TemplateService templates;
    private final PlanService plans;
    private final DemandService demand;
    private final PlanExports exports;
    private final MessageSource messages;

    TemplateController(TemplateService templates, PlanService plans, DemandService demand, PlanExports exports,
            MessageSource messages) {
        this.templates = templates;
        this.plans = plans;
        this.demand = demand;
        this.exports = exports;
        this.messages = messages;
    }

    @GetMapping("/templates")
    String list(Model model) {
        model.addAttribute("templates", templates.list());
        return "planning/templates";
    }

    @GetMapping("/templates/{id}")
    String template(@PathVariable long id, Model model) {
        model.addAttribute("template", templates.template(id));
        model.addAttribute("runs", templates.runs(id));
        model.addAttribute("organisations", plans.plannableOrganisations());
        return "planning/template";
    }

    @PostMapping("/templates/{id}/apply")
    String apply(@PathVariable long id, @RequestParam(required = false) Set<Long> organisationIds, Model model,
            HttpServletResponse response) {
        try {
            long run = templates.apply(id, organisationIds);
            return "redirect:/plans/templates/" + id + "/runs/" + run;
        } catch (InvalidInputException e) {
            response.setStatus(400);
            model.addAttribute("error", messages.getMessage(e, LocaleContextHolder.getLocale()));
            return template(id, model);
        }
    }

    @GetMapping("/templates/{id}/runs/{runId}")
    String run(@PathVariable long id, @PathVariable long runId, Model model) {
        model.addAttribute("template", templates.template(id));
        model.addAttribute("run", templates.run(id, runId));
        return "planning/run";
    }

    /** The progress bar alone, polled by the run page (HTMX) until the job finishes. */
    @GetMapping("/templates/{id}/runs/{runId}/progress")
    String progress(@PathVariable long id, @PathVariable long runId, Model model) {
        model.addAttribute("template", templates.template(id));
        model.addAttribute("run", templates.run(id, runId));
        return "planning/run :: progress";
    }

    @GetMapping("/demand")
    String demand(@RequestParam(required = false) Long programmeId, Model model) {
        var programmes = demand.programmes();
        model.addAttribute("programmes", programmes);
        Long chosen = programmeId != null ? programmeId : programmes.isEmpty() ? null : programmes.get(0).id();
        model.addAttribute("programmeId", chosen);
        model.addAttribute("programme", chosen == null ? null : demand.programme(chosen));
        model.addAttribute("rows", chosen == null ? java.util.List.of() : demand.demand(chosen));
        return "planning/demand";
    }

    @GetMapping("/demand.csv")
    ResponseEntity<byte[]> demandCsv(@RequestParam long programmeId) {
        return ResponseEntity.ok().contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename("unmet-demand-" + programmeId + ".csv").build().toString())
                .body(exports.demandCsv(demand.demand(programmeId)).getBytes(StandardCharsets.UTF_8));
    }
}
