package org.capacityhub.planning;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * What an activity costs a participant: {@link #FREE}, or an amount in an ISO 4217 currency.
 *
 * @param amount   zero or more
 * @param currency ISO 4217 code (upper case); null only when the amount is zero
 */
public record Cost(BigDecimal amount, String currency) {

    public static final Cost FREE = new Cost(BigDecimal.ZERO, null);

    public Cost {
        Objects.requireNonNull(amount, "amount");
        if (amount.signum() < 0) {
            throw new IllegalArgumentException("A cost is never negative");
        }
        if (amount.signum() > 0 && (currency == null || !currency.matches("[A-Z]{3}"))) {
            throw new IllegalArgumentException("A cost above zero needs an ISO 4217 currency");
        }
    }

    public boolean free() {
        return amount.signum() == 0;
    }
}
