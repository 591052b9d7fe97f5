package org.capacityhub.platform;

import org.springframework.context.MessageSourceResolvable;
import org.springframework.validation.Errors;

/**
 * A refusal to show to the user in their language: {@link #getCodes()} names a message bundle key and
 * {@link #getArguments()} its arguments; {@link #getMessage()} is the English fallback used in logs.
 */
public abstract class UserFacingException extends RuntimeException implements MessageSourceResolvable {

    private final String code;
    private final Object[] arguments;
    private final String field;

    protected UserFacingException(String field, String code, String englishMessage, Object... arguments) {
        super(englishMessage);
        this.field = field;
        this.code = code;
        this.arguments = arguments;
    }

    /** The form field or JSON property at fault, or null when the problem is the request as a whole. */
    public String field() {
        return field;
    }

    /**
     * Records this refusal in a form's errors: beside {@code formField} (the form's name for the field at fault), or
     * at the top of the form when that is null.
     */
    public void rejectIn(Errors errors, String formField) {
        if (formField != null) {
            errors.rejectValue(formField, code, arguments, getMessage());
        } else {
            errors.reject(code, arguments, getMessage());
        }
    }

    @Override
    public String[] getCodes() {
        return new String[] {code};
    }

    @Override
    public Object[] getArguments() {
        return arguments;
    }

    @Override
    public String getDefaultMessage() {
        return getMessage();
    }
}
