package org.capacityhub.assessment.domain;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

import org.capacityhub.platform.InvalidInputException;

/** Size limits of what an assessment keeps, and the checks that enforce them. */
public final class Limits {

    public static final int NOTES = 4000;
    public static final int PURPOSE = 4000;
    public static final int PLACE = 300;
    public static final int NAME = 200;
    public static final int URL = 2000;
    public static final int EVIDENCE_LINKS = 20;
    public static final int BARRIERS = 20;
    public static final int BARRIER_DESCRIPTION = 1000;
    public static final int PARTICIPANTS = 200;
    public static final int FACILITATORS = 20;
    public static final int REASON = 2000;

    private Limits() {}

    /** The trimmed text, or null when blank; refuses text longer than {@code max}. */
    static String text(String value, int max, String field) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String trimmed = value.strip();
        if (trimmed.length() > max) {
            throw new InvalidInputException(field, "assessment.field.tooLong",
                    "This is longer than " + max + " characters (" + trimmed.length() + ").", max, trimmed.length());
        }
        return trimmed;
    }

    /** An absolute http or https address with a host. */
    static String url(String value, String field) {
        String trimmed = value == null ? "" : value.strip();
        if (trimmed.length() > URL) {
            throw new InvalidInputException(field, "assessment.evidence.tooLong",
                    "A link is longer than " + URL + " characters.", URL);
        }
        try {
            URI uri = new URI(trimmed);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if ((scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null && !uri.getHost().isBlank()) {
                return trimmed;
            }
        } catch (URISyntaxException e) {
            // reported below
        }
        throw new InvalidInputException(field, "assessment.evidence.invalid",
                "\"" + trimmed + "\" is not a web address starting with http:// or https://.", trimmed);
    }
}
