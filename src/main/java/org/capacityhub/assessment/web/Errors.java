package org.capacityhub.assessment.web;

import java.util.Set;

import org.capacityhub.platform.UserFacingException;
import org.springframework.validation.BindingResult;

/** Turns a domain refusal into a form error beside the field at fault (or at the top of the form). */
final class Errors {

    private Errors() {}

    static void bind(UserFacingException e, BindingResult result, Set<String> fields) {
        String field = e.field();
        if (field != null && field.startsWith("barriers")) {
            field = "barriers";
        }
        e.rejectIn(result, field != null && (fields.contains(field) || field.startsWith("participants[")) ? field
                : null);
    }
}
