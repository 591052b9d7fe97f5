package org.capacityhub.library.web;

import java.net.URI;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.capacityhub.library.domain.LibraryService;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.servlet.support.RequestContextUtils;

/**
 * A library upload larger than the servlet container accepts is refused before any controller runs: the API answers
 * 413 with a problem document, a page goes back where it came from with the error shown beside the upload form.
 * Nothing is stored. Uploads to other modules are left to the platform's error handling (413 with the server's
 * limit), since the library's message and page would be wrong for them.
 */
@ControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class UploadLimitAdvice {

    private final MessageSource messages;
    private final LibraryService service;

    UploadLimitAdvice(MessageSource messages, LibraryService service) {
        this.messages = messages;
        this.service = service;
    }

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    Object tooLarge(MaxUploadSizeExceededException e, HttpServletRequest request, HttpServletResponse response) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (!path.startsWith("/library/") && !path.startsWith("/api/v1/library/")) {
            throw e; // not ours: the default resolution answers 413 through the platform's error page
        }
        String detail = messages.getMessage("library.file.tooLarge", new Object[] {service.maxUploadMegabytes()},
                LocaleContextHolder.getLocale());
        if (path.startsWith("/api/")) {
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.PAYLOAD_TOO_LARGE, detail);
            return ResponseEntity.status(HttpStatus.PAYLOAD_TOO_LARGE).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .body(problem);
        }
        var flash = RequestContextUtils.getOutputFlashMap(request);
        flash.put("fileError", detail);
        String target = "/library";
        if (path.matches("/library/resources/\\d+/file")) {
            target = path.substring(0, path.length() - "/file".length()) + "#file";
        }
        return "redirect:" + URI.create(target);
    }
}
