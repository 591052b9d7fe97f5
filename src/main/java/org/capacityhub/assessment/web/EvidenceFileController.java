package org.capacityhub.assessment.web;

import java.io.IOException;
import java.io.UncheckedIOException;

import jakarta.servlet.http.HttpServletResponse;

import org.capacityhub.assessment.domain.AssessmentService;
import org.capacityhub.assessment.domain.EvidenceFileService;
import org.capacityhub.assessment.domain.EvidenceTooLargeException;
import org.capacityhub.assessment.domain.Views;
import org.capacityhub.platform.ConflictException;
import org.capacityhub.platform.InvalidInputException;
import org.capacityhub.platform.UserFacingException;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.io.Resource;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Evidence files on the facilitator's screen: upload (a refused file answers the section page with the reason:
 * 413 too big, 400 wrong type, 409 submitted), download, delete.
 */
@Controller
@RequestMapping("/assessments/{id}")
class EvidenceFileController {

    private final AssessmentService service;
    private final EvidenceFileService files;
    private final MessageSource messages;

    EvidenceFileController(AssessmentService service, EvidenceFileService files, MessageSource messages) {
        this.service = service;
        this.files = files;
        this.messages = messages;
    }

    @PostMapping("/sections/{number}/files")
    String upload(@PathVariable long id, @PathVariable int number,
            @RequestParam(name = "file", required = false) MultipartFile file, Model model,
            HttpServletResponse response, RedirectAttributes redirect) {
        Views.SectionScreen screen = service.section(id, number);
        try {
            if (file == null || file.isEmpty() && (file.getOriginalFilename() == null
                    || file.getOriginalFilename().isBlank())) {
                throw new InvalidInputException("file", "assessment.file.required", "Choose a file.");
            }
            if (file.getSize() > files.maxBytes()) {
                throw new EvidenceTooLargeException(files.maxMegabytes());
            }
            EvidenceFileService.FileView saved;
            try (var in = file.getInputStream()) {
                saved = files.upload(id, screen.section().competencyId(), file.getOriginalFilename(), in);
            }
            redirect.addFlashAttribute("flash", "assessment.file.uploaded");
            return "redirect:/assessments/" + id + "/sections/" + number + "#evidence-file-" + saved.id();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (EvidenceTooLargeException | InvalidInputException | ConflictException e) {
            response.setStatus(e instanceof EvidenceTooLargeException ? HttpStatus.CONTENT_TOO_LARGE.value()
                    : e instanceof ConflictException ? 409 : 400);
            model.addAttribute("fileError", message(e));
            return AssessmentController.sectionPage(screen, SectionForm.of(screen.section()), null, model);
        }
    }

    @GetMapping("/files/{fileId}")
    ResponseEntity<Resource> download(@PathVariable long id, @PathVariable long fileId) {
        return EvidenceDownloads.send(files.download(id, fileId));
    }

    @PostMapping("/files/{fileId}/delete")
    String delete(@PathVariable long id, @PathVariable long fileId, RedirectAttributes redirect) {
        long competencyId = files.download(id, fileId).file().competencyId();
        int number = service.sectionNumber(id, competencyId);
        files.delete(id, fileId);
        redirect.addFlashAttribute("flash", "assessment.file.deleted");
        return "redirect:/assessments/" + id + "/sections/" + number + "#evidence-files";
    }

    private String message(UserFacingException e) {
        return messages.getMessage(e, LocaleContextHolder.getLocale());
    }

}
