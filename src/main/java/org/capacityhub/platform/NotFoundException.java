package org.capacityhub.platform;

import org.springframework.context.support.DefaultMessageSourceResolvable;

/**
 * Something does not exist, or exists but the user may not know of it (answering 404 rather than 403 where
 * revealing existence would leak information). Pages show a "not found" page, the API a problem document.
 */
public class NotFoundException extends UserFacingException {

    public NotFoundException(String what, Object id) {
        // the id as text: a number argument would be formatted for reading ("999,999,999", "999 999 999")
        // the kind of thing in the user's language (bundle key "entity.<kind>", e.g. entity.gapReport), English if
        // the bundles do not name it
        super(null, "error.notFound", what + " " + id + " was not found.",
                new DefaultMessageSourceResolvable(new String[] {"entity." + key(what)}, what), String.valueOf(id));
    }

    /** "Gap report" and "GapReport" both give "gapReport". */
    static String key(String what) {
        StringBuilder key = new StringBuilder();
        boolean upper = false;
        for (char c : what.toCharArray()) {
            if (c == ' ') {
                upper = true;
            } else {
                key.append(key.isEmpty() ? Character.toLowerCase(c) : upper ? Character.toUpperCase(c) : c);
                upper = false;
            }
        }
        return key.toString();
    }
}
