package org.capacityhub.platform.web;

import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;

import org.capacityhub.platform.ConflictException;
import org.capacityhub.platform.InvalidInputException;
import org.capacityhub.platform.NotFoundException;
import org.capacityhub.platform.UserFacingException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * Errors that reach a page controller without being turned into form errors: a readable page in the user's
 * language, never a stack trace. Unexpected errors are logged with a reference the user can quote.
 */
@ControllerAdvice(annotations = Controller.class)
class PageExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(PageExceptionHandler.class);

    private final MessageSource messages;

    PageExceptionHandler(MessageSource messages) {
        this.messages = messages;
    }

    @ExceptionHandler(NotFoundException.class)
    ModelAndView notFound(NotFoundException e, HttpServletResponse response) {
        return page(HttpStatus.NOT_FOUND, messages.getMessage(e, LocaleContextHolder.getLocale()), response);
    }

    @ExceptionHandler(NoResourceFoundException.class)
    ModelAndView noResource(NoResourceFoundException e, HttpServletResponse response) {
        return page(HttpStatus.NOT_FOUND, null, response);
    }

    @ExceptionHandler({InvalidInputException.class, ConflictException.class})
    ModelAndView refused(UserFacingException e, HttpServletResponse response) {
        HttpStatus status = e instanceof ConflictException ? HttpStatus.CONFLICT : HttpStatus.BAD_REQUEST;
        return page(status, messages.getMessage(e, LocaleContextHolder.getLocale()), response);
    }

    /** A malformed query parameter (a number that is not one) or a missing one: the request, not the server, is wrong. */
    @ExceptionHandler({org.springframework.web.method.annotation.MethodArgumentTypeMismatchException.class,
            org.springframework.web.bind.MissingServletRequestParameterException.class})
    ModelAndView badRequest(Exception e, HttpServletResponse response) {
        return page(HttpStatus.BAD_REQUEST, null, response);
    }

    @ExceptionHandler(ObjectOptimisticLockingFailureException.class)
    ModelAndView stale(ObjectOptimisticLockingFailureException e, HttpServletResponse response) {
        return page(HttpStatus.CONFLICT, messages.getMessage("error.staleEdit", null, LocaleContextHolder.getLocale()),
                response);
    }

    @ExceptionHandler(AccessDeniedException.class)
    ModelAndView denied(AccessDeniedException e, HttpServletResponse response) {
        return page(HttpStatus.FORBIDDEN, null, response);
    }

    @ExceptionHandler(Exception.class)
    ModelAndView unexpected(Exception e, HttpServletResponse response) {
        String reference = UUID.randomUUID().toString().substring(0, 8);
        log.error("Unexpected error (reference {})", reference, e);
        ModelAndView page = page(HttpStatus.INTERNAL_SERVER_ERROR, null, response);
        page.addObject("reference", reference);
        return page;
    }

    static ModelAndView page(HttpStatus status, String detail, HttpServletResponse response) {
        response.setStatus(status.value());
        ModelAndView page = new ModelAndView("platform/error");
        page.setStatus(status);
        page.addObject("status", status.value());
        page.addObject("detail", detail);
        return page;
    }
}
