package org.capacityhub.assessment.survey.web;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;

import org.capacityhub.assessment.survey.LinkRefusedException;
import org.capacityhub.assessment.survey.SurveyService;
import org.capacityhub.platform.InvalidInputException;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;

/**
 * The respondent's pages, reached through a single-use link without an account ({@link SurveySecurity}). Nothing
 * about the respondent is kept: no account, no address, no time.
 */
@Controller
@RequestMapping("/survey")
class SurveyRespondentController {

    private final SurveyService service;
    private final MessageSource messages;

    SurveyRespondentController(SurveyService service, MessageSource messages) {
        this.service = service;
        this.messages = messages;
    }

    /** What the respondent typed: level ids and comments by section (competency) id, kept on errors. */
    public static class AnswerForm {
        private Map<Long, String> levels = new LinkedHashMap<>();
        private Map<Long, String> comments = new LinkedHashMap<>();

        public Map<Long, String> getLevels() { return levels; }
        public void setLevels(Map<Long, String> levels) { this.levels = levels; }
        public Map<Long, String> getComments() { return comments; }
        public void setComments(Map<Long, String> comments) { this.comments = comments; }

        public String level(long sectionId) {
            return levels.get(sectionId);
        }

        public String comment(long sectionId) {
            return comments.get(sectionId);
        }
    }

    @GetMapping("/r/{token}")
    String open(@PathVariable String token, Model model, HttpServletResponse response) {
        try {
            model.addAttribute("form", service.form(token));
        } catch (LinkRefusedException e) {
            return refused(e, model, response);
        }
        model.addAttribute("answers", new AnswerForm());
        model.addAttribute("token", token);
        return "assessment/survey/respond";
    }

    @PostMapping("/r/{token}")
    String answer(@PathVariable String token, @ModelAttribute("answers") AnswerForm answers, Model model,
            HttpServletResponse response) {
        try {
            Map<Long, Long> levels = new HashMap<>();
            for (Map.Entry<Long, String> e : answers.getLevels().entrySet()) {
                if (e.getValue() == null || e.getValue().isBlank()) {
                    continue;
                }
                try {
                    levels.put(e.getKey(), Long.valueOf(e.getValue().strip()));
                } catch (NumberFormatException notANumber) {
                    levels.put(e.getKey(), -1L); // not a level of the scale: refused below with the section named
                }
            }
            service.respond(token, levels, answers.getComments());
            return "redirect:/survey/thanks";
        } catch (LinkRefusedException e) {
            return refused(e, model, response);
        } catch (InvalidInputException e) {
            try {
                model.addAttribute("form", service.form(token));
            } catch (LinkRefusedException closed) {
                return refused(closed, model, response);
            }
            response.setStatus(400);
            model.addAttribute("token", token);
            model.addAttribute("errorField", e.field());
            model.addAttribute("errorMessage", messages.getMessage(e, LocaleContextHolder.getLocale()));
            return "assessment/survey/respond";
        }
    }

    @GetMapping("/thanks")
    String thanks() {
        return "assessment/survey/thanks";
    }

    private String refused(LinkRefusedException e, Model model, HttpServletResponse response) {
        response.setStatus(e.status());
        model.addAttribute("message", messages.getMessage(e, LocaleContextHolder.getLocale()));
        return "assessment/survey/refused";
    }
}
