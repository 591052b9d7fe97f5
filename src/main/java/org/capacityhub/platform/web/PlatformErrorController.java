package org.capacityhub.platform.web;

import java.net.URI;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;

/**
 * Errors raised outside controllers (unknown address, rejected upload size, filter errors): a problem document
 * under {@code /api/} and for non-browser clients, a page for browsers.
 */
@Controller
class PlatformErrorController implements ErrorController {

    private final org.springframework.context.MessageSource messages;
    private final org.springframework.util.unit.DataSize maxRequest;

    PlatformErrorController(org.springframework.context.MessageSource messages,
            @org.springframework.beans.factory.annotation.Value("${spring.servlet.multipart.max-request-size:1MB}")
            org.springframework.util.unit.DataSize maxRequest) {
        this.messages = messages;
        this.maxRequest = maxRequest;
    }

    @RequestMapping("/error")
    Object error(HttpServletRequest request, HttpServletResponse response) {
        HttpStatus status = status(request);
        // an upload above the server's multipart limit: say so, with the limit (the same words as modules use)
        String detail = status == HttpStatus.CONTENT_TOO_LARGE ? messages.getMessage("error.uploadTooLarge",
                new Object[] {maxRequest.toMegabytes()}, "The upload is too large.",
                org.springframework.context.i18n.LocaleContextHolder.getLocale()) : null;
        String accept = request.getHeader("Accept");
        boolean browser = accept != null && accept.contains(MediaType.TEXT_HTML_VALUE);
        if (isApi(request) || !browser) {
            ProblemDetail body = ProblemDetail.forStatus(status);
            body.setDetail(detail != null ? detail : apiDetail(status, request));
            Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
            if (uri != null) {
                body.setInstance(URI.create(uri.toString().replace(" ", "%20")));
            }
            return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(body);
        }
        return PageExceptionHandler.page(status, detail, response);
    }

    /**
     * Why a request no operation matched was refused (unknown address, method or Content-Type), in the client's
     * language: a problem document always says what was wrong, not only its status.
     */
    private String apiDetail(HttpStatus status, HttpServletRequest request) {
        java.util.Locale locale = org.springframework.context.i18n.LocaleContextHolder.getLocale();
        return switch (status) {
            case NOT_FOUND -> messages.getMessage("api.problem.noSuchAddress", null,
                    "There is nothing at this address.", locale);
            case METHOD_NOT_ALLOWED -> messages.getMessage("api.problem.method", new Object[] {request.getMethod()},
                    "This address does not accept " + request.getMethod() + ".", locale);
            case UNSUPPORTED_MEDIA_TYPE -> ApiExceptionHandler.mediaTypeDetail(messages, request.getContentType(),
                    messages.getMessage("api.problem.seeDocumentation", null, "see /api-docs", locale));
            default -> messages.getMessage("error.explain." + status.value(), null, null, locale);
        };
    }

    private static boolean isApi(HttpServletRequest request) {
        Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        return uri != null && uri.toString().startsWith(request.getContextPath() + "/api/");
    }

    private static HttpStatus status(HttpServletRequest request) {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        if (code instanceof Integer value) {
            HttpStatus status = HttpStatus.resolve(value);
            if (status != null) {
                return status;
            }
        }
        return HttpStatus.INTERNAL_SERVER_ERROR;
    }
}
