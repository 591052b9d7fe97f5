package org.capacityhub.planning.domain;

import java.math.BigDecimal;

import org.capacityhub.platform.InvalidInputException;

/** Sizes of what a plan holds, checked before anything is stored. */
public final class Limits {

    public static final int TITLE = 200;
    public static final int ITEM_TITLE = 300;
    public static final int TEXT = 2000;
    public static final int NOTE = 1000;
    public static final int URL = 1000;
    public static final int OWNER = 200;
    public static final int NAME = 200;
    public static final int ITEMS = 300;
    public static final int HOURS = 10_000;
    public static final BigDecimal COST = new BigDecimal("9999999999.99");

    private Limits() {}

    /** Trimmed text, null when blank; refused when longer than {@code max}. */
    public static String text(String value, int max, String field) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String v = value.strip();
        if (v.length() > max) {
            throw new InvalidInputException(field, "planning.text.tooLong", "At most " + max + " characters.", max);
        }
        return v;
    }

    public static String required(String value, int max, String field) {
        String v = text(value, max, field);
        if (v == null) {
            throw new InvalidInputException(field, "planning.text.required", "This cannot be empty.");
        }
        return v;
    }

    public static String url(String value, String field) {
        String v = text(value, URL, field);
        if (v != null && !(v.startsWith("/") && !v.startsWith("//")) && !v.matches("(?i)https?://\\S+")) {
            throw new InvalidInputException(field, "planning.url.invalid",
                    "Give an address starting with https:// (or a path of this site).");
        }
        return v;
    }

    public static Integer hours(Integer value, String field) {
        if (value != null && (value < 0 || value > HOURS)) {
            throw new InvalidInputException(field, "planning.hours.range", "Between 0 and " + HOURS + " hours.", HOURS);
        }
        return value;
    }

    public static BigDecimal cost(BigDecimal amount, String currency, String field) {
        if (amount == null) {
            return null;
        }
        if (amount.signum() < 0 || amount.compareTo(COST) > 0 || amount.scale() > 2) {
            throw new InvalidInputException(field, "planning.cost.range", "A cost is zero or more, in cents at most.");
        }
        if (amount.signum() > 0 && (currency == null || !currency.matches("[A-Z]{3}"))) {
            throw new InvalidInputException(field, "planning.cost.currency",
                    "A cost above zero needs its currency (ISO 4217 code such as EUR or KES).");
        }
        return amount;
    }
}
