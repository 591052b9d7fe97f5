package org.capacityhub.platform;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;


/**
 * Countries by ISO 3166-1 alpha-2 code, with names in the user's language. {@code XE} is the fictional Republic of
 * Examplia of the demo dataset (a user-assigned code, never a real country).
 */
public final class Countries {

    public static final String DEMO_COUNTRY = "XE";
    private static final Set<String> CODES = Set.of(Locale.getISOCountries());

    private Countries() {}

    public static boolean isKnown(String code) {
        return code != null && (CODES.contains(code) || DEMO_COUNTRY.equals(code));
    }

    public static String require(String code) {
        String normalised = code == null ? null : code.strip().toUpperCase(Locale.ROOT);
        if (!isKnown(normalised)) {
            throw new InvalidInputException("countryCode", "country.unknown",
                    "Choose a country by its two-letter ISO code.");
        }
        return normalised;
    }

    public static String name(String code, Locale locale) {
        if (code == null) {
            return "";
        }
        if (DEMO_COUNTRY.equals(code)) {
            return Locale.FRENCH.getLanguage().equals(locale.getLanguage()) ? "République d'Examplia (démo)"
                    : "Republic of Examplia (demo)";
        }
        return new Locale("", code).getDisplayCountry(locale);
    }

    public record Country(String code, String name) {}

    /** All countries, sorted by name in {@code locale}, for choice lists. */
    public static List<Country> all(Locale locale) {
        return CODES.stream().map(c -> new Country(c, name(c, locale)))
                .sorted(Comparator.comparing(Country::name, java.text.Collator.getInstance(locale))).toList();
    }
}
