package org.capacityhub.platform.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.capacityhub.platform.ConflictException;
import org.capacityhub.platform.InvalidInputException;
import org.capacityhub.platform.NotFoundException;
import org.capacityhub.platform.UserFacingException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.context.MessageSource;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.util.StringUtils;
import org.springframework.validation.FieldError;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingPathVariableException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;
import org.springframework.web.servlet.resource.NoResourceFoundException;
import tools.jackson.core.JacksonException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Every error of the REST API as an RFC 9457 problem document ({@code application/problem+json}): never a stack
 * trace. Validation problems list the fields at fault under {@code errors}.
 */
@RestControllerAdvice(annotations = org.springframework.web.bind.annotation.RestController.class)
class ApiExceptionHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

    private final MessageSource messages;

    ApiExceptionHandler(MessageSource messages) {
        this.messages = messages;
    }

    @ExceptionHandler(NotFoundException.class)
    ResponseEntity<Object> notFound(NotFoundException e, WebRequest request) {
        return problem(HttpStatus.NOT_FOUND, e, request);
    }

    @ExceptionHandler(InvalidInputException.class)
    ResponseEntity<Object> invalid(InvalidInputException e, WebRequest request) {
        return problem(HttpStatus.BAD_REQUEST, e, request);
    }

    @ExceptionHandler(ConflictException.class)
    ResponseEntity<Object> conflict(ConflictException e, WebRequest request) {
        return problem(HttpStatus.CONFLICT, e, request);
    }

    @ExceptionHandler(ObjectOptimisticLockingFailureException.class)
    ResponseEntity<Object> stale(ObjectOptimisticLockingFailureException e, WebRequest request) {
        ProblemDetail body = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT,
                message("error.staleEdit", null, "Someone else changed this meanwhile; reload and try again."));
        return respond(body, HttpStatus.CONFLICT, request);
    }

    /**
     * A constraint of the database refused a change the services let through (a duplicate, a reference still in
     * use): the transaction was rolled back, so nothing was stored; the client hears a conflict, not a 500.
     */
    @ExceptionHandler(DataIntegrityViolationException.class)
    ResponseEntity<Object> integrity(DataIntegrityViolationException e, WebRequest request) {
        log.warn("Database constraint refused a change on {}: {}", request.getDescription(false),
                e.getMostSpecificCause().getMessage());
        ProblemDetail body = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, message("api.problem.integrity",
                null, "This clashes with data already stored. Nothing was changed."));
        return respond(body, HttpStatus.CONFLICT, request);
    }

    @ExceptionHandler(AccessDeniedException.class)
    ResponseEntity<Object> denied(AccessDeniedException e, WebRequest request) {
        ProblemDetail body = ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN,
                message("error.forbidden", null, "You are not allowed to do this."));
        return respond(body, HttpStatus.FORBIDDEN, request);
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<Object> unexpected(Exception e, WebRequest request) {
        log.error("Unexpected error on {}", request.getDescription(false), e);
        ProblemDetail body = ProblemDetail.forStatusAndDetail(HttpStatus.INTERNAL_SERVER_ERROR,
                message("error.unexpected", null, "Something went wrong on our side. Nothing was changed."));
        return respond(body, HttpStatus.INTERNAL_SERVER_ERROR, request);
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        ProblemDetail body = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                message("error.validation", null, "Some fields are not valid."));
        Map<String, String> errors = new LinkedHashMap<>();
        for (FieldError error : e.getBindingResult().getFieldErrors()) {
            errors.putIfAbsent(error.getField(), messages.getMessage(error, locale()));
        }
        e.getBindingResult().getGlobalErrors().forEach(g -> errors.putIfAbsent(g.getObjectName(),
                messages.getMessage(g, locale())));
        body.setProperty("errors", errors);
        return respond(body, HttpStatus.BAD_REQUEST, request);
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        ProblemDetail body = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                message("error.validation", null, "Some fields are not valid."));
        List<String> errors = e.getAllErrors().stream().map(err -> messages.getMessage(err, locale())).toList();
        body.setProperty("errors", errors);
        return respond(body, HttpStatus.BAD_REQUEST, request);
    }

    /** A body that is missing, is not JSON, or has a value of the wrong type: says which field when it can. */
    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        String field = field(e);
        ProblemDetail body;
        if (field != null) {
            body = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, message("api.problem.wrongType",
                    new Object[] {field}, "The value of '" + field + "' has the wrong type or format."));
            body.setProperty("errors", Map.of(field, body.getDetail()));
        } else if (e.getMessage() != null && e.getMessage().startsWith("Required request body is missing")) {
            body = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                    message("api.problem.bodyMissing", null, "This operation needs a request body."));
        } else {
            body = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                    message("api.problem.unreadable", null, "The request body could not be read as JSON."));
        }
        return respond(body, HttpStatus.BAD_REQUEST, request);
    }

    /** A path variable or query parameter that does not convert (an id that is not a number, an unknown value). */
    @Override
    protected ResponseEntity<Object> handleTypeMismatch(TypeMismatchException e, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        String name = e instanceof MethodArgumentTypeMismatchException m ? m.getName() : e.getPropertyName();
        String value = abbreviate(e.getValue());
        ProblemDetail body = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, message(
                "api.problem.typeMismatch", new Object[] {name, value}, "'" + value + "' is not a valid " + name + "."));
        body.setProperty("errors", Map.of(String.valueOf(name), body.getDetail()));
        return respond(body, HttpStatus.BAD_REQUEST, request);
    }

    @Override
    protected ResponseEntity<Object> handleMissingServletRequestParameter(MissingServletRequestParameterException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        ProblemDetail body = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, message(
                "api.problem.missingParameter", new Object[] {e.getParameterName()},
                "The parameter '" + e.getParameterName() + "' is required."));
        body.setProperty("errors", Map.of(e.getParameterName(), body.getDetail()));
        return respond(body, HttpStatus.BAD_REQUEST, request);
    }

    @Override
    protected ResponseEntity<Object> handleMissingServletRequestPart(MissingServletRequestPartException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        ProblemDetail body = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, message(
                "api.problem.missingPart", new Object[] {e.getRequestPartName()},
                "The part '" + e.getRequestPartName() + "' is required."));
        body.setProperty("errors", Map.of(e.getRequestPartName(), body.getDetail()));
        return respond(body, HttpStatus.BAD_REQUEST, request);
    }

    @Override
    protected ResponseEntity<Object> handleMissingPathVariable(MissingPathVariableException e, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        ProblemDetail body = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND,
                message("api.problem.noSuchAddress", null, "There is nothing at this address."));
        return respond(body, HttpStatus.NOT_FOUND, request);
    }

    @Override
    protected ResponseEntity<Object> handleHttpMediaTypeNotSupported(HttpMediaTypeNotSupportedException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        ProblemDetail body = ProblemDetail.forStatusAndDetail(HttpStatus.UNSUPPORTED_MEDIA_TYPE,
                mediaTypeDetail(e.getContentType() == null ? null : e.getContentType().toString(),
                        StringUtils.collectionToDelimitedString(e.getSupportedMediaTypes(), ", ")));
        return ResponseEntity.status(HttpStatus.UNSUPPORTED_MEDIA_TYPE).headers(headers)
                .contentType(MediaType.APPLICATION_PROBLEM_JSON).body(body);
    }

    @Override
    protected ResponseEntity<Object> handleHttpMediaTypeNotAcceptable(HttpMediaTypeNotAcceptableException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        ProblemDetail body = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_ACCEPTABLE, message(
                "api.problem.notAcceptable", new Object[] {
                        StringUtils.collectionToDelimitedString(e.getSupportedMediaTypes(), ", ")},
                "This operation cannot answer in the requested format."));
        return respond(body, HttpStatus.NOT_ACCEPTABLE, request);
    }

    @Override
    protected ResponseEntity<Object> handleHttpRequestMethodNotSupported(HttpRequestMethodNotSupportedException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        ProblemDetail body = ProblemDetail.forStatusAndDetail(HttpStatus.METHOD_NOT_ALLOWED, message(
                "api.problem.method", new Object[] {e.getMethod()},
                "This address does not accept " + e.getMethod() + "."));
        return ResponseEntity.status(HttpStatus.METHOD_NOT_ALLOWED).headers(headers)
                .contentType(MediaType.APPLICATION_PROBLEM_JSON).body(body);
    }

    @Override
    protected ResponseEntity<Object> handleNoResourceFoundException(NoResourceFoundException e, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        ProblemDetail body = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND,
                message("api.problem.noSuchAddress", null, "There is nothing at this address."));
        return respond(body, HttpStatus.NOT_FOUND, request);
    }

    /** The detail of a 415, also used by the error controller when no operation matched the Content-Type. */
    static String mediaTypeDetail(MessageSource messages, String sent, String supported) {
        return messages.getMessage("api.problem.mediaType", new Object[] {sent == null ? "-" : sent, supported},
                "This operation does not accept this Content-Type.", locale());
    }

    private String mediaTypeDetail(String sent, String supported) {
        return mediaTypeDetail(messages, sent, supported);
    }

    /** The JSON path of the value at fault ({@code members[2].id}), or null when the body was not JSON at all. */
    private static String field(HttpMessageNotReadableException e) {
        Throwable cause = e.getCause();
        // a value of the wrong type (databind) names its field; broken JSON (a read error) has no field to name
        if (!(cause instanceof tools.jackson.databind.DatabindException jackson) || jackson.getPath().isEmpty()) {
            return null;
        }
        StringBuilder path = new StringBuilder();
        for (JacksonException.Reference reference : jackson.getPath()) {
            if (reference.getPropertyName() != null) {
                path.append(path.isEmpty() ? "" : ".").append(reference.getPropertyName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.isEmpty() ? null : path.toString();
    }

    private static String abbreviate(Object value) {
        String text = String.valueOf(value);
        return text.length() > 40 ? text.substring(0, 40) + "…" : text;
    }

    @Override
    protected ResponseEntity<Object> handleExceptionInternal(Exception e, Object body, HttpHeaders headers,
            HttpStatusCode statusCode, WebRequest request) {
        ResponseEntity<Object> response = super.handleExceptionInternal(e, body, headers, statusCode, request);
        if (response == null) {
            return null;
        }
        return ResponseEntity.status(response.getStatusCode()).headers(response.getHeaders())
                .contentType(MediaType.APPLICATION_PROBLEM_JSON).body(response.getBody());
    }

    private ResponseEntity<Object> problem(HttpStatus status, UserFacingException e, WebRequest request) {
        ProblemDetail body = ProblemDetail.forStatusAndDetail(status, messages.getMessage(e, locale()));
        if (e.field() != null) {
            body.setProperty("errors", Map.of(e.field(), body.getDetail()));
        }
        return respond(body, status, request);
    }

    private ResponseEntity<Object> respond(ProblemDetail body, HttpStatus status, WebRequest request) {
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(body);
    }

    private String message(String code, Object[] args, String fallback) {
        return messages.getMessage(code, args, fallback, locale());
    }

    private static Locale locale() {
        return LocaleContextHolder.getLocale();
    }
}
