package org.capacityhub.directory.web;

import java.util.Map;
import java.util.function.Supplier;

import jakarta.servlet.http.HttpServletResponse;

import org.capacityhub.platform.ConflictException;
import org.capacityhub.platform.InvalidInputException;
import org.capacityhub.platform.UserFacingException;
import org.springframework.beans.BeanWrapperImpl;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.validation.BindingResult;

/** Turns a domain refusal into a form error beside the field at fault (or above the form). */
public final class Forms {

    private Forms() {}

    /**
     * Handles a submitted form: with binding errors, or when {@code action} is refused (invalid input, a conflict, or
     * a stale version), the form is shown again by {@code redisplay} with the errors and a 400 or 409 status;
     * otherwise answers what {@code action} answers (usually a redirect).
     *
     * @param renames domain field names mapped to form field names, for errors beside the right field
     */
    public static String submit(BindingResult result, HttpServletResponse response, Map<String, String> renames,
            Supplier<String> action, Supplier<String> redisplay) {
        if (result.hasErrors()) {
            invalid(response, false);
            return redisplay.get();
        }
        try {
            return action.get();
        } catch (ObjectOptimisticLockingFailureException e) {
            stale(result, response);
        } catch (InvalidInputException | ConflictException e) {
            reject(result, e, response, renames);
        }
        return redisplay.get();
    }

    public static String submit(BindingResult result, HttpServletResponse response, Supplier<String> action,
            Supplier<String> redisplay) {
        return submit(result, response, Map.of(), action, redisplay);
    }

    /**
     * Records {@code e} in {@code result}, on the form field it names ({@code renames} maps domain field names to
     * form field names), and sets the response status to 400 (409 for a conflict).
     */
    public static void reject(BindingResult result, UserFacingException e, HttpServletResponse response,
            Map<String, String> renames) {
        String field = e.field() == null ? null : renames.getOrDefault(e.field(), e.field());
        Object target = result.getTarget();
        e.rejectIn(result, field != null && target != null && new BeanWrapperImpl(target).isReadableProperty(field)
                ? field : null);
        invalid(response, e instanceof ConflictException);
    }

    public static void reject(BindingResult result, UserFacingException e, HttpServletResponse response) {
        reject(result, e, response, Map.of());
    }

    /** Someone else saved the record since the form was opened: the form is shown again, with a 409, to redo. */
    public static void stale(BindingResult result, HttpServletResponse response) {
        result.reject("error.staleEdit",
                "Someone else changed this meanwhile. Reload to see their version, then make your change again.");
        invalid(response, true);
    }

    /** A form shown again because of errors answers 400 (409 for a conflict), not 200. */
    public static void invalid(HttpServletResponse response, boolean conflict) {
        response.setStatus(conflict ? HttpServletResponse.SC_CONFLICT : HttpServletResponse.SC_BAD_REQUEST);
    }
}
