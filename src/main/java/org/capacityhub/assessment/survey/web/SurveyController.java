package org.capacityhub.assessment.survey.web;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

import jakarta.servlet.http.HttpServletResponse;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.capacityhub.assessment.survey.SurveyService;
import org.capacityhub.assessment.survey.SurveyViews;
import org.capacityhub.platform.ConflictException;
import org.capacityhub.platform.InvalidInputException;
import org.capacityhub.platform.UserFacingException;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.format.annotation.DateTimeFormat;
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

/** The coordinator's and facilitator's survey pages: list, creation, links, closing and the grouped results. */
@Controller
@RequestMapping("/surveys")
class SurveyController {

    private final SurveyService service;
    private final MessageSource messages;
    private final SurveyResultsCsv csv;

    SurveyController(SurveyService service, MessageSource messages, SurveyResultsCsv csv) {
        this.service = service;
        this.messages = messages;
        this.csv = csv;
    }

    @GetMapping
    String list(Model model) {
        model.addAttribute("surveys", service.visibleSurveys());
        model.addAttribute("canCreate", service.canCreateAny());
        return "assessment/survey/list";
    }

    /** The creation form's fields, kept as typed when the form is shown again with errors. */
    record CreateForm(Long organisationId, Long frameworkVersionId, Long assessmentId, String title, String groups,
            String closesOn) {}

    @GetMapping("/new")
    String newForm(@RequestParam(required = false) Long assessmentId, Model model) {
        return createPage(new CreateForm(null, null, assessmentId, "",
                String.join("\n", messages.getMessage("survey.groups.default", null,
                        "Leadership\nICT practitioners\nOther staff", LocaleContextHolder.getLocale()).split("\\|")),
                ""), null, model);
    }

    @PostMapping("/new")
    String create(@RequestParam(required = false) String organisationId,
            @RequestParam(required = false) String frameworkVersionId,
            @RequestParam(required = false) Long assessmentId, @RequestParam(required = false) String title,
            @RequestParam(required = false) String groups, @RequestParam(required = false) String closesOn,
            Model model, HttpServletResponse response, RedirectAttributes redirect) {
        CreateForm form = new CreateForm(number(organisationId), number(frameworkVersionId), assessmentId, title,
                groups, closesOn);
        try {
            LocalDate closing = null;
            if (closesOn != null && !closesOn.isBlank()) {
                try {
                    closing = LocalDate.parse(closesOn.strip());
                } catch (java.time.format.DateTimeParseException e) {
                    throw new InvalidInputException("closesOn", "survey.closesOn.invalid", "Give a date as YYYY-MM-DD.");
                }
            }
            long id = service.create(form.organisationId(), form.frameworkVersionId(), assessmentId, title,
                    groups == null ? List.of() : Arrays.asList(groups.split("\\R")), closing);
            redirect.addFlashAttribute("flash", "survey.created");
            return "redirect:/surveys/" + id;
        } catch (InvalidInputException e) {
            response.setStatus(400);
            return createPage(form, e, model);
        }
    }

    private static Long number(String value) {
        try {
            return value == null || value.isBlank() ? null : Long.valueOf(value.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private String createPage(CreateForm form, InvalidInputException error, Model model) {
        model.addAttribute("form", form);
        model.addAttribute("options", service.createOptions(form.assessmentId()));
        model.addAttribute("errorField", error == null ? null : error.field());
        model.addAttribute("errorMessage", error == null ? null : message(error));
        return "assessment/survey/new";
    }

    @GetMapping("/{id}")
    String detail(@PathVariable long id, Model model) {
        model.addAttribute("survey", service.detail(id));
        return "assessment/survey/detail";
    }

    /** Issues links for a group: shown once on the page, or as a CSV file to distribute ({@code format=csv}). */
    @PostMapping("/{id}/links")
    Object issue(@PathVariable long id, @RequestParam(required = false) Long groupId,
            @RequestParam(required = false) String count, @RequestParam(required = false) String format,
            Model model, HttpServletResponse response, RedirectAttributes redirect) throws IOException {
        List<SurveyViews.IssuedLink> issued;
        try {
            Integer n = count == null ? null : parseInt(count);
            if (n == null || groupId == null) {
                throw new InvalidInputException("count", "survey.links.count",
                        "Issue between 1 and 500 links at a time.", SurveyService.MAX_LINKS_PER_BATCH);
            }
            issued = service.issueLinks(id, groupId, n);
        } catch (InvalidInputException | ConflictException e) {
            response.setStatus(e instanceof ConflictException ? 409 : 400);
            model.addAttribute("survey", service.detail(id));
            model.addAttribute("problem", message(e));
            return "assessment/survey/detail";
        }
        if ("csv".equals(format)) {
            StringWriter out = new StringWriter();
            try (CSVPrinter csv = new CSVPrinter(out, CSVFormat.DEFAULT)) {
                csv.printRecord("group", "link");
                for (SurveyViews.IssuedLink link : issued) {
                    csv.printRecord(link.group(), link.url());
                }
            }
            return ResponseEntity.ok()
                    .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"survey-" + id + "-links.csv\"")
                    .header(HttpHeaders.CACHE_CONTROL, "no-store")
                    .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8)).body(out.toString());
        }
        response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
        model.addAttribute("survey", service.detail(id));
        model.addAttribute("issued", issued);
        return "assessment/survey/detail";
    }

    private static Integer parseInt(String value) {
        try {
            return Integer.valueOf(value.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    @PostMapping("/{id}/close")
    String close(@PathVariable long id, RedirectAttributes redirect) {
        try {
            service.close(id);
            redirect.addFlashAttribute("flash", "survey.closedNow");
        } catch (ConflictException e) {
            redirect.addFlashAttribute("problem", message(e));
        }
        return "redirect:/surveys/" + id;
    }

    @GetMapping("/{id}/results")
    String results(@PathVariable long id, Model model) {
        model.addAttribute("survey", service.detail(id));
        model.addAttribute("results", service.results(id));
        return "assessment/survey/results";
    }

    /** The aggregated results as CSV: the same suppressed figures as the page, never an individual's answers. */
    @GetMapping(value = "/{id}/results.csv")
    ResponseEntity<String> resultsCsv(@PathVariable long id) {
        return csv.download(id);
    }

    private String message(UserFacingException e) {
        return messages.getMessage(e, LocaleContextHolder.getLocale());
    }
}
