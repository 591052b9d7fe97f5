package org.capacityhub.platform;

/** A change that clashes with the current state: a duplicate, a stale edit, a used invitation (409). */
public class ConflictException extends UserFacingException {

    public ConflictException(String field, String code, String englishMessage, Object... arguments) {
        super(field, code, englishMessage, arguments);
    }
}
