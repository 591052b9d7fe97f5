package org.capacityhub.planning;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Set;

/**
 * The planner's constraints on activities.
 *
 * @param modes              accepted delivery modes; empty accepts every mode
 * @param maxHoursPerMonth   most effort per month a participant can give; null for no limit
 * @param maxCost            most an activity may cost per participant; null for no limit
 * @param currency           ISO 4217 currency of {@code maxCost} (an activity priced in another currency does not
 *                           fit a budget: no exchange rates are guessed); null when there is no budget
 * @param deadline           the plan's end: an activity that only starts after it does not fit; null for none
 */
public record PlanConstraints(Set<DeliveryMode> modes, Integer maxHoursPerMonth, BigDecimal maxCost, String currency,
        LocalDate deadline) {

    public static final PlanConstraints NONE = new PlanConstraints(Set.of(), null, null, null, null);

    public PlanConstraints {
        modes = modes == null ? Set.of() : Set.copyOf(modes);
    }
}
