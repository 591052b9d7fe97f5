package org.capacityhub.framework.domain;

import java.util.Collections;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * A translatable text: one value per language ({@code en}, {@code fr}, ...), stored side by side. Immutable; blank
 * values are dropped. {@link #in(String, String)} gives the user's language, falling back to the framework's.
 */
public final class Texts {

    public static final Texts EMPTY = new Texts(Map.of());

    private final Map<String, String> values;

    private Texts(Map<String, String> values) {
        TreeMap<String, String> copy = new TreeMap<>();
        values.forEach((language, value) -> {
            if (language != null && value != null && !value.isEmpty()) {
                copy.put(normaliseLanguage(language), value);
            }
        });
        this.values = Collections.unmodifiableMap(copy);
    }

    public static Texts of(Map<String, String> values) {
        return values == null || values.isEmpty() ? EMPTY : new Texts(values);
    }

    public static Texts of(String language, String value) {
        return value == null || value.isEmpty() ? EMPTY : new Texts(Map.of(language, value));
    }

    public static String normaliseLanguage(String language) {
        if (language == null || language.isBlank()) {
            return "en";
        }
        return Locale.forLanguageTag(language.strip().replace('_', '-')).getLanguage().toLowerCase(Locale.ROOT);
    }

    /** The text in {@code language}, else in {@code fallback}, else in any language, else null. */
    public String in(String language, String fallback) {
        String value = values.get(normaliseLanguage(language));
        if (value == null && fallback != null) {
            value = values.get(normaliseLanguage(fallback));
        }
        if (value == null && !values.isEmpty()) {
            value = values.values().iterator().next();
        }
        return value;
    }

    /** The text exactly in {@code language}, or null. */
    public String exactly(String language) {
        return values.get(normaliseLanguage(language));
    }

    public Texts with(String language, String value) {
        TreeMap<String, String> copy = new TreeMap<>(values);
        if (value == null || value.isEmpty()) {
            copy.remove(normaliseLanguage(language));
        } else {
            copy.put(normaliseLanguage(language), value);
        }
        return new Texts(copy);
    }

    public Map<String, String> asMap() {
        return values;
    }

    public Set<String> languages() {
        return values.keySet();
    }

    public boolean isEmpty() {
        return values.isEmpty();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Texts t && t.values.equals(values);
    }

    @Override
    public int hashCode() {
        return values.hashCode();
    }

    @Override
    public String toString() {
        return values.toString();
    }
}
