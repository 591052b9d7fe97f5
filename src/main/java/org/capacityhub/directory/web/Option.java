package org.capacityhub.directory.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.capacityhub.platform.Countries;

/** One choice of a choice list. */
public record Option(String value, String label) {

    /** Every country in the user's language, plus the demo country when {@code current} is it. */
    public static List<Option> countries(Locale locale, String current) {
        List<Option> options = new ArrayList<>();
        if (Countries.DEMO_COUNTRY.equals(current)) {
            options.add(new Option(Countries.DEMO_COUNTRY, Countries.name(Countries.DEMO_COUNTRY, locale)));
        }
        Countries.all(locale).forEach(c -> options.add(new Option(c.code(), c.name())));
        return options;
    }
}
