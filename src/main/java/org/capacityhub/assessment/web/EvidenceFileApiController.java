package org.capacityhub.assessment.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.capacityhub.assessment.domain.EvidenceFileService;
import org.capacityhub.assessment.domain.EvidenceTooLargeException;
import org.capacityhub.platform.InvalidInputException;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.io.Resource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** Evidence files over REST: the same rules as the pages; a file above the size limit is a 413 problem. */
@RestController
@RequestMapping("/api/v1/assessments/{id}")
@Tag(name = "Assessments")
class EvidenceFileApiController {

    private final EvidenceFileService files;
    private final MessageSource messages;

    EvidenceFileApiController(EvidenceFileService files, MessageSource messages) {
        this.files = files;
        this.messages = messages;
    }

    @GetMapping(value = "/files", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "The evidence files of an assessment (all sections), in upload order")
    List<EvidenceFileService.FileView> list(@PathVariable long id) {
        return files.list(id);
    }

    @PostMapping(value = "/sections/{competencyId}/files", consumes = MediaType.MULTIPART_FORM_DATA_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Upload an evidence file for a section (part 'file'): PDF, PNG, JPEG, DOCX, XLSX, PPTX, "
            + "ODT/ODS/ODP, plain text or CSV, detected from the bytes; at most the configured size (413 above)")
    ResponseEntity<EvidenceFileService.FileView> upload(@PathVariable long id, @PathVariable long competencyId,
            @RequestParam(name = "file", required = false) MultipartFile file) {
        if (file == null) {
            throw new InvalidInputException("file", "assessment.file.required", "Choose a file.");
        }
        if (file.getSize() > files.maxBytes()) {
            throw new EvidenceTooLargeException(files.maxMegabytes());
        }
        try (var in = file.getInputStream()) {
            EvidenceFileService.FileView saved = files.upload(id, competencyId, file.getOriginalFilename(), in);
            return ResponseEntity.created(URI.create("/api/v1/assessments/" + id + "/files/" + saved.id()))
                    .contentType(MediaType.APPLICATION_JSON).body(saved);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @GetMapping("/files/{fileId}")
    @Operation(summary = "The file's bytes, with the detected type")
    ResponseEntity<Resource> download(@PathVariable long id, @PathVariable long fileId) {
        return EvidenceDownloads.send(files.download(id, fileId));
    }

    @DeleteMapping("/files/{fileId}")
    @Operation(summary = "Delete an evidence file while the assessment is editable")
    ResponseEntity<Void> delete(@PathVariable long id, @PathVariable long fileId) {
        files.delete(id, fileId);
        return ResponseEntity.noContent().build();
    }

    @ExceptionHandler(EvidenceTooLargeException.class)
    ResponseEntity<ProblemDetail> tooLarge(EvidenceTooLargeException e) {
        ProblemDetail body = ProblemDetail.forStatusAndDetail(HttpStatus.CONTENT_TOO_LARGE,
                messages.getMessage(e, LocaleContextHolder.getLocale()));
        body.setProperty("errors", java.util.Map.of("file", body.getDetail()));
        return ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(body);
    }
}
