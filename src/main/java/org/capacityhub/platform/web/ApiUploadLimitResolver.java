package org.capacityhub.platform.web;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.util.unit.DataSize;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.servlet.ModelAndView;
import tools.jackson.databind.json.JsonMapper;

/**
 * An upload to the REST API above the server's multipart limit is refused before any controller runs, so no
 * controller advice of the API applies. This resolver, placed right after the {@code @ExceptionHandler} methods (a
 * module's own advice, such as the library's, still words its refusal first), answers every other such request
 * under {@code /api/} with a 413 problem document in the client's language, written here rather than through the
 * error page so that the client always gets it. Pages are left to the platform's error page.
 */
class ApiUploadLimitResolver implements HandlerExceptionResolver {

    private static final Logger log = LoggerFactory.getLogger(ApiUploadLimitResolver.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final MessageSource messages;
    private final DataSize maxRequest;

    ApiUploadLimitResolver(MessageSource messages, DataSize maxRequest) {
        this.messages = messages;
        this.maxRequest = maxRequest;
    }

    @Override
    public ModelAndView resolveException(HttpServletRequest request, HttpServletResponse response, Object handler,
            Exception e) {
        if (!(e instanceof MaxUploadSizeExceededException) || response.isCommitted()) {
            return null;
        }
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (!path.startsWith("/api/")) {
            return null;
        }
        HttpStatus status = HttpStatus.CONTENT_TOO_LARGE;
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", "about:blank");
        problem.put("title", status.getReasonPhrase());
        problem.put("status", status.value());
        problem.put("detail", messages.getMessage("error.uploadTooLarge", new Object[] {maxRequest.toMegabytes()},
                "The upload is too large: nothing was stored.", LocaleContextHolder.getLocale()));
        problem.put("instance", request.getRequestURI());
        try {
            response.resetBuffer();
            response.setStatus(status.value());
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            response.setCharacterEncoding("UTF-8");
            JSON.writeValue(response.getOutputStream(), problem);
        } catch (IOException | RuntimeException writeFailed) {
            log.debug("Could not write the upload-limit problem document for {}", path, writeFailed);
        }
        return new ModelAndView();
    }
}
