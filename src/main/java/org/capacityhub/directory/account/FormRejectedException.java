package org.capacityhub.directory.account;

import java.util.List;

import org.capacityhub.platform.InvalidInputException;
import org.springframework.validation.BindingResult;

/** Several fields refused at once; thrown out of a transaction so that nothing of the form is saved. */
class FormRejectedException extends RuntimeException {

    private final List<InvalidInputException> errors;

    FormRejectedException(List<InvalidInputException> errors) {
        super(errors.isEmpty() ? "Form rejected" : errors.get(0).getMessage());
        this.errors = List.copyOf(errors);
    }

    List<InvalidInputException> errors() {
        return errors;
    }

    /** Shows each refusal beside its field (or at the top of the form when it names none). */
    void bindTo(BindingResult binding) {
        errors.forEach(e -> bind(e, binding));
    }

    static void bind(InvalidInputException e, BindingResult binding) {
        bind(e, binding, e.field());
    }

    /** As {@link #bind(InvalidInputException, BindingResult)}, beside {@code field} of the form. */
    static void bind(InvalidInputException e, BindingResult binding, String field) {
        if (field != null && binding.getFieldErrorCount(field) == 0) {
            try {
                e.rejectIn(binding, field);
                return;
            } catch (RuntimeException notAField) {
                // the form has no such field: fall through to a form-wide error
            }
        }
        e.rejectIn(binding, null);
    }

    /** Collects refusals of several steps before deciding. */
    static final class Collector {

        private final java.util.ArrayList<InvalidInputException> errors = new java.util.ArrayList<>();

        boolean attempt(Runnable step) {
            try {
                step.run();
                return true;
            } catch (InvalidInputException e) {
                errors.add(e);
                return false;
            }
        }

        void add(InvalidInputException e) {
            errors.add(e);
        }

        void throwIfAny() {
            if (!errors.isEmpty()) {
                throw new FormRejectedException(errors);
            }
        }
    }
}
