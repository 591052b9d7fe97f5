package org.capacityhub.platform;

/**
 * Something does not exist, or exists but the user may not know of it (answering 404 rather than 403 where
 * revealing existence would leak information). Pages show a "not found" page, the API a problem document.
 */
public class NotFoundException extends UserFacingException {

    public NotFoundException(String what, Object id) {
        // the id as text: a number argument would be formatted for reading ("999,999,999", "999 999 999")
        super(null, "error.notFound", what + " " + id + " was not found.", what, String.valueOf(id));
    }
}
