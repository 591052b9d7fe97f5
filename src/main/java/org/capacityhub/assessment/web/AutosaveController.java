package org.capacityhub.assessment.web;

import java.util.LinkedHashMap;
import java.util.Map;

import org.capacityhub.assessment.domain.AssessmentService;
import org.capacityhub.assessment.domain.SectionConflictException;
import org.capacityhub.assessment.domain.Views;
import org.capacityhub.platform.ConflictException;
import org.capacityhub.platform.InvalidInputException;
import org.capacityhub.platform.UserFacingException;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Controller;
import org.springframework.validation.BindingResult;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseBody;

/**
 * What the section page's script uses (progressive enhancement; the page works without it): autosave of a
 * section as JSON, and a fresh CSRF token after the session was renewed in another tab.
 */
@Controller
@RequestMapping("/assessments")
class AutosaveController {

    private final AssessmentService service;
    private final MessageSource messages;

    AutosaveController(AssessmentService service, MessageSource messages) {
        this.service = service;
        this.messages = messages;
    }

    /** A CSRF token for the current session (the script asks for one when its token went stale). */
    @GetMapping(value = "/csrf-token", produces = MediaType.APPLICATION_JSON_VALUE)
    @ResponseBody
    Map<String, String> csrfToken(CsrfToken token) {
        return Map.of("headerName", token.getHeaderName(), "parameterName", token.getParameterName(),
                "token", token.getToken());
    }

    /**
     * Saves one section like the page form does, answering JSON: 200 with the new version, 409 with their
     * version when the section changed meanwhile, 400 with the fields at fault.
     */
    @PostMapping(value = "/{id}/sections/{number}/autosave", produces = MediaType.APPLICATION_JSON_VALUE)
    @ResponseBody
    ResponseEntity<Map<String, Object>> autosave(@PathVariable long id, @PathVariable int number,
            @ModelAttribute("form") SectionForm form, BindingResult result) {
        Views.SectionView section = service.section(id, number).section();
        Map<String, Object> body = new LinkedHashMap<>();
        if (result.hasErrors() || form.getVersion() == null) {
            Map<String, String> errors = new LinkedHashMap<>();
            for (FieldError error : result.getFieldErrors()) {
                errors.putIfAbsent(error.getField(), messages.getMessage(error, LocaleContextHolder.getLocale()));
            }
            if (form.getVersion() == null) {
                errors.put("version", messages.getMessage("assessment.section.versionMissing", null,
                        LocaleContextHolder.getLocale()));
            }
            body.put("status", "invalid");
            body.put("errors", errors);
            return ResponseEntity.badRequest().body(body);
        }
        try {
            Views.SectionView saved = service.answer(id, section.competencyId(), form.getVersion(), form.toInput());
            body.put("status", "saved");
            body.put("version", saved.version());
            body.put("updatedAt", saved.updatedAt());
            body.put("updatedBy", saved.updatedBy());
            return ResponseEntity.ok(body);
        } catch (SectionConflictException e) {
            body.put("status", "conflict");
            body.put("message", message(e));
            body.put("theirs", service.sectionView(id, section.competencyId()));
            return ResponseEntity.status(HttpStatus.CONFLICT).body(body);
        } catch (InvalidInputException | ConflictException e) {
            body.put("status", e instanceof ConflictException ? "locked" : "invalid");
            body.put("message", message(e));
            body.put("errors", e.field() == null ? Map.of() : Map.of(e.field(), message(e)));
            return ResponseEntity.status(e instanceof ConflictException ? HttpStatus.CONFLICT : HttpStatus.BAD_REQUEST)
                    .body(body);
        }
    }

    private String message(UserFacingException e) {
        return messages.getMessage(e, LocaleContextHolder.getLocale());
    }
}
